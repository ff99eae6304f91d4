import { defaultLocale, type Locale, locales } from '@/lib/site';
import type { LocaleIndex, TagEntry } from './content-index';
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

function localeIndex(locale: Locale): LocaleIndex {
  const found = index().locales.get(locale);
  if (!found) throw new Error(`no content index for the language "${locale}"`);
  return found;
}

export function getArticles(locale: Locale = defaultLocale): Article[] {
  return localeIndex(locale).articles;
}

export function getArticle(slug: string, locale: Locale = defaultLocale): Article | undefined {
  return localeIndex(locale).bySlug.get(slug);
}

/**
 * The published versions of a story in every language, itself included, in the order lib/site.ts
 * declares the languages; only itself when it has no translation.
 */
export function getTranslations(article: Article): Article[] {
  const key = article.locale === defaultLocale ? article.slug : article.translationOf;
  const set = (key !== undefined && index().translations.get(key)) || [article];
  const rank = (locale: Locale) => locales.findIndex((info) => info.code === locale);
  return [...set].sort((a, b) => rank(a.locale) - rank(b.locale));
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

export function getTags(locale: Locale = defaultLocale): TagEntry[] {
  return localeIndex(locale).tags;
}

export function getTag(slug: string, locale: Locale = defaultLocale): TagEntry | undefined {
  return localeIndex(locale).tags.find((tag) => tag.slug === slug);
}

export function getArticlesBySection(slug: string, locale: Locale = defaultLocale): Article[] {
  return localeIndex(locale).bySection.get(slug) ?? [];
}

export function getArticlesByTag(slug: string, locale: Locale = defaultLocale): Article[] {
  return localeIndex(locale).byTag.get(slug) ?? [];
}

export function getArticlesByAuthor(slug: string, locale: Locale = defaultLocale): Article[] {
  return localeIndex(locale).byAuthor.get(slug) ?? [];
}

export function getRedirects(): { from: string; to: string }[] {
  return [...index().redirects].map(([from, to]) => ({ from, to }));
}

/** The live article an old slug (`redirectFrom`) now points to. */
export function getRedirectTarget(slug: string): Article | undefined {
  const target = index().redirects.get(slug);
  return target === undefined ? undefined : index().bySlug.get(target);
}
