import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateCorpus } from '@/scripts/bench/generate-corpus';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-revalidate-test-'));
let content: typeof import('@/lib/content');
let revalidate: typeof import('@/lib/revalidate');
let keys: typeof import('@/lib/surrogate-keys');

beforeAll(async () => {
  generateCorpus({ articles: 60, dir, seed: 3 });
  vi.stubEnv('CONTENT_DIR', dir);
  vi.resetModules();
  content = await import('@/lib/content');
  revalidate = await import('@/lib/revalidate');
  keys = await import('@/lib/surrogate-keys');
  content.getArticles();
}, 60_000);
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

function edit(slug: string, change: (text: string) => string) {
  const file = path.join(dir, 'articles', `${slug}.mdx`);
  fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
}

describe('pathsToRevalidate', () => {
  it('finds nothing to do when no file changed', () => {
    const before = revalidate.snapshot(content.getArticles());
    content.invalidateContent();
    const after = revalidate.snapshot(content.getArticles());
    expect(revalidate.pathsToRevalidate(before, after)).toEqual({
      changed: [],
      paths: [],
      keys: [],
    });
  });

  it('touches only the edited story, the archive pages it sits on, its feeds and the sitemaps', () => {
    const articles = content.getArticles();
    const target = articles[25];
    if (!target) throw new Error('corpus too small');
    const before = revalidate.snapshot(articles);
    edit(target.slug, (text) => text.replace(/^title: "(.*)"$/m, 'title: "$1, corrected"'));
    content.invalidateContent();
    const reloaded = content.getArticle(target.slug);
    expect(reloaded?.title).toMatch(/, corrected$/);
    const listed = keys.surrogateKeys('/page/3');
    const {
      changed,
      paths,
      keys: purged,
    } = revalidate.pathsToRevalidate(before, revalidate.snapshot(content.getArticles()));
    expect(changed).toEqual([target.slug]);
    // The order did not move: the story's own key reaches every copy that shows it.
    expect(purged).toEqual([`article:${target.slug}`, 'feeds', 'sitemaps']);
    expect(listed).toContain(`article:${target.slug}`);
    expect(keys.surrogateKeys(`/articles/${target.slug}`)).toEqual([`article:${target.slug}`]);
    expect(keys.surrogateKeys(`/api/share/${target.slug}.json`)).toEqual([
      `article:${target.slug}`,
    ]);
    expect(paths).toContain(`/articles/${target.slug}`);
    expect(paths).toContain(`/api/share/${target.slug}`);
    expect(paths).toContain('/page/3');
    expect(paths).not.toContain('/');
    expect(paths).toContain('/feed.xml');
    expect(paths).toContain(`${target.section.url}/feed.xml`);
    for (const tag of target.tags) expect(paths.some((p) => p.startsWith(tag.url))).toBe(true);
    expect(paths).toContain('/sitemap.xml');
    expect(paths.filter((p) => /^\/articles\/[^/]+$/.test(p))).toEqual([
      `/articles/${target.slug}`,
    ]);
  });

  it('revalidates every page of the listings a new story shifts', () => {
    const before = revalidate.snapshot(content.getArticles());
    const newest = content.getArticles()[0];
    if (!newest) throw new Error('empty corpus');
    const source = fs.readFileSync(path.join(dir, 'articles', `${newest.slug}.mdx`), 'utf8');
    fs.writeFileSync(
      path.join(dir, 'articles', 'breaking-news.mdx'),
      source.replace(/^date: .*$/m, 'date: 2026-11-01T09:00:00+00:00'),
    );
    content.invalidateContent();
    const {
      changed,
      paths,
      keys: purged,
    } = revalidate.pathsToRevalidate(before, revalidate.snapshot(content.getArticles()));
    expect(changed).toEqual(['breaking-news']);
    for (const page of ['/', '/page/2', '/page/6', '/page/7']) expect(paths).toContain(page);
    // Every listing it joins shifts: their own keys purge the pages that did not show it yet.
    expect(purged).toEqual(
      expect.arrayContaining([
        'article:breaking-news',
        'listing:home',
        `section:${newest.section.slug}`,
        ...newest.tags.map((tag) => `tag:${tag.slug}`),
        ...newest.authors.map((author) => `author:${author.slug}`),
      ]),
    );
  });
});

describe('surrogateKeys', () => {
  it('names what a listing page, a feed, a sitemap and a card show, and nothing else', () => {
    const first = content.getArticles()[0];
    if (!first) throw new Error('empty corpus');
    expect(keys.surrogateKeys('/')).toEqual([
      'listing:home',
      ...content
        .getArticles()
        .slice(0, keys.surrogateKeys('/').length - 1)
        .map((article) => `article:${article.slug}`),
    ]);
    expect(keys.surrogateKeys(`${first.section.url}/page/2`)[0]).toBe(
      `section:${first.section.slug}`,
    );
    expect(keys.surrogateKeys('/feed.xml')).toEqual(['feeds']);
    expect(keys.surrogateKeys(`${first.section.url}/atom.xml`)).toEqual(['feeds']);
    expect(keys.surrogateKeys('/sitemaps/articles-1.xml')).toEqual(['sitemaps']);
    expect(keys.surrogateKeys('/articles/no-such-story')).toEqual(['article:no-such-story']);
    expect(keys.surrogateKeys('/page/999')).toEqual([]);
    expect(keys.surrogateKeys('/robots.txt')).toEqual([]);
  });
});
