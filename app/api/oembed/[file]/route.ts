import { getArticle, getArticles } from '@/lib/content';
import { notFoundResponse } from '@/lib/http';
import { articleOEmbed, OEMBED_JSON_SUFFIX } from '@/lib/oembed';
import { staticExport } from '@/lib/site';

type Context = { params: Promise<{ file: string }> };

export const dynamic = 'force-static';

// Only the static export links these files; a server's discovery link is the query endpoint,
// so there they render on first request (if anything asks) instead of at build time.
export function generateStaticParams() {
  if (!staticExport) return [];
  return getArticles().map((article) => ({ file: `${article.slug}${OEMBED_JSON_SUFFIX}` }));
}

export async function GET(_request: Request, { params }: Context) {
  const { file } = await params;
  const article = file.endsWith(OEMBED_JSON_SUFFIX)
    ? getArticle(file.slice(0, -OEMBED_JSON_SUFFIX.length))
    : undefined;
  if (!article) return notFoundResponse('not an article of this site');
  return Response.json(articleOEmbed(article), {
    headers: { 'Access-Control-Allow-Origin': '*' },
  });
}
