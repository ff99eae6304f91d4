import { type Article, getArticles } from '@/lib/content';
import { bodyText } from '@/lib/content/body';
import { joinNames } from '@/lib/format';
import { nameIn } from '@/lib/content/schema';
import { localeInfo, locales } from '@/lib/site';

/** Every language's published stories: each becomes a record in its language's index. */
export function everyLanguageRecords(): SearchRecord[] {
  return locales.flatMap((info) => searchRecords(getArticles(info.code)));
}

/** A Pagefind custom record (`index.addCustomRecord`), one per published story. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** What a result shows, as stored in each record's `meta`. */
export interface SearchMeta {
  title: string;
  summary: string;
  section: string;
  date: string;
  byline: string;
}

export function searchRecord(article: Article): SearchRecord {
  const { locale } = article;
  const authors = article.authors.map((author) => nameIn(author, locale));
  const section = nameIn(article.section, locale);
  const meta: SearchMeta = {
    title: article.title,
    summary: article.summary,
    section,
    date: article.date,
    byline: joinNames(authors, locale),
  };
  return {
    url: article.url,
    // Pagefind keeps one index per language and the search page loads its own page's (<html lang>).
    language: localeInfo(locale).tag,
    content: [
      article.title,
      article.summary,
      authors.join(', '),
      article.tags.map((tag) => nameIn(tag, locale)).join(', '),
      section,
      bodyText(article),
    ].join('\n'),
    meta: { ...meta },
    filters: { section: [section], author: authors },
    sort: { date: article.published.toISOString() },
  };
}

/**
 * Every story the index may hold: published ones only, even when the content module shows drafts
 * (under `next dev`), because the index is a file that outlives the process that wrote it.
 */
export function searchRecords(articles: Article[] = getArticles()): SearchRecord[] {
  return articles.filter((article) => article.status === 'published').map(searchRecord);
}
