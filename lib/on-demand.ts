import { getArticle, getRedirectTarget } from '@/lib/content';
import { resolveListingPage } from '@/lib/listings';

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
