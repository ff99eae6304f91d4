import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareFixtureContent } from './helpers/content';
import { temporaryDir } from './helpers/temporary-dir';

prepareFixtureContent();
const { getArticles } = await import('@/lib/content');
const { everyLanguageRecords } = await import('@/lib/search/records');
const { buildSearchIndex } = await import('@/lib/search/build-index');

describe('search in every language', () => {
  it('gives each story a record in its own language, and Pagefind an index per language', async () => {
    const records = everyLanguageRecords();
    const byLanguage = (language: string) => records.filter((r) => r.language === language);
    expect(byLanguage('en').map((r) => r.url)).toEqual(getArticles().map((a) => a.url));
    expect(byLanguage('ko').map((r) => r.url)).toEqual(getArticles('ko').map((a) => a.url));
    expect(byLanguage('ar').map((r) => r.url)).toEqual(getArticles('ar').map((a) => a.url));
    const korean = byLanguage('ko').find((r) => r.url.endsWith('north-korea-volunteers-ukraine'));
    expect(korean?.filters).toEqual({ section: ['세계'], author: ['브라이언 케'] });
    const out = path.join(temporaryDir(), 'pagefind');
    await buildSearchIndex(records, out);
    const entry = JSON.parse(fs.readFileSync(path.join(out, 'pagefind-entry.json'), 'utf8'));
    expect(
      Object.fromEntries(
        Object.entries(entry.languages).map(([language, index]) => [
          language,
          (index as { page_count: number }).page_count,
        ]),
      ),
    ).toEqual({
      en: byLanguage('en').length,
      ko: byLanguage('ko').length,
      ar: byLanguage('ar').length,
    });
  }, 60_000);
});
