import { getArticle, getArticles } from '@/lib/content';
import { notFoundResponse } from '@/lib/http';
import { sharePayload } from '@/lib/share';

type Context = { params: Promise<{ slug: string }> };

// Each answer is also written as <slug>.json, the name a static host serves as JSON.
export function generateStaticParams() {
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
