import { redirectMap } from './redirects';
import { type Release, visibleAt } from './release';
import { articleAt } from './timing';
import { defaultLocale, type Locale, locales } from '../site';
import type { Article, Author, SectionEntry, Tag } from './types';

export interface TagEntry extends Tag {
  count: number;
}

/** One language's stories and the listings derived from them. */
export interface LocaleIndex {
  articles: Article[];
  bySlug: Map<string, Article>;
  tags: TagEntry[];
  byTag: Map<string, Article[]>;
  positions: Map<Article, number>;
  tagPositions: Map<string, number[]>;
  bySection: Map<string, Article[]>;
  byAuthor: Map<string, Article[]>;
}

/** The default language's index at the top, every language's under `locales`. */
export interface ContentIndex extends LocaleIndex {
  locales: Map<Locale, LocaleIndex>;
  /** Every story that loaded, drafts and scheduled ones too: only preview links reach these. */
  anyStatus: Map<string, Article>;
  sections: SectionEntry[];
  authors: Author[];
  redirects: Map<string, string>;
  /** Each translated story's published versions, keyed by the default-language slug. */
  translations: Map<string, Article[]>;
}

function group(articles: Article[], keys: (article: Article) => string[]) {
  const map = new Map<string, Article[]>();
  for (const article of articles) {
    for (const key of keys(article)) {
      const list = map.get(key);
      if (list) list.push(article);
      else map.set(key, [article]);
    }
  }
  return map;
}

function buildLocaleIndex(articles: Article[]): LocaleIndex {
  const byTag = group(articles, (article) => article.tags.map((tag) => tag.slug));
  const tagNames = new Map<string, Tag>();
  for (const article of articles) {
    for (const tag of article.tags) if (!tagNames.has(tag.slug)) tagNames.set(tag.slug, tag);
  }
  const positions = new Map(articles.map((article, position) => [article, position]));
  return {
    articles,
    bySlug: new Map(articles.map((article) => [article.slug, article])),
    tags: [...tagNames.values()]
      .map((tag) => ({ ...tag, count: byTag.get(tag.slug)?.length ?? 0 }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    byTag,
    positions,
    tagPositions: new Map(
      [...byTag].map(([slug, list]) => [slug, list.map((article) => positions.get(article) ?? -1)]),
    ),
    bySection: group(articles, (article) => [article.section.slug]),
    byAuthor: group(articles, (article) => article.authors.map((author) => author.slug)),
  };
}

export function buildIndex(release: Release, at: Date): ContentIndex {
  const visible = visibleAt(release, at);
  const byLocale = new Map(
    locales.map((info) => [
      info.code,
      buildLocaleIndex(visible.filter((article) => article.locale === info.code)),
    ]),
  );
  const original = byLocale.get(defaultLocale) ?? buildLocaleIndex([]);
  return {
    ...original,
    locales: byLocale,
    anyStatus: new Map(
      release.articles
        .filter((article) => article.locale === defaultLocale)
        .map((article) => [article.slug, articleAt(article, at)]),
    ),
    sections: release.sections,
    authors: release.authors,
    redirects: redirectMap(original.articles),
    translations: group(visible, (article) =>
      article.locale === defaultLocale
        ? [article.slug]
        : article.translationOf
          ? [article.translationOf]
          : [],
    ),
  };
}
