import MiniSearch from 'minisearch';
import type { SearchDocument } from './types';

export const SEARCH_INDEX_PATH = '/search-index.json';

const FIELDS = ['title', 'summary', 'body', 'authors', 'tags', 'section'] as const;
export type SearchField = (typeof FIELDS)[number];

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface SearchHit {
  document: SearchDocument;
  score: number;
  excerpt: ExcerptPart[];
}

export interface SearchEngine {
  search(query: string, options?: { limit?: number; fields?: SearchField[] }): SearchHit[];
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A window of `text` around the first matched term, with every matched term marked. */
export function excerpt(text: string, terms: string[], radius = 90): ExcerptPart[] {
  const words = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!text) return [];
  if (!words.length) return [{ text: text.slice(0, radius * 2), mark: false }];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})`, 'giu');
  const first = pattern.exec(text);
  pattern.lastIndex = 0;
  const center = first ? first.index : 0;
  let start = Math.max(0, center - radius);
  let end = Math.min(text.length, center + radius);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length)
    end = text.lastIndexOf(' ', end) > center ? text.lastIndexOf(' ', end) : end;
  const window = text.slice(start, end);
  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: '… ', mark: false });
  let last = 0;
  for (const match of window.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: window.slice(last, match.index), mark: false });
    parts.push({ text: match[0], mark: true });
    last = match.index + match[0].length;
  }
  if (last < window.length) parts.push({ text: window.slice(last), mark: false });
  if (end < text.length) parts.push({ text: ' …', mark: false });
  return parts;
}

export function createSearchEngine(documents: SearchDocument[]): SearchEngine {
  const index = new MiniSearch<SearchDocument>({
    fields: [...FIELDS],
    storeFields: [],
    searchOptions: {
      boost: { title: 4, tags: 2, authors: 2, summary: 2, section: 1.5 },
      prefix: true,
      fuzzy: (term) => (term.length > 4 ? 0.2 : false),
      combineWith: 'AND',
    },
  });
  index.addAll(documents);
  const byId = new Map(documents.map((document) => [document.id, document]));
  return {
    search(query, { limit = 20, fields } = {}) {
      if (!query.trim()) return [];
      return index
        .search(query, fields ? { fields } : undefined)
        .slice(0, limit)
        .flatMap((result) => {
          const document = byId.get(Number(result.id));
          if (!document) return [];
          return [{ document, score: result.score, excerpt: excerpt(document.body, result.terms) }];
        });
    },
  };
}
