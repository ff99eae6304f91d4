import { createHash } from 'node:crypto';
import type { Article } from '@/lib/content';
import { pageHref } from '@/lib/listings';
import { site } from '@/lib/site';
import { articleKey, FEEDS_KEY, HOME_KEY, listingKey, SITEMAPS_KEY } from '@/lib/surrogate-keys';

/** What decides how a story appears anywhere: its own fields and where it sits in the order. */
function fingerprint(article: Article): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        article.title,
        article.summary,
        article.date,
        article.updated,
        article.image,
        article.imageAlt,
        article.imageCaption,
        article.imageCredit,
        article.canonical,
        article.corrections,
        article.redirectFrom,
        article.section.slug,
        article.authors.map((author) => author.slug),
        article.tags.map((tag) => tag.slug),
        article.bodyHash,
        article.live?.ended,
      ]),
    )
    .digest('hex');
}

export interface ContentSnapshot {
  order: string[];
  articles: Map<string, { fingerprint: string; article: Article }>;
}

export function snapshot(articles: Article[]): ContentSnapshot {
  return {
    order: articles.map((article) => article.slug),
    articles: new Map(
      articles.map((article) => [article.slug, { fingerprint: fingerprint(article), article }]),
    ),
  };
}

interface ListingRef {
  basePath: string;
  key: string;
  slugs: string[];
}

function listingsOf(article: Article, order: string[], all: Map<string, Article>): ListingRef[] {
  const inList = (test: (other: Article) => boolean) =>
    order.filter((slug) => {
      const other = all.get(slug);
      return other !== undefined && test(other);
    });
  return [
    { basePath: '/', key: HOME_KEY, slugs: order },
    {
      basePath: article.section.url,
      key: listingKey('section', article.section.slug),
      slugs: inList((other) => other.section.slug === article.section.slug),
    },
    ...article.tags.map((tag) => ({
      basePath: tag.url,
      key: listingKey('tag', tag.slug),
      slugs: inList((other) => other.tags.some((t) => t.slug === tag.slug)),
    })),
    ...article.authors.map((author) => ({
      basePath: author.url,
      key: listingKey('author', author.slug),
      slugs: inList((other) => other.authors.some((a) => a.slug === author.slug)),
    })),
  ];
}

/**
 * The paths a content change touches: each changed story's page, share JSON and oEmbed JSON; the
 * archive pages that list it (only the page it sits on when the order is unchanged, every page of
 * those listings when stories were added, removed or re-dated); the feeds and the sitemaps. Cards
 * need nothing: a changed card has a new URL. The search index is static files rebuilt by
 * `npm run search:index`, not a route. `keys` are the same set as the edge's surrogate keys
 * (lib/surrogate-keys.ts): each changed story's, every listing of theirs when the order moved
 * (a listing page that did not show the story may show it now), the feeds and the sitemaps.
 */
export function pathsToRevalidate(before: ContentSnapshot, after: ContentSnapshot) {
  const changed = new Set<string>();
  for (const [slug, entry] of after.articles) {
    if (before.articles.get(slug)?.fingerprint !== entry.fingerprint) changed.add(slug);
  }
  for (const slug of before.articles.keys()) if (!after.articles.has(slug)) changed.add(slug);
  const reordered = before.order.join('\n') !== after.order.join('\n');

  const paths = new Set<string>();
  const keys = new Set<string>();
  if (changed.size === 0 && !reordered) return { changed: [], paths: [], keys: [] };
  for (const slug of changed) {
    keys.add(articleKey(slug));
    paths.add(`/articles/${slug}`);
    paths.add(`/api/share/${slug}`);
    paths.add(`/api/share/${slug}.json`);
    paths.add(`/api/oembed/${slug}.json`);
    paths.add(`/api/live/${slug}.json`);
    paths.add(`/articles/${slug}/feed.xml`);
  }
  for (const state of [before, after]) {
    const all = new Map([...state.articles].map(([slug, entry]) => [slug, entry.article]));
    for (const slug of changed) {
      const article = all.get(slug);
      if (!article) continue;
      for (const listing of listingsOf(article, state.order, all)) {
        if (reordered) keys.add(listing.key);
        const pages = Math.max(1, Math.ceil(listing.slugs.length / site.pageSize));
        const at = Math.floor(listing.slugs.indexOf(slug) / site.pageSize) + 1;
        const numbers = reordered ? Array.from({ length: pages }, (_, i) => i + 1) : [at];
        for (const page of numbers) paths.add(pageHref(listing.basePath, page));
        if (listing.basePath === '/') {
          for (const feed of ['/feed.xml', '/atom.xml', '/feed.json']) paths.add(feed);
        } else if (!listing.basePath.startsWith('/tags/')) {
          for (const feed of ['feed.xml', 'atom.xml', 'feed.json']) {
            paths.add(`${listing.basePath}/${feed}`);
          }
        }
      }
    }
  }
  for (const path of ['/sitemap.xml', '/news-sitemap.xml']) paths.add(path);
  keys.add(FEEDS_KEY).add(SITEMAPS_KEY);
  return { changed: [...changed].sort(), paths: [...paths], keys: [...keys].sort() };
}
