/** Text helpers of the search page, kept out of the client component so tests import them. */

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

export function statusText(status: Status, query: string, count: number | undefined): string {
  if (status === 'error') return 'Search could not be loaded. Please reload the page.';
  const term = query.trim();
  if (!term) return 'Type a word or two: a headline, a name, a place or a tag.';
  if (status === 'loading' || count === undefined) return 'Searching…';
  if (count === 0) return `No stories match “${term}”.`;
  return `${count === 1 ? '1 story matches' : `${count} stories match`} “${term}”.`;
}
