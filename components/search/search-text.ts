/** Text helpers of the search page, kept out of the client component so tests import them. */

import { fill, pluralForm } from '@/lib/i18n/fill';
import type { ClientMessages, MessageKey } from '@/lib/i18n/messages';
import { localeInfo } from '@/lib/locales';

/** Every string the search page's client part shows, passed by its server parent. */
export const SEARCH_MESSAGES = [
  'search.formLabel',
  'search.title',
  'listing.section',
  'search.author',
  'search.allSections',
  'search.allAuthors',
  'search.results',
  'search.more',
  'search.archive',
  'search.error',
  'search.prompt',
  'search.searching',
  'search.none',
  'search.count.one',
  'search.count.other',
] as const satisfies readonly MessageKey[];

export type SearchMessages = ClientMessages<typeof SEARCH_MESSAGES>;

export interface Part {
  text: string;
  mark: boolean;
}

export type Status = 'loading' | 'ready' | 'error';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};

/** Pagefind's excerpt is escaped text with `<mark>` around matches; render it as text, never HTML. */
export function excerptParts(excerpt: string): Part[] {
  return excerpt
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .filter(Boolean)
    .map((piece) => {
      const mark = piece.startsWith('<mark>');
      const text = (mark ? piece.slice(6, -7) : piece).replace(
        /&(?:amp|lt|gt|quot|#39|#x27);/g,
        (entity) => ENTITIES[entity] ?? entity,
      );
      return { text, mark };
    });
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The headline with every word that starts with a query word marked. */
export function titleParts(title: string, query: string): Part[] {
  const terms = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (!terms.length) return [{ text: title, mark: false }];
  return title
    .split(/([\p{L}\p{N}]+)/u)
    .filter(Boolean)
    .map((text) => ({ text, mark: terms.some((term) => fold(text).startsWith(term)) }));
}

export function statusText(
  status: Status,
  query: string,
  count: number | undefined,
  { locale, text }: SearchMessages,
): string {
  if (status === 'error') return text['search.error'];
  const term = query.trim();
  if (!term) return text['search.prompt'];
  if (status === 'loading' || count === undefined) return text['search.searching'];
  if (count === 0) return fill(text['search.none'], { term });
  return fill(text[`search.count.${pluralForm(localeInfo(locale).tag, count)}`], { count, term });
}
