import { XMLBuilder } from 'fast-xml-parser';
import {
  type Article,
  getArticles,
  getAuthors,
  getTranslations,
  getSections,
  getTags,
  paginate,
} from '@/lib/content';
import { notFoundResponse } from '@/lib/http';
import { getListing, type ListingKind, pageHref } from '@/lib/listings';
import { now } from '@/lib/clock';
import { type Alternate, hreflangAlternates } from '@/lib/i18n/alternates';
import {
  absoluteUrl,
  defaultLocale,
  type Locale,
  localeInfo,
  localePath,
  locales,
  otherLocales,
  site,
} from '@/lib/site';

export const SITEMAP_URL_LIMIT = 50_000;
export const NEWS_SITEMAP_LIMIT = 1_000;

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
const XML_DECLARATION = { '@_version': '1.0', '@_encoding': 'UTF-8' };

export interface SitemapEntry {
  url: string;
  lastModified?: string;
  /** The page in the other languages (`xhtml:link`), x-default included; the same on each member. */
  alternates?: Alternate[];
}

const builder = new XMLBuilder({ ignoreAttributes: false, format: true });

function xmlResponse(xml: string): Response {
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}

function newest(articles: Article[]): string | undefined {
  const [latest] = [...articles].sort((a, b) => b.modified.getTime() - a.modified.getTime());
  return latest?.dateModified;
}

/** An article whose canonical URL is elsewhere (syndicated) is left to that site's sitemap. */
function isOwnCanonical(article: Article): boolean {
  return !article.canonical || article.canonical === absoluteUrl(article.url);
}

function listingEntries(
  kind: ListingKind,
  slug: string,
  locale: Locale = defaultLocale,
): SitemapEntry[] {
  const listing = getListing(kind, slug, locale);
  if (!listing || (locale !== defaultLocale && listing.articles.length === 0)) return [];
  const entries: SitemapEntry[] = [];
  for (let number = 1; ; number++) {
    const page = paginate(listing.articles, number);
    if (!page) break;
    entries.push({
      url: absoluteUrl(pageHref(listing.basePath, number)),
      lastModified: newest(page.items),
    });
  }
  return entries;
}

function articleEntry(article: Article): SitemapEntry {
  const alternates = hreflangAlternates(
    getTranslations(article)
      .filter(isOwnCanonical)
      .map(({ locale, url }) => ({ locale, url })),
  );
  return {
    url: absoluteUrl(article.url),
    lastModified: article.dateModified,
    ...(alternates.length ? { alternates } : {}),
  };
}

/** One language's pages: its home and archive pages, its stories, its sections, authors, tags. */
function localeEntries(locale: Locale, articles: Article[]): SitemapEntry[] {
  const homes = hreflangAlternates(
    locales.map((info) => ({ locale: info.code, url: localePath(info.code, '/') })),
  );
  return [
    ...listingEntries('home', '', locale).map((entry, index) =>
      index === 0 ? { ...entry, alternates: homes } : entry,
    ),
    ...articles.filter(isOwnCanonical).map(articleEntry),
    ...getSections().flatMap((section) => listingEntries('section', section.slug, locale)),
    ...getAuthors().flatMap((author) => listingEntries('author', author.slug, locale)),
    ...getTags(locale).flatMap((tag) => listingEntries('tag', tag.slug, locale)),
  ];
}

/** Every language's pages, the default's first; translated pages carry their hreflang set. */
export function sitemapEntries(articles: Article[] = getArticles()): SitemapEntry[] {
  return [
    ...localeEntries(defaultLocale, articles),
    ...otherLocales.flatMap((locale) => localeEntries(locale, getArticles(locale))),
  ];
}

export function sitemapChunkCount(count: number, limit = SITEMAP_URL_LIMIT): number {
  return Math.max(1, Math.ceil(count / limit));
}

export function sitemapChunkPath(index: number): string {
  return `/sitemaps/${index}.xml`;
}

