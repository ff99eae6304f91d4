import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  excerptParts,
  SEARCH_MESSAGES,
  statusText,
  titleParts,
} from '@/components/search/search-text';
import { pickMessages } from '@/lib/i18n/messages';
import { allowsWasm, contentSecurityPolicy } from '@/lib/security';
import { HIDDEN_SLUGS, prepareFixtureContent } from './helpers/content';
import { temporaryDir } from './helpers/temporary-dir';

prepareFixtureContent();
const { getArticles } = await import('@/lib/content');
const { searchRecords } = await import('@/lib/search/records');
const { buildSearchIndex } = await import('@/lib/search/build-index');
const { writeBundles } = await import('@/lib/search/bundle');

const SEED = '/articles/north-korea-volunteers-ukraine';
const records = searchRecords();
const seed = records.find((record) => record.url === SEED);

describe('search records', () => {
  it('hold every published story and no draft or scheduled one', () => {
    expect(records.map((record) => record.url)).toEqual(getArticles().map((a) => a.url));
    expect(seed).toBeDefined();
    for (const hidden of HIDDEN_SLUGS) {
      expect(records.some((record) => record.url.endsWith(hidden))).toBe(false);
    }
    const text = records.map((record) => record.content).join('\n');
    expect(text).not.toContain('draftonlyzebra');
    expect(text).not.toContain('futureonlyquokka');
  });

  it('leave out drafts even when the content module shows them (next dev)', () => {
    const [first] = getArticles();
    if (!first) throw new Error('no articles');
    const draft = { ...first, status: 'draft' as const };
    const scheduled = { ...first, status: 'scheduled' as const };
    expect(searchRecords([draft, scheduled, first]).map((record) => record.url)).toEqual([
      first.url,
    ]);
  });

  it('carry the body text, byline, tags, section filter and date', () => {
    expect(seed?.meta.title).not.toContain('Korotchenko');
    expect(seed?.meta.summary).not.toContain('Korotchenko');
    expect(seed?.content).toContain('Igor Korotchenko alleged');
    expect(seed?.content).toContain('Bryan Ke');
    expect(seed?.content).toContain('north-korea, russia, ukraine');
    expect(seed?.filters).toEqual({ section: ['World'], author: ['Bryan Ke'] });
    expect(seed?.meta).toMatchObject({
      section: 'World',
      byline: 'Bryan Ke',
      date: '2022-08-08T09:30:00-07:00',
    });
    expect(seed?.sort.date).toBe('2022-08-08T16:30:00.000Z');
  });
});

