import type { TagEntry } from './content-index';
import { index } from './store';
import type { Article, Author, SectionEntry } from './types';

export type {
  Article,
  Author,
  LiveArticle,
  LiveCoverage,
  LiveUpdate,
  PublicationStatus,
  SectionEntry,
  Tag,
} from './types';
export { isLive } from './types';
export type { TagEntry } from './content-index';
export { ContentError, formatIssue, type ContentIssue } from './issues';
export { contentDir } from '@/lib/settings.js';
export { showUnpublished, staticParams } from './dev-watch';
export { articlesAt, invalidateContent, publishedRelease } from './store';
export { getRelatedArticles } from './related';
export { type Page, pageNumbers, paginate } from './paginate';

export function getArticles(): Article[] {
  return index().articles;
}

export function getArticle(slug: string): Article | undefined {
  return index().bySlug.get(slug);
}

/**
 * A story whatever its status, for the preview route alone (lib/preview.ts checks the link first).
 * Nothing public may call this: listings, feeds and pages read getArticle/getArticles.
 */
export function getArticleAnyStatus(slug: string): Article | undefined {
  return index().anyStatus.get(slug);
}

export function getSections(): SectionEntry[] {
  return index().sections;
}

export function getSection(slug: string): SectionEntry | undefined {
  return index().sections.find((section) => section.slug === slug);
}

export function getAuthors(): Author[] {
  return index().authors;
}

export function getAuthor(slug: string): Author | undefined {
  return index().authors.find((author) => author.slug === slug);
}

export function getTags(): TagEntry[] {
  return index().tags;
}

export function getTag(slug: string): TagEntry | undefined {
  return index().tags.find((tag) => tag.slug === slug);
}

export function getArticlesBySection(slug: string): Article[] {
  return index().bySection.get(slug) ?? [];
}

export function getArticlesByTag(slug: string): Article[] {
  return index().byTag.get(slug) ?? [];
}

export function getArticlesByAuthor(slug: string): Article[] {
  return index().byAuthor.get(slug) ?? [];
}

export function getRedirects(): { from: string; to: string }[] {
  return [...index().redirects].map(([from, to]) => ({ from, to }));
}

/** The live article an old slug (`redirectFrom`) now points to. */
export function getRedirectTarget(slug: string): Article | undefined {
  const target = index().redirects.get(slug);
  return target === undefined ? undefined : index().bySlug.get(target);
}
