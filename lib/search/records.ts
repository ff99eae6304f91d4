import { type Article, getArticles } from '@/lib/content';
import { bodyText } from '@/lib/content/body';
import { joinNames } from '@/lib/format';
import { site } from '@/lib/site';

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
  const authors = article.authors.map((author) => author.name);
  const meta: SearchMeta = {
    title: article.title,
    summary: article.summary,
    section: article.section.name,
    date: article.date,
    byline: joinNames(authors),
  };
  return {
    url: article.url,
    language: site.language,
    content: [
      article.title,
      article.summary,
      authors.join(', '),
      article.tags.map((tag) => tag.name).join(', '),
      article.section.name,
      bodyText(article),
    ].join('\n'),
    meta: { ...meta },
    filters: { section: [article.section.name], author: authors },
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
