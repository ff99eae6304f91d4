import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateCorpus } from '@/scripts/bench/generate-corpus';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-revalidate-test-'));
let content: typeof import('@/lib/content');
let revalidate: typeof import('@/lib/revalidate');

beforeAll(async () => {
  generateCorpus({ articles: 60, dir, seed: 3 });
  vi.stubEnv('CONTENT_DIR', dir);
  vi.resetModules();
  content = await import('@/lib/content');
  revalidate = await import('@/lib/revalidate');
});
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
    expect(revalidate.pathsToRevalidate(before, after)).toEqual({ changed: [], paths: [] });
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
    const { changed, paths } = revalidate.pathsToRevalidate(
      before,
      revalidate.snapshot(content.getArticles()),
    );
    expect(changed).toEqual([target.slug]);
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
    const { changed, paths } = revalidate.pathsToRevalidate(
      before,
      revalidate.snapshot(content.getArticles()),
    );
    expect(changed).toEqual(['breaking-news']);
    for (const page of ['/', '/page/2', '/page/6', '/page/7']) expect(paths).toContain(page);
  });
});
