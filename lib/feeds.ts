import { type Category, Feed, type Item } from 'feed';
import type { Article, LiveArticle } from '@/lib/content';
import { articleHtml, escapeHtml, updateHtml } from '@/lib/feed-html';
import { joinNames } from '@/lib/format';
import { notFoundResponse } from '@/lib/http';
import { getListing, type Listing } from '@/lib/listings';
import { absoluteUrl, defaultLocale, type Locale, localeInfo, localePath, site } from '@/lib/site';
import { nameIn } from '@/lib/content/schema';

export type FeedFormat = 'rss' | 'atom' | 'json';
export type FeedKind = 'home' | 'section' | 'author';

export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

export const FEED_FILES: Record<FeedFormat, string> = {
  rss: 'feed.xml',
  atom: 'atom.xml',
  json: 'feed.json',
};

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

const FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

export function feedPath(basePath: string, format: FeedFormat): string {
  return `${basePath === '/' ? '' : basePath}/${FEED_FILES[format]}`;
}

export function feedTitle(listing: Listing): string {
  return listing.kind === 'home' ? site.name : `${listing.title} | ${site.name}`;
}

/** The feeds that autodiscovery announces for a listing page, keyed by content type. */
export function feedLinks(listing: Listing): { type: string; url: string; title: string }[] {
  return FEED_FORMATS.map((format) => ({
    type: FEED_CONTENT_TYPES[format],
    url: feedPath(listing.basePath, format),
    title: `${feedTitle(listing)} (${FORMAT_NAMES[format]})`,
  }));
}

// xml-js writes attribute values escaping only quotes (and `feed` escapes `&`), so a `<` in a
// category label would make the XML malformed.
function attributeSafe(value: string): string {
  return value.replaceAll('<', '‹').replaceAll('>', '›');
}

function categories(article: Article, format: FeedFormat): Category[] {
  const { locale } = article;
  const all = [
    { name: nameIn(article.section, locale), url: localePath(locale, article.section.url) },
    ...article.tags.map((tag) => ({ name: nameIn(tag, locale), url: tag.url })),
  ];
  return all.map((entry) =>
    format === 'atom'
      ? { term: attributeSafe(entry.name), name: attributeSafe(entry.name) }
      : { name: entry.name, domain: format === 'rss' ? absoluteUrl(entry.url) : undefined },
  );
}

function item(article: Article, format: FeedFormat): Item {
  const link = absoluteUrl(article.url);
  const html = format !== 'json';
  return {
    title: html ? escapeHtml(article.title) : article.title,
    ...(format === 'rss' ? {} : { id: link }),
    link,
    date: article.modified,
    published: article.published,
    description: html ? escapeHtml(article.summary) : article.summary,
    content: articleHtml(article) || `<p>${escapeHtml(article.summary)}</p>`,
    category: categories(article, format),
    ...(format === 'rss'
      ? {
          extensions: [
            {
              name: 'dc:creator',
              objects: { _text: joinNames(article.authors.map((author) => author.name)) },
            },
          ],
        }
      : {
          author: article.authors.map((author) => ({
            name: author.name,
            link: absoluteUrl(author.url),
          })),
        }),
  };
}

function toJsonFeed11(json: string, articles: Article[], locale: Locale): string {
  const parsed = JSON.parse(json) as { items: Record<string, unknown>[] } & Record<string, unknown>;
  const channel = { ...parsed, author: undefined };
  const feed = {
    ...channel,
    version: 'https://jsonfeed.org/version/1.1',
    authors: [{ name: site.name, url: absoluteUrl('/') }],
    language: localeInfo(locale).tag,
    favicon: absoluteUrl(site.logo),
    items: parsed.items.map((entry, index) => {
      const article = articles[index];
      const rest = { ...entry, author: undefined };
      if (!article) return rest;
      return {
        ...rest,
        ...(article.image ? { image: absoluteUrl(article.image) } : {}),
        authors: article.authors.map((author) => ({
          name: author.name,
          url: absoluteUrl(author.url),
        })),
      };
    }),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

/** A feed of the publication's: what every channel says about the site, and its own fields. */
function channel(own: {
  link: string;
  title: string;
  description: string;
  updated: Date;
  feedLinks: Record<string, string | undefined>;
  locale: Locale;
}): Feed {
  const { locale, ...rest } = own;
  return new Feed({
    ...rest,
    id: own.link,
    language: localeInfo(locale).tag,
    image: absoluteUrl(site.logo),
    favicon: absoluteUrl(site.logo),
    copyright: `© ${site.name}`,
    generator: false,
    hub: site.websubHub,
    author: { name: site.name, link: absoluteUrl('/') },
  });
}

export function renderFeed(
  listing: Listing,
  format: FeedFormat,
  limit: number = site.feedSize,
): string {
  const articles = listing.articles.slice(0, limit);
  const links = Object.fromEntries(
    FEED_FORMATS.map((f) => [f, absoluteUrl(feedPath(listing.basePath, f))]),
  );
  const updated = articles.reduce<Date | undefined>(
    (latest, article) => (!latest || article.modified > latest ? article.modified : latest),
    undefined,
  );
  const feed = channel({
    link: absoluteUrl(listing.basePath),
    title: feedTitle(listing),
    description: listing.description,
    updated: updated ?? new Date(0),
    feedLinks: { [format]: links[format] },
    locale: listing.locale,
  });
  for (const article of articles) feed.addItem(item(article, format));
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return feed.atom1();
  return toJsonFeed11(feed.json1(), articles, listing.locale);
}

export function feedResponse(
  kind: FeedKind,
  slug: string,
  format: FeedFormat,
  locale: Locale = defaultLocale,
): Response {
  const listing = getListing(kind, slug, locale);
  if (!listing) return notFoundResponse(`no ${kind} "${slug}"`);
  return new Response(renderFeed(listing, format), {
    headers: { 'Content-Type': `${FEED_CONTENT_TYPES[format]}; charset=utf-8` },
  });
}

/** One live story's updates, newest first, as RSS: readers can follow a single story. */
export function renderLiveFeed(article: LiveArticle): string {
  const link = absoluteUrl(article.url);
  const feed = channel({
    link,
    title: `${escapeHtml(article.title)} | ${site.name}`,
    description: escapeHtml(article.summary),
    updated: article.modified,
    feedLinks: { rss: absoluteUrl(liveFeedPath(article)) },
    locale: article.locale,
  });
  for (const update of article.live.updates) {
    const url = absoluteUrl(update.path);
    feed.addItem({
      title: escapeHtml(update.title),
      id: url,
      link: url,
      date: update.date,
      published: update.date,
      content: updateHtml(article, update),
    });
  }
  return feed.rss2();
}

export function liveFeedPath(article: Article): string {
  return `${article.url}/feed.xml`;
}
