import { getArticle, getArticles } from '@/lib/content';
import { notFoundResponse } from '@/lib/http';
import { prerendersShareFiles } from '@/lib/prerender';
import { sharePayload } from '@/lib/share';

type Context = { params: Promise<{ slug: string }> };

// A static export also writes each answer as <slug>.json, the name a static host serves as JSON;
// a server answers both names on first request (see prerendersShareFiles).
export function generateStaticParams() {
  if (!prerendersShareFiles()) return [];
  return getArticles().flatMap((article) => [
    { slug: article.slug },
    { slug: `${article.slug}.json` },
  ]);
}

export async function GET(_request: Request, { params }: Context) {
  const { slug } = await params;
  const article = getArticle(slug.replace(/\.json$/, ''));
  if (!article) return notFoundResponse(`no article "${slug}"`);
  return Response.json(sharePayload(article));
}
