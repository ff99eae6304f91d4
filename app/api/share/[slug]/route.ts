import { getArticle } from '@/lib/content';
import { notFoundResponse } from '@/lib/http';
import { prerenderedArticles } from '@/lib/prerender';
import { sharePayload } from '@/lib/share';
import { staticExport } from '@/lib/site';

type Context = { params: Promise<{ slug: string }> };

// A static export also writes each answer as <slug>.json, the name a static host serves as JSON;
// a server answers that name, and stories older than the build prerenders, on first request.
export function generateStaticParams() {
  return prerenderedArticles().flatMap((article) =>
    staticExport
      ? [{ slug: article.slug }, { slug: `${article.slug}.json` }]
      : [{ slug: article.slug }],
  );
}

export async function GET(_request: Request, { params }: Context) {
  const { slug } = await params;
  const article = getArticle(slug.replace(/\.json$/, ''));
  if (!article) return notFoundResponse(`no article "${slug}"`);
  return Response.json(sharePayload(article));
}
