import { getArticle, getArticles } from '@/lib/content';
import { FEED_CONTENT_TYPES, renderLiveFeed } from '@/lib/feeds';
import { isLive } from '@/lib/live';

type Context = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return getArticles()
    .filter(isLive)
    .map((article) => ({ slug: article.slug }));
}

export async function GET(_request: Request, { params }: Context) {
  const article = getArticle((await params).slug);
  if (!article || !isLive(article)) return new Response('Not found', { status: 404 });
  return new Response(renderLiveFeed(article), {
    headers: { 'Content-Type': `${FEED_CONTENT_TYPES.rss}; charset=utf-8` },
  });
}
