import { describe, expect, it } from 'vitest';
import { HIDDEN_SLUGS, prepareFixtureContent } from './helpers/content';

prepareFixtureContent();
const { searchIndex } = await import('@/lib/search/documents');
const { createSearchEngine, excerpt } = await import('@/lib/search/engine');

const SEED = '/articles/north-korea-volunteers-ukraine';
const { documents } = searchIndex();
const engine = createSearchEngine(documents);
const urls = (query: string, fields?: Parameters<typeof engine.search>[1]) =>
  engine.search(query, fields).map((hit) => hit.document.url);

describe('search index', () => {
  it('holds every published story and no draft or scheduled one', () => {
    expect(documents.map((d) => d.url)).toContain(SEED);
    for (const hidden of HIDDEN_SLUGS) {
      expect(documents.some((d) => d.url.endsWith(hidden))).toBe(false);
    }
    expect(urls('draftonlyzebra')).toEqual([]);
    expect(urls('futureonlyquokka')).toEqual([]);
  });

  it('finds the seed story by a word only its body contains', () => {
    const seed = documents.find((d) => d.url === SEED);
    expect(seed?.title.toLowerCase()).not.toContain('korotchenko');
    expect(seed?.summary.toLowerCase()).not.toContain('korotchenko');
    expect(urls('Korotchenko')).toEqual([SEED]);
    const [hit] = engine.search('Korotchenko');
    expect(hit?.excerpt.filter((part) => part.mark).map((part) => part.text)).toContain(
      'Korotchenko',
    );
  });

  it('finds stories as the reader types (prefixes) and by author, tag and section', () => {
    expect(urls('Korotch')).toEqual([SEED]);
    expect(urls('Bryan Ke')[0]).toBe(SEED);
    expect(urls('north-korea', { fields: ['tags'] })).toContain(SEED);
    expect(urls('Bryan', { fields: ['authors'] })).toEqual([SEED]);
    expect(urls('World', { fields: ['section'] })).toContain(SEED);
  });

  it('requires every word to match', () => {
    expect(urls('Korotchenko corrections')).toEqual([]);
  });
});

describe('excerpt', () => {
  it('centres on the first match and marks every match', () => {
    const text = `${'lead '.repeat(40)}the Target word and target again ${'tail '.repeat(40)}`;
    const parts = excerpt(text, ['target'], 40);
    expect(parts[0]?.text).toBe('… ');
    expect(parts.at(-1)?.text).toBe(' …');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['Target', 'target']);
  });

  it('does not mark a term inside another word', () => {
    expect(excerpt('retarget target', ['target']).filter((p) => p.mark)).toHaveLength(1);
  });
});
