import { getArticle, getArticles } from '@/lib/content';
import { isLive, livePayload } from '@/lib/live';

type Context = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return getArticles()
    .filter(isLive)
    .map((article) => ({ slug: `${article.slug}.json` }));
}

export async function GET(_request: Request, { params }: Context) {
  const { slug } = await params;
  const article = getArticle(slug.replace(/\.json$/, ''));
  if (!article || !isLive(article)) return new Response('Not found', { status: 404 });
  return Response.json(livePayload(article));
}
