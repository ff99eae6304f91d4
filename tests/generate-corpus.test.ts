import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { judgeBody } from '@/lib/content/body';
import { loadContent } from '@/lib/content/load';
import { generateCorpus } from '@/scripts/bench/generate-corpus';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-corpus-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('generateCorpus', () => {
  const corpus = generateCorpus({ articles: 80, dir });
  const loaded = loadContent({
    judge: judgeBody,
    contentDir: dir,
    publicDir: path.join(process.cwd(), 'public'),
    now: new Date('2030-01-01T00:00:00Z'),
  });

  it('writes valid content that the content module loads without errors', () => {
    expect(loaded.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(loaded.articles).toHaveLength(80);
    expect(corpus.slugs).toHaveLength(80);
  });

  it('writes articles of 300 to 1,500 words with headings, lists, quotes and links', () => {
    for (const article of loaded.articles) {
      expect(article.readingTime.words).toBeGreaterThanOrEqual(300);
      expect(article.readingTime.words).toBeLessThanOrEqual(1700);
    }
    const bodies = loaded.articles.map((article) => article.body).join('\n');
    expect(bodies).toMatch(/^## /m);
    expect(bodies).toMatch(/^- /m);
    expect(bodies).toMatch(/^1\. /m);
    expect(bodies).toMatch(/^> /m);
  });

  it('links only to articles that exist', () => {
    const slugs = new Set(corpus.slugs);
    const links = loaded.articles.flatMap((article) =>
      [...article.body.matchAll(/\]\(\/articles\/([a-z0-9-]+)\)/g)].map((m) => m[1]),
    );
    expect(links.length).toBeGreaterThan(10);
    for (const slug of links) expect(slugs.has(slug ?? '')).toBe(true);
  });

  it('spreads stories over several authors, sections and tags, some with images', () => {
    expect(new Set(loaded.articles.map((a) => a.section.slug)).size).toBeGreaterThan(2);
    expect(
      new Set(loaded.articles.flatMap((a) => a.authors.map((x) => x.slug))).size,
    ).toBeGreaterThan(2);
    expect(new Set(loaded.articles.flatMap((a) => a.tags.map((t) => t.slug))).size).toBeGreaterThan(
      10,
    );
    const withImage = loaded.articles.filter((a) => a.image).length;
    expect(withImage).toBeGreaterThan(0);
    expect(withImage).toBeLessThan(80);
  });

  it('is deterministic for a seed', () => {
    const again = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-corpus-test-'));
    try {
      generateCorpus({ articles: 5, dir: again });
      const first = fs.readFileSync(path.join(dir, 'articles', `${corpus.slugs[0]}.mdx`), 'utf8');
      expect(fs.readFileSync(path.join(again, 'articles', `${corpus.slugs[0]}.mdx`), 'utf8')).toBe(
        first,
      );
    } finally {
      fs.rmSync(again, { recursive: true, force: true });
    }
  });
});
