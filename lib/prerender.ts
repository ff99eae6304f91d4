import type { Article } from '@/lib/content';
import { getArticle, getArticles, getRedirectTarget } from '@/lib/content';
import { resolveListingPage } from '@/lib/listings';
import { site, staticExport } from '@/lib/site';

/**
 * What a build writes ahead of time. A static export has no server, so it writes everything. A
 * server build prerenders the newest `site.prerenderNewest` stories (their pages, share cards
 * and share JSON, and the archive pages that list them); the rest of the archive is rendered on
 * its first request and then served from Next's cache like any prerendered page.
 */
export function prerendersEverything(): boolean {
  return staticExport || getArticles().length <= site.prerenderNewest;
}

let cutoff: { articles: Article[]; date: number } | undefined;

/** Whether the build prerenders this story (always, in a static export). */
export function isPrerendered(article: Article): boolean {
  if (prerendersEverything()) return true;
  const articles = getArticles();
  if (cutoff?.articles !== articles) {
    const oldest = articles[Math.max(0, site.prerenderNewest - 1)];
    cutoff = { articles, date: oldest ? oldest.published.getTime() : Infinity };
  }
  return site.prerenderNewest > 0 && article.published.getTime() >= cutoff.date;
}

/**
 * Whether the build prerenders page `page` of an archive whose first story there is `first`:
 * in a server build, only the first `site.prerenderArchivePages` pages that list a prerendered
 * story; the rest render on first request. A static export writes every page.
 */
export function isArchivePagePrerendered(page: number, first: Article): boolean {
  if (staticExport) return true;
  return page <= site.prerenderArchivePages && isPrerendered(first);
}

export function prerenderedArticles(): Article[] {
  const articles = getArticles();
  return prerendersEverything() ? articles : articles.filter(isPrerendered);
}

const ARTICLE_PAGE = /^\/articles\/([^/]+)$/;
const ARCHIVE_PAGE = /^\/(?:(tags|sections|authors)\/([^/]+)\/)?page\/([^/]+)$/;
const ARCHIVE_KINDS = { tags: 'tag', sections: 'section', authors: 'author' } as const;

/**
 * For a path the build may have left to its first request (a story or an archive page), whether
 * that page exists; undefined for any other path. The proxy answers a missing one with the
 * site's 404 page before Next renders it on request (which would send an empty error shell).
 */
export function onDemandPage(pathname: string): 'exists' | 'missing' | undefined {
  const article = ARTICLE_PAGE.exec(pathname);
  if (article) {
    const slug = decodeURIComponent(article[1] ?? '');
    return getArticle(slug) || getRedirectTarget(slug) ? 'exists' : 'missing';
  }
  const archive = ARCHIVE_PAGE.exec(pathname);
  if (archive) {
    const [, group, slug, page] = archive;
    const kind =
      group === 'tags' || group === 'sections' || group === 'authors'
        ? ARCHIVE_KINDS[group]
        : 'home';
    const view = resolveListingPage(
      kind,
      decodeURIComponent(slug ?? ''),
      decodeURIComponent(page ?? ''),
    );
    return view ? 'exists' : 'missing';
  }
  return undefined;
}
