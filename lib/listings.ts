import {
  type Article,
  type Author,
  getArticles,
  getArticlesByAuthor,
  getArticlesBySection,
  getArticlesByTag,
  getAuthor,
  getAuthors,
  getSection,
  getSections,
  getTag,
  getTags,
  type Page,
  pageNumbers,
  staticParams,
  paginate,
} from '@/lib/content';
import { isArchivePagePrerendered } from '@/lib/prerender';
import { nameIn } from '@/lib/content/schema';
import { translate } from '@/lib/i18n/messages';
import type { LocalizedPage } from '@/lib/i18n/alternates';
import { defaultLocale, type Locale, localePath, locales, site, staticExport } from '@/lib/site';

export type ListingKind = 'home' | 'section' | 'tag' | 'author';

export interface Listing {
  kind: ListingKind;
  slug: string;
  title: string;
  kicker?: string;
  description: string;
  basePath: string;
  articles: Article[];
  author?: Author;
  locale: Locale;
}

export function getListing(
  kind: ListingKind,
  slug = '',
  locale: Locale = defaultLocale,
): Listing | undefined {
  switch (kind) {
    case 'home':
      return {
        kind,
        slug: '',
        title: translate(locale, 'listing.latest'),
        description: locale === defaultLocale ? site.description : translate(locale, 'tagline'),
        basePath: localePath(locale, '/'),
        articles: getArticles(locale),
        locale,
      };
    case 'section': {
      const section = getSection(slug);
      if (!section) return undefined;
      return {
        kind,
        slug,
        title: nameIn(section, locale),
        kicker: translate(locale, 'listing.section'),
        description: section.descriptions[locale] ?? section.description,
        basePath: localePath(locale, section.url),
        articles: getArticlesBySection(slug, locale),
        locale,
      };
    }
    case 'tag': {
      const tag = getTag(slug, locale);
      if (!tag) return undefined;
      return {
        kind,
        slug,
        title: nameIn(tag, locale),
        kicker: translate(locale, 'listing.tag'),
        description: translate(locale, 'listing.tagDescription', {
          tag: nameIn(tag, locale),
          site: site.name,
        }),
        basePath: tag.url,
        articles: getArticlesByTag(slug, locale),
        locale,
      };
    }
    case 'author': {
      const author = getAuthor(slug);
      if (!author) return undefined;
      return {
        kind,
        slug,
        title: nameIn(author, locale),
        kicker: author.role,
        description:
          locale === defaultLocale
            ? `Stories by ${author.name}${author.role ? `, ${author.role}` : ''}, in ${site.name}.`
            : translate(locale, 'listing.authorDescription', {
                name: nameIn(author, locale),
                site: site.name,
              }),
        basePath: localePath(locale, author.url),
        articles: getArticlesByAuthor(slug, locale),
        author,
        locale,
      };
    }
  }
}

export interface ListingPageView {
  listing: Listing;
  page: Page<Article>;
}

export function resolveListingPage(
  kind: ListingKind,
  slug: string,
  pageParam?: string,
  locale: Locale = defaultLocale,
): ListingPageView | undefined {
  const pageNumber = pageParam === undefined ? 1 : parsePage(pageParam);
  if (pageNumber === undefined || (pageParam !== undefined && pageNumber < 2)) return undefined;
  const listing = getListing(kind, slug, locale);
  if (!listing) return undefined;
  const page = paginate(listing.articles, pageNumber);
  return page && { listing, page };
}

function parsePage(value: string): number | undefined {
  return /^[1-9]\d{0,5}$/.test(value) ? Number(value) : undefined;
}

// Another language lists the sections and authors its own stories name: a page per language is
// written only where there is something to read in it.
function hasPage(listing: Listing | undefined): boolean {
  if (!listing) return false;
  if (listing.locale === defaultLocale || listing.kind === 'home' || listing.kind === 'tag') {
    return true;
  }
  return listing.articles.length > 0;
}

function slugsOf(kind: Exclude<ListingKind, 'home'>, locale: Locale): string[] {
  if (kind === 'tag') return getTags(locale).map((tag) => tag.slug);
  const all =
    kind === 'section'
      ? getSections().map((section) => section.slug)
      : getAuthors().map((author) => author.slug);
  return all.filter((slug) => hasPage(getListing(kind, slug, locale)));
}

/**
 * The listing's first page in every language that has it (the same section, author or tag), for
 * the language switcher; every language has a front page.
 */
export function listingVersions({ kind, slug }: Listing): LocalizedPage[] {
  return locales.flatMap((info) => {
    const version = getListing(kind, slug, info.code);
    return version && hasPage(version) ? [{ locale: info.code, url: version.basePath }] : [];
  });
}

export function listingSlugParams(
  kind: Exclude<ListingKind, 'home'>,
  locale: Locale = defaultLocale,
): { slug: string }[] {
  return staticParams(() => {
    const params = slugsOf(kind, locale).map((slug) => ({ slug }));
    // A static export refuses an empty list (see pageParams).
    return staticExport && params.length === 0 ? [{ slug: 'none' }] : params;
  });
}

export function listingPageParams(
  kind: ListingKind,
  locale: Locale = defaultLocale,
): { slug?: string; page: string }[] {
  return staticParams(() => pageParams(kind, locale));
}

function pageParams(kind: ListingKind, locale: Locale): { slug?: string; page: string }[] {
  const slugs = kind === 'home' ? [''] : slugsOf(kind, locale);
  const params = slugs.flatMap((slug) => {
    const articles = getListing(kind, slug, locale)?.articles ?? [];
    const numbers = pageNumbers(articles.length).filter((page) => {
      const first = articles[(page - 1) * site.pageSize];
      return first !== undefined && isArchivePagePrerendered(page, first);
    });
    return numbers.map((page) => ({ ...(kind === 'home' ? {} : { slug }), page: String(page) }));
  });
  // A static export refuses an empty list; page 1 of an archive is never linked (it is the
  // listing itself) and renders the not-found page, so it is a harmless placeholder.
  if (staticExport && params.length === 0) {
    return [{ ...(kind === 'home' ? {} : { slug: slugs[0] ?? 'none' }), page: '1' }];
  }
  return params;
}

export function pageHref(basePath: string, page: number): string {
  if (page <= 1) return basePath;
  return `${basePath === '/' ? '' : basePath}/page/${page}`;
}
