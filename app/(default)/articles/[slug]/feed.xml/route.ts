import { getArticle, isLive } from '@/lib/content';
import { notFoundResponse } from '@/lib/http';
import { FEED_CONTENT_TYPES, renderLiveFeed } from '@/lib/feeds';
import { liveArticles } from '@/lib/live-stories';

type Context = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return liveArticles().map((article) => ({ slug: article.slug }));
}

export async function GET(_request: Request, { params }: Context) {
  const article = getArticle((await params).slug);
  if (!article || !isLive(article)) return notFoundResponse('no live story here');
  return new Response(renderLiveFeed(article), {
    headers: { 'Content-Type': `${FEED_CONTENT_TYPES.rss}; charset=utf-8` },
  });
}
