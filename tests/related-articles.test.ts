import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Article } from '@/lib/content';
import { generateCorpus } from '@/scripts/bench/generate-corpus';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-related-test-'));
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

// The ranking as first written: sort every candidate that shares a tag.
function relatedBySorting(article: Article, articles: Article[], limit = 4): Article[] {
  const shared = new Map<Article, number>();
  for (const tag of article.tags) {
    for (const other of articles.filter((a) => a.tags.some((t) => t.slug === tag.slug))) {
      if (other !== article) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
  }
  const same = (other: Article) => (other.section.slug === article.section.slug ? 1 : 0);
  const ranked = [...shared.keys()].sort(
    (a, b) =>
      (shared.get(b) ?? 0) - (shared.get(a) ?? 0) ||
      same(b) - same(a) ||
      b.published.getTime() - a.published.getTime(),
  );
  const picked = new Set(ranked.slice(0, limit));
  const section = articles.filter((other) => other.section.slug === article.section.slug);
  for (const pool of [section, articles]) {
    for (const other of pool) {
      if (picked.size >= limit) break;
      if (other !== article) picked.add(other);
    }
  }
  return [...picked];
}

async function expectSortedRanking(corpus: string) {
  vi.stubEnv('CONTENT_DIR', corpus);
  vi.stubEnv('CONTENT_CHECK_CACHE', 'off');
  vi.resetModules();
  const content = await import('@/lib/content');
  const articles = content.getArticles();
  expect(articles).toHaveLength(300);
  for (const article of articles) {
    for (const limit of [1, 4, 6, 12]) {
      const expected = relatedBySorting(article, articles, limit).map((a) => a.slug);
      expect(content.getRelatedArticles(article, limit).map((a) => a.slug)).toEqual(expected);
    }
  }
}

describe('getRelatedArticles', () => {
  // Loading parses and judges all 300 bodies.
  it('ranks exactly as sorting every candidate would, for every article of a corpus', async () => {
    const corpus = path.join(dir, 'dated');
    generateCorpus({ articles: 300, dir: corpus, seed: 7 });
    await expectSortedRanking(corpus);
  }, 60_000);

  it('breaks ties as that sort does when many stories share a publication time', async () => {
    const corpus = path.join(dir, 'ties');
    generateCorpus({ articles: 300, dir: corpus, seed: 11 });
    const articleDir = path.join(corpus, 'articles');
    const times = [
      '2020-01-01T09:00:00+00:00',
      '2020-01-02T09:00:00+00:00',
      '2020-01-03T09:00:00+00:00',
    ];
    fs.readdirSync(articleDir).forEach((name, i) => {
      const file = path.join(articleDir, name);
      const text = fs.readFileSync(file, 'utf8');
      const retimed = text.replace(/^date: .*$/m, `date: ${times[i % times.length]}`);
      expect(retimed).not.toBe(text);
      fs.writeFileSync(file, retimed);
    });
    await expectSortedRanking(corpus);
  }, 60_000);
});
