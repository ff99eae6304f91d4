import { redirectMap } from './redirects';
import { type Release, visibleAt } from './release';
import { articleAt } from './timing';
import type { Article, Author, SectionEntry, Tag } from './types';

export interface TagEntry extends Tag {
  count: number;
}

export interface ContentIndex {
  articles: Article[];
  bySlug: Map<string, Article>;
  /** Every story that loaded, drafts and scheduled ones too: only preview links reach these. */
  anyStatus: Map<string, Article>;
  sections: SectionEntry[];
  authors: Author[];
  tags: TagEntry[];
  byTag: Map<string, Article[]>;
  positions: Map<Article, number>;
  tagPositions: Map<string, number[]>;
  bySection: Map<string, Article[]>;
  byAuthor: Map<string, Article[]>;
  redirects: Map<string, string>;
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

export function buildIndex(release: Release, at: Date): ContentIndex {
  const articles = visibleAt(release, at);
  const byTag = group(articles, (article) => article.tags.map((tag) => tag.slug));
  const tagNames = new Map<string, Tag>();
  for (const article of articles) {
    for (const tag of article.tags) if (!tagNames.has(tag.slug)) tagNames.set(tag.slug, tag);
  }
  const positions = new Map(articles.map((article, position) => [article, position]));
  return {
    articles,
    bySlug: new Map(articles.map((article) => [article.slug, article])),
    anyStatus: new Map(
      release.articles.map((article) => [article.slug, articleAt(article, at)]),
    ),
    sections: release.sections,
    authors: release.authors,
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
    redirects: redirectMap(articles),
  };
}
