import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDir } from './helpers/temporary-dir';

// Settings are read when lib/ is first imported: the content folder and cache are set before.
const root = path.resolve(import.meta.dirname, '..');
const dir = temporaryDir();
const cacheFile = path.join(dir, 'cache', 'check.json');
process.env.CONTENT_DIR = dir;
process.env.CONTENT_CHECK_CACHE = cacheFile;
const { generateCorpus } = await import('../scripts/bench/generate-corpus');
generateCorpus({ articles: 60, dir });
const { now } = await import('@/lib/clock');

const { checkContent } = await import('@/lib/content/check');
const { bodyText } = await import('@/lib/content/body');
const { getArticles, invalidateContent } = await import('@/lib/content');
const { RULES_HASH } = await import('@/lib/content/sanitise');
const { searchTextFile } = await import('@/lib/content/search-texts');
const { searchRecords } = await import('@/lib/search/records');

const textFile = searchTextFile(cacheFile) ?? '';
const lines = () => fs.readFileSync(textFile, 'utf8').split('\n').filter(Boolean);
const entries = () =>
  lines()
    .slice(1)
    .map((line) => JSON.parse(line) as [string, string]);
const check = () =>
  checkContent({
    contentDir: dir,
    publicDir: path.join(root, 'public'),
    now: now(),
    cacheFile,
    workers: 2,
  });

describe('search texts kept by the content check for the search index', () => {
  it('writes the text of every body it parses, as the search index would compute it', async () => {
    const result = await check();
    expect(result.errors).toBe(0);
    expect(textFile).toBe(path.join(dir, 'cache', 'check.texts.jsonl'));
    expect(lines()[0]).toBe(JSON.stringify(RULES_HASH));
    expect(entries()).toHaveLength(result.parsed);
    const byKey = new Map(entries());
    const articles = getArticles();
    expect(articles.length).toBeGreaterThan(50);
    for (const article of articles) {
      expect(byKey.get(article.bodyHash)).toBe(bodyText(article));
    }
  }, 120_000);

  it('appends only the bodies a later check parses', async () => {
    const before = entries().length;
    const [first] = fs.readdirSync(path.join(dir, 'articles')).sort();
    fs.appendFileSync(
      path.join(dir, 'articles', first ?? ''),
      '\nA paragraph added by the edit.\n',
    );
    const result = await check();
    expect(result.parsed).toBe(1);
    expect(entries()).toHaveLength(before + 1);
    expect(entries().at(-1)?.[1]).toMatch(/A paragraph added by the edit\.$/);
    invalidateContent();
  }, 120_000);

  it('gives the index the kept texts, and computes and keeps the ones missing', () => {
    const articles = getArticles();
    const [kept, dropped] = articles;
    if (!kept || !dropped) throw new Error('too few articles');
    const rest = lines().filter(
      (line) => !line.startsWith(JSON.stringify([dropped.bodyHash]).slice(0, -1)),
    );
    fs.writeFileSync(
      textFile,
      `${rest.join('\n')}\n${JSON.stringify([kept.bodyHash, 'keptsentinel words'])}\n`,
    );
    const records = new Map(searchRecords().map((record) => [record.url, record.content]));
    expect(records.get(kept.url)).toMatch(/\nkeptsentinel words$/);
    expect(records.get(dropped.url)?.endsWith(`\n${bodyText(dropped)}`)).toBe(true);
    expect(new Map(entries()).get(dropped.bodyHash)).toBe(bodyText(dropped));
  });

  it('ignores texts of another pipeline and a line cut short, and drops texts nobody reads', () => {
    const articles = getArticles();
    const [first] = articles;
    if (!first) throw new Error('no articles');
    fs.writeFileSync(
      textFile,
      `"another pipeline"\n${JSON.stringify([first.bodyHash, 'stalesentinel'])}\n`,
    );
    expect(searchRecords().some((record) => record.content.includes('stalesentinel'))).toBe(false);
    expect(lines()[0]).toBe(JSON.stringify(RULES_HASH));
    expect(entries()).toHaveLength(articles.length);

    const unread = Array.from({ length: 2 * articles.length }, (_, i) =>
      JSON.stringify([`unread-${i}`, 'an old version']),
    );
    fs.appendFileSync(textFile, `${unread.join('\n')}\n["${first.bodyHash}", "cut sh`);
    const records = searchRecords();
    expect(records).toHaveLength(articles.length);
    expect(new Set(entries().map(([key]) => key))).toEqual(
      new Set(articles.map((article) => article.bodyHash)),
    );
  });
});
