import { getArticle, isLive } from '@/lib/content';
import { notFoundResponse } from '@/lib/http';
import { liveArticles, livePayload } from '@/lib/live-stories';

type Context = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return liveArticles().map((article) => ({ slug: `${article.slug}.json` }));
}

export async function GET(_request: Request, { params }: Context) {
  const { slug } = await params;
  const article = getArticle(slug.replace(/\.json$/, ''));
  if (!article || !isLive(article)) return notFoundResponse(`no live story "${slug}"`);
  return Response.json(livePayload(article));
}
