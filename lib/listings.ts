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
import { site, staticExport } from '@/lib/site';

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
}

export function getListing(kind: ListingKind, slug = ''): Listing | undefined {
  switch (kind) {
    case 'home':
      return {
        kind,
        slug: '',
        title: 'Latest stories',
        description: site.description,
        basePath: '/',
        articles: getArticles(),
      };
    case 'section': {
      const section = getSection(slug);
      if (!section) return undefined;
      return {
        kind,
        slug,
        title: section.name,
        kicker: 'Section',
        description: section.description,
        basePath: section.url,
        articles: getArticlesBySection(slug),
      };
    }
    case 'tag': {
      const tag = getTag(slug);
      if (!tag) return undefined;
      return {
        kind,
        slug,
        title: tag.name,
        kicker: 'Tag',
        description: `Stories tagged “${tag.name}” in ${site.name}.`,
        basePath: tag.url,
        articles: getArticlesByTag(slug),
      };
    }
    case 'author': {
      const author = getAuthor(slug);
      if (!author) return undefined;
      return {
        kind,
        slug,
        title: author.name,
        kicker: author.role,
        description: `Stories by ${author.name}${author.role ? `, ${author.role}` : ''}, in ${site.name}.`,
        basePath: author.url,
        articles: getArticlesByAuthor(slug),
        author,
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
): ListingPageView | undefined {
  const pageNumber = pageParam === undefined ? 1 : parsePage(pageParam);
  if (pageNumber === undefined || (pageParam !== undefined && pageNumber < 2)) return undefined;
  const listing = getListing(kind, slug);
  if (!listing) return undefined;
  const page = paginate(listing.articles, pageNumber);
  return page && { listing, page };
}

function parsePage(value: string): number | undefined {
  return /^[1-9]\d{0,5}$/.test(value) ? Number(value) : undefined;
}

function slugsOf(kind: Exclude<ListingKind, 'home'>): string[] {
  if (kind === 'section') return getSections().map((section) => section.slug);
  if (kind === 'tag') return getTags().map((tag) => tag.slug);
  return getAuthors().map((author) => author.slug);
}

export function listingSlugParams(kind: Exclude<ListingKind, 'home'>): { slug: string }[] {
  return staticParams(() => slugsOf(kind).map((slug) => ({ slug })));
}

export function listingPageParams(kind: ListingKind): { slug?: string; page: string }[] {
  return staticParams(() => pageParams(kind));
}

function pageParams(kind: ListingKind): { slug?: string; page: string }[] {
  const slugs = kind === 'home' ? [''] : slugsOf(kind);
  const params = slugs.flatMap((slug) => {
    const articles = getListing(kind, slug)?.articles ?? [];
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
