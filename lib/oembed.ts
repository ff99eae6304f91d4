import { type Article, getArticle } from '@/lib/content';
import { joinNames } from '@/lib/format';
import { articleCard, cardImage, RENDITION_NAMES } from '@/lib/og/cards';
import { absoluteUrl, site } from '@/lib/site';

export const OEMBED_CACHE_AGE = 86_400;
/** The prerendered per-article answer, `/api/oembed/<slug>.json`: what a static export links to. */
export const OEMBED_JSON_SUFFIX = '.json';

export interface OEmbedResult {
  status: 200 | 400 | 404 | 501;
  body: Record<string, string | number>;
}

const error = (status: OEmbedResult['status'], message: string): OEmbedResult => ({
  status,
  body: { error: message },
});

function dimension(value: string | null): number | null | undefined {
  if (value === null) return undefined;
  return /^[1-9]\d{0,5}$/.test(value) ? Number(value) : null;
}

/** An oEmbed 1.0 answer (type "link") for one of our article URLs. */
export function oembed(params: URLSearchParams): OEmbedResult {
  const url = params.get('url');
  if (!url) return error(400, 'The url parameter is required');
  if (!URL.canParse(url)) return error(400, 'The url parameter is not a valid URL');
  const target = new URL(url);
  if (!/^https?:$/.test(target.protocol)) return error(400, 'The url must be http or https');
  const maxwidth = dimension(params.get('maxwidth'));
  const maxheight = dimension(params.get('maxheight'));
  if (maxwidth === null || maxheight === null) {
    return error(400, 'maxwidth and maxheight must be positive integers');
  }
  const format = params.get('format') ?? 'json';
  if (format !== 'json') return error(501, `format=${format} is not supported; use format=json`);

  const match = /^\/articles\/([^/]+)\/?$/.exec(target.pathname);
  const article =
    target.origin === site.url.origin && match?.[1] ? getArticle(match[1]) : undefined;
  if (!article) return error(404, 'The url is not an article of this site');

  return { status: 200, body: articleOEmbed(article, maxwidth, maxheight) };
}

export function articleOEmbed(
  article: Article,
  maxwidth = Infinity,
  maxheight = Infinity,
): Record<string, string | number> {
  const card = articleCard(article);
  const thumbnail = RENDITION_NAMES.map((rendition) => cardImage(card, rendition)).find(
    (image) => image.width <= maxwidth && image.height <= maxheight,
  );
  const [lead] = article.authors;
  return {
    version: '1.0',
    type: 'link',
    title: article.title,
    author_name: joinNames(article.authors.map((author) => author.name)),
    ...(lead ? { author_url: absoluteUrl(lead.url) } : {}),
    provider_name: site.name,
    provider_url: absoluteUrl('/'),
    cache_age: OEMBED_CACHE_AGE,
    ...(thumbnail
      ? {
          thumbnail_url: thumbnail.url,
          thumbnail_width: thumbnail.width,
          thumbnail_height: thumbnail.height,
        }
      : {}),
  };
}