describe('buildSearchIndex', () => {
  it('writes a Pagefind bundle holding exactly the records', async () => {
    const out = temporaryDir();
    const built = await buildSearchIndex(records, path.join(out, 'pagefind'));
    const entry = JSON.parse(
      fs.readFileSync(path.join(out, 'pagefind', 'pagefind-entry.json'), 'utf8'),
    );
    expect(built.records).toBe(records.length);
    expect(entry.languages.en.page_count).toBe(records.length);
    expect(fs.existsSync(path.join(out, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(fs.readdirSync(path.join(out, 'pagefind', 'fragment'))).toHaveLength(records.length);
  }, 60_000);
});

describe('buildSearchIndex past the split size', () => {
  it('writes one bundle a year for older years and rebuilds only the years that changed', async () => {
    const out = path.join(temporaryDir(), 'pagefind');
    const options = { splitAbove: 0, recentYears: 1 };
    const pageCount = (dir: string) =>
      JSON.parse(fs.readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')).languages.en
        .page_count;

    const first = await buildSearchIndex(records, out, options);
    const years = [...new Set(records.map((record) => record.sort.date?.slice(0, 4)))].sort();
    const newest = years.at(-1) ?? '';
    expect(first.manifest.recentFrom).toBe(newest);
    expect(first.manifest.archive.map((entry) => entry.year)).toEqual(years.slice(0, -1).reverse());
    expect(first.rebuiltYears.sort()).toEqual(years.slice(0, -1));
    expect(pageCount(out)).toBe(records.filter((r) => r.sort.date?.startsWith(newest)).length);
    const seedYear = seed?.sort.date?.slice(0, 4) ?? '';
    expect(seedYear).not.toBe(newest);
    expect(pageCount(path.join(out, 'archive', seedYear))).toBe(
      records.filter((r) => r.sort.date?.startsWith(seedYear)).length,
    );
    expect(JSON.parse(fs.readFileSync(path.join(out, 'archive.json'), 'utf8'))).toEqual(
      first.manifest,
    );

    const again = await buildSearchIndex(records, out, options);
    expect(again.rebuiltYears).toEqual([]);
    expect(pageCount(path.join(out, 'archive', seedYear))).toBeGreaterThan(0);

    const edited = records.map((record) =>
      record === seed ? { ...record, content: `${record.content} corrected` } : record,
    );
    const third = await buildSearchIndex(edited, out, options);
    expect(third.rebuiltYears).toEqual([seedYear]);
    expect(fs.readdirSync(path.join(out, 'archive')).sort()).toEqual(years.slice(0, -1));
  }, 60_000);

  it('keeps a small archive in one bundle', async () => {
    const out = path.join(temporaryDir(), 'pagefind');
    const built = await buildSearchIndex(records, out);
    expect(built.manifest).toMatchObject({ recentFrom: '', archive: [] });
    expect(fs.existsSync(path.join(out, 'archive'))).toBe(false);
  }, 60_000);
});

/** Every file under `dir`, by relative path, with a hash of its bytes. */
function files(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .filter((file) => fs.statSync(path.join(dir, file)).isFile())
      .sort()
      .map((file) => [
        file,
        createHash('sha256')
          .update(fs.readFileSync(path.join(dir, file)))
          .digest('hex'),
      ]),
  );
}

describe('buildSearchIndex with several bundles (worker threads)', () => {
  const options = { splitAbove: 0, recentYears: 1 };

  it('writes the same files as writing each bundle in turn in one thread', async () => {
    const root = temporaryDir();
    const built = await buildSearchIndex(records, path.join(root, 'threads'), options);
    expect(built.manifest.archive.length).toBeGreaterThan(0);
    const inTurn = path.join(root, 'in-turn');
    const ofYear = (year: string) => records.filter((r) => r.sort.date?.startsWith(year));
    await writeBundles([
      {
        records: records.filter((r) => (r.sort.date ?? '') >= built.manifest.recentFrom),
        outputPath: inTurn,
      },
      ...built.manifest.archive.map(({ year }) => ({
        records: ofYear(year),
        outputPath: path.join(inTurn, 'archive', year),
      })),
    ]);
    fs.writeFileSync(path.join(inTurn, 'archive.json'), JSON.stringify(built.manifest));
    expect(files(path.join(root, 'threads'))).toEqual(files(inTurn));
  }, 60_000);

  it('names the failure and leaves the last index as it was when a bundle fails', async () => {
    const out = path.join(temporaryDir(), 'pagefind');
    await buildSearchIndex(records, out, options);
    const before = files(out);
    const broken = records.map((record) =>
      record === seed ? { ...record, filters: JSON.parse('{"tag": 5}') } : record,
    );
    await expect(buildSearchIndex(broken, out, options)).rejects.toThrow(/pagefind|Pagefind/);
    expect(files(out)).toEqual(before);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['pagefind']);
  }, 60_000);
});

describe('result rendering', () => {
  it('reads Pagefind excerpts as text with marked matches, never as HTML', () => {
    expect(excerptParts('said <mark>Korotchenko</mark> &lt;b&gt; &amp; more')).toEqual([
      { text: 'said ', mark: false },
      { text: 'Korotchenko', mark: true },
      { text: ' <b> & more', mark: false },
    ]);
  });

  it('marks headline words that start with a query word, ignoring case and accents', () => {
    const marked = titleParts('Sofía’s volunteers in Korea', 'korea SOFIA volunteer')
      .filter((part) => part.mark)
      .map((part) => part.text);
    expect(marked).toEqual(['Sofía', 'volunteers', 'Korea']);
    expect(titleParts('North Korea', '').filter((part) => part.mark)).toEqual([]);
  });

  it('says what the search is doing in the live region', () => {
    const en = { locale: 'en' as const, text: pickMessages('en', SEARCH_MESSAGES) };
    expect(statusText('ready', '  ', undefined, en)).toMatch(/^Type a word/);
    expect(statusText('loading', 'korea', undefined, en)).toBe('Searching…');
    expect(statusText('ready', ' korea ', 0, en)).toBe('No stories match “korea”.');
    expect(statusText('ready', 'korea', 1, en)).toBe('1 story matches “korea”.');
    expect(statusText('ready', 'korea', 12, en)).toBe('12 stories match “korea”.');
    expect(statusText('error', 'korea', 12, en)).toMatch(/could not be loaded/);
  });

  it("says it in the page's language, with that language's plural forms", () => {
    const ko = { locale: 'ko' as const, text: pickMessages('ko', SEARCH_MESSAGES) };
    const ar = { locale: 'ar' as const, text: pickMessages('ar', SEARCH_MESSAGES) };
    expect(statusText('ready', '북한', 1, ko)).toBe('“북한”에 맞는 기사 1건.');
    expect(statusText('ready', '북한', 0, ko)).toBe('“북한”에 맞는 기사가 없습니다.');
    expect(statusText('loading', '북한', undefined, ko)).toBe('검색 중…');
    expect(statusText('ready', 'كوريا', 3, ar)).toBe('عدد المقالات المطابقة لـ«كوريا»: 3.');
    expect(statusText('ready', '', undefined, ar)).toMatch(/^اكتب كلمة/);
  });
});

describe('search CSP', () => {
  it('lets WebAssembly compile on the search page and its bundle only', () => {
    expect(allowsWasm('/search')).toBe(true);
    expect(allowsWasm('/pagefind/pagefind-worker.js')).toBe(true);
    for (const other of ['/', '/articles/x', '/searching', '/search/x', '/sections/world']) {
      expect(allowsWasm(other)).toBe(false);
    }
    const policy = (wasm: boolean) =>
      /script-src ([^;]+)/.exec(
        contentSecurityPolicy({ scriptHashes: [], https: false, wasm }),
      )?.[1];
    expect(policy(true)).toMatch(/^'self' 'wasm-unsafe-eval' /);
    expect(policy(false)).not.toContain('unsafe');
  });
});
