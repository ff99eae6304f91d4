import { getArticle, getRedirectTarget } from '@/lib/content';
import { type ListingKind, resolveListingPage } from '@/lib/listings';
import { findCard } from '@/lib/og/cards';

/**
 * The header the edge indexes (Varnish `xkey`) and strips before a response leaves it: which
 * stories and listings a response shows, so one purge by key refreshes every copy of them.
 */
export const SURROGATE_KEY_HEADER = 'xkey';

export const FEEDS_KEY = 'feeds';
export const SITEMAPS_KEY = 'sitemaps';
export const HOME_KEY = 'listing:home';

export const articleKey = (slug: string) => `article:${slug}`;

export function listingKey(kind: ListingKind, slug: string): string {
  return kind === 'home' ? HOME_KEY : `${kind}:${slug}`;
}

const GROUPS: Record<string, Exclude<ListingKind, 'home'>> = {
  sections: 'section',
  tags: 'tag',
  authors: 'author',
};

const STORY =
  /^\/(?:articles\/([^/]+)(?:\/feed\.xml)?|api\/(?:share|live|oembed)\/([^/]+?)(?:\.json)?)$/;
const LISTING = /^(?:\/(sections|tags|authors)\/([^/]+))?(?:\/page\/([^/]+))?\/?$/;
const FEED = /(?:^|\/)(?:feed\.xml|atom\.xml|feed\.json)$/;
const SITEMAP = /^\/(?:sitemap\.xml|news-sitemap\.xml|sitemaps\/[^/]+)$/;
const CARD = /^\/cards\/([^/]+)\/([^/]+)\/[^/]+$/;

function listingPageKeys(group: string | undefined, slug: string, page?: string): string[] {
  const kind = group ? GROUPS[group] : 'home';
  if (!kind) return [];
  const view = resolveListingPage(kind, slug, page);
  if (!view) return [];
  return [listingKey(kind, slug), ...view.page.items.map((article) => articleKey(article.slug))];
}

/**
 * The surrogate keys of the response at `pathname` (already decoded): a story's page, feed,
 * share, live and oEmbed JSON carry `article:<slug>`; a listing page its listing's key and one
 * `article:` key per story it shows; feeds `feeds`; sitemaps `sitemaps`; a card the key of what it
 * draws. Any other path has none.
 */
export function surrogateKeys(pathname: string): string[] {
  const story = STORY.exec(pathname);
  if (story) {
    const slug = story[1] ?? story[2] ?? '';
    const article = getArticle(slug);
    if (article) return [articleKey(article.slug)];
    const target = getRedirectTarget(slug);
    // A story not yet public still carries its key, so the purge that publishes it drops the 404.
    return [articleKey(target?.slug ?? slug)];
  }
  if (FEED.test(pathname)) return [FEEDS_KEY];
  if (SITEMAP.test(pathname)) return [SITEMAPS_KEY];
  const card = CARD.exec(pathname);
  if (card) {
    const found = findCard(card[1] ?? '', card[2] ?? '');
    if (!found) return [];
    return [found.kind === 'article' ? articleKey(found.key) : listingKey(found.kind, found.key)];
  }
  const listing = LISTING.exec(pathname);
  if (listing) return listingPageKeys(listing[1], listing[2] ?? '', listing[3]);
  return [];
}