export function urlsetXml(entries: SitemapEntry[]): string {
  const translated = entries.some((entry) => entry.alternates?.length);
  return builder.build({
    '?xml': XML_DECLARATION,
    urlset: {
      '@_xmlns': SITEMAP_NS,
      ...(translated ? { '@_xmlns:xhtml': XHTML_NS } : {}),
      url: entries.map((entry) => ({
        loc: entry.url,
        ...(entry.lastModified ? { lastmod: entry.lastModified } : {}),
        ...(entry.alternates?.length
          ? {
              'xhtml:link': entry.alternates.map((link) => ({
                '@_rel': 'alternate',
                '@_hreflang': link.hreflang,
                '@_href': link.href,
              })),
            }
          : {}),
      })),
    },
  });
}

export function sitemapIndexXml(chunks: number, lastModified?: string): string {
  return builder.build({
    '?xml': XML_DECLARATION,
    sitemapindex: {
      '@_xmlns': SITEMAP_NS,
      sitemap: Array.from({ length: chunks }, (_, i) => ({
        loc: absoluteUrl(sitemapChunkPath(i + 1)),
        ...(lastModified ? { lastmod: lastModified } : {}),
      })),
    },
  });
}

/** `/sitemap.xml`: the URL set itself, or an index of chunks once past the protocol's limit. */
export function sitemapXml(entries: SitemapEntry[], limit = SITEMAP_URL_LIMIT): string {
  if (entries.length <= limit) return urlsetXml(entries);
  const latest = entries
    .map((entry) => entry.lastModified)
    .filter((value): value is string => Boolean(value))
    .sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  return sitemapIndexXml(sitemapChunkCount(entries.length, limit), latest);
}

export function sitemapChunkXml(
  entries: SitemapEntry[],
  index: number,
  limit = SITEMAP_URL_LIMIT,
): string | undefined {
  if (!Number.isInteger(index) || index < 1 || index > sitemapChunkCount(entries.length, limit)) {
    return undefined;
  }
  return urlsetXml(entries.slice((index - 1) * limit, index * limit));
}

/**
 * Articles for Google News, newest first: Google takes only stories published in the last two days,
 * so every story, live or not, is listed for the 48 hours after its publication date (`date`) and
 * then leaves the news sitemap.
 */
export function newsArticles(articles: Article[], at: Date): Article[] {
  const since = at.getTime() - site.newsSitemapHours * 3_600_000;
  return articles
    .filter((article) => {
      const time = article.published.getTime();
      return article.status === 'published' && time <= at.getTime() && time >= since;
    })
    .sort((a, b) => b.published.getTime() - a.published.getTime())
    .slice(0, NEWS_SITEMAP_LIMIT);
}

export function newsSitemapXml(articles: Article[], now: Date): string {
  return builder.build({
    '?xml': XML_DECLARATION,
    urlset: {
      '@_xmlns': SITEMAP_NS,
      '@_xmlns:news': NEWS_NS,
      url: newsArticles(articles, now).map((article) => ({
        loc: absoluteUrl(article.url),
        'news:news': {
          'news:publication': {
            'news:name': site.name,
            'news:language': localeInfo(article.locale).tag,
          },
          'news:publication_date': article.date,
          'news:title': article.title,
        },
      })),
    },
  });
}

export function sitemapResponse(): Response {
  return xmlResponse(sitemapXml(sitemapEntries()));
}

export function sitemapChunkResponse(file: string): Response {
  const match = /^([1-9]\d*)\.xml$/.exec(file);
  const xml = match && sitemapChunkXml(sitemapEntries(), Number(match[1]));
  return xml ? xmlResponse(xml) : notFoundResponse(`no sitemap ${file}`);
}

export function sitemapChunkParams(): { file: string }[] {
  const count = sitemapChunkCount(sitemapEntries().length);
  return Array.from({ length: count }, (_, i) => ({ file: `${i + 1}.xml` }));
}

export function newsSitemapResponse(at: Date = now()): Response {
  // Every language's stories, each with its own <news:language>.
  return xmlResponse(
    newsSitemapXml(
      locales.flatMap((info) => getArticles(info.code)),
      at,
    ),
  );
}

/** Everything is open to crawlers, including OG images and share routes (X drops blocked images). */
export function robotsRules() {
  return {
    rules: [{ userAgent: '*', allow: '/' }],
    sitemap: [absoluteUrl('/sitemap.xml'), absoluteUrl('/news-sitemap.xml')],
  };
}
