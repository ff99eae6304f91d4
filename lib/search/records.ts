import { type Article, contentDir, getArticles } from '@/lib/content';
import { bodyText } from '@/lib/content/body';
import {
  readSearchTexts,
  rewriteSearchTexts,
  SearchTextWriter,
  searchTextFile,
} from '@/lib/content/search-texts';
import { verdictCacheFile } from '@/lib/content/verdicts';
import { joinNames } from '@/lib/format';
import { nameIn } from '@/lib/content/schema';
import { localeInfo, locales } from '@/lib/site';

/** Every language's published stories: each becomes a record in its language's index. */
export function everyLanguageRecords(): SearchRecord[] {
  return searchRecords(locales.flatMap((info) => getArticles(info.code)));
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

export function searchRecord(article: Article, text: string): SearchRecord {
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
      text,
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
  const published = articles.filter((article) => article.status === 'published');
  return withBodyTexts(published).map(([article, text]) => searchRecord(article, text));
}

/**
 * Each story's body as text: from the file the content check fills as it parses (a body is
 * parsed once per version), else computed here and added to it. The file is written anew when
 * most of it is texts of bodies no longer published.
 */
function withBodyTexts(articles: Article[]): [Article, string][] {
  const file = searchTextFile(verdictCacheFile(contentDir));
  const wanted = new Set(articles.map((article) => article.bodyHash));
  const { texts, entries } = readSearchTexts(file, wanted);
  const computed: [string, string][] = [];
  const result = articles.map((article): [Article, string] => {
    const known = texts.get(article.bodyHash);
    if (known !== undefined) return [article, known];
    const text = bodyText(article);
    texts.set(article.bodyHash, text);
    computed.push([article.bodyHash, text]);
    return [article, text];
  });
  if (entries + computed.length > 2 * wanted.size) rewriteSearchTexts(file, texts);
  else {
    const writer = new SearchTextWriter(file);
    writer.add(computed);
    writer.close();
  }
  return result;
}
