import { type Article, getArticles } from '@/lib/content';
import { site, staticExport } from '@/lib/site';

/**
 * What a build writes ahead of time. A static export has no server, so it writes everything. A
 * server build prerenders the pages of the newest `site.prerenderNewest` stories and the archive
 * pages that list them; the rest of the archive, and every share card and share JSON answer, is
 * rendered on its first request and then served from Next's cache like any prerendered page.
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

/**
 * Whether the build writes the share files (cards and share JSON). Only a static export does: a
 * server renders each when a platform first asks for it and keeps it, so its build does not spend
 * more than half its routes on files most stories never need
 * (docs/decisions/0905-share-files-on-first-request.md).
 */
export function prerendersShareFiles(): boolean {
  return staticExport;
}
