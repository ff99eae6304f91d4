import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { article, makeContent } from './helpers/content-fixture';

type ContentModule = typeof import('@/lib/content');
let content: ContentModule;

const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}T10:00:00+00:00`;

beforeAll(async () => {
  const { contentDir } = makeContent({
    'articles/subject.mdx': article({ date: day(1), tags: '[alpha, beta]', section: 'world' }),
    'articles/two-tags.mdx': article({ date: day(2), tags: '[alpha, beta]', section: 'guides' }),
    'articles/one-tag-same-section.mdx': article({
      date: day(3),
      tags: '[beta]',
      section: 'world',
    }),
    'articles/one-tag-other-section.mdx': article({
      date: day(9),
      tags: '[alpha]',
      section: 'guides',
    }),
    'articles/same-section.mdx': article({ date: day(4), section: 'world' }),
    'articles/newest-unrelated.mdx': article({ date: day(20), section: 'guides' }),
    'articles/a-draft.mdx': article({ date: day(21), tags: '[alpha]', draft: 'true' }),
    'articles/embargoed.mdx': article({ date: '2999-01-01T00:00:00+00:00', tags: '[alpha]' }),
  });
  process.env.CONTENT_DIR = contentDir;
  content = await import('@/lib/content');
});

describe('content index', () => {
  it('excludes drafts and embargoed articles outside development', () => {
    const slugs = content.getArticles().map((a) => a.slug);
    expect(slugs).not.toContain('a-draft');
    expect(slugs).not.toContain('embargoed');
    expect(content.getArticle('a-draft')).toBeUndefined();
    expect(content.getArticlesByTag('alpha').map((a) => a.slug)).toEqual([
      'one-tag-other-section',
      'two-tags',
      'subject',
    ]);
    expect(content.getTag('alpha')?.count).toBe(3);
  });

  it('ranks related stories by shared tags, then section, then recency, never itself', () => {
    const subject = content.getArticle('subject')!;
    expect(content.getRelatedArticles(subject).map((a) => a.slug)).toEqual([
      'two-tags',
      'one-tag-same-section',
      'one-tag-other-section',
      'same-section',
    ]);
    expect(content.getRelatedArticles(subject, 2).map((a) => a.slug)).toEqual([
      'two-tags',
      'one-tag-same-section',
    ]);
  });

  it('paginates and refuses pages out of range', () => {
    const items = Array.from({ length: 25 }, (_, i) => i);
    expect(content.paginate(items, 3, 10)).toEqual({
      items: [20, 21, 22, 23, 24],
      page: 3,
      totalPages: 3,
    });
    expect(content.paginate(items, 4, 10)).toBeUndefined();
    expect(content.paginate(items, 0, 10)).toBeUndefined();
    expect(content.paginate([], 1, 10)).toEqual({ items: [], page: 1, totalPages: 1 });
    expect(content.pageNumbers(25, 10)).toEqual([2, 3]);
  });

  it('throws one error listing every problem when content is invalid', async () => {
    const { contentDir } = makeContent({
      'articles/x.mdx': article({ title: '' }),
      'articles/y.mdx': article({ section: 'nope' }),
    });
    process.env.CONTENT_DIR = contentDir;
    vi.resetModules();
    const fresh: ContentModule = await import('@/lib/content');
    expect(() => fresh.getArticles()).toThrowError(
      /The content has 2 errors; fix them and build again:\ncontent\/articles\/x\.mdx:2:1 {2}error {2}"title" is missing: it is required\ncontent\/articles\/y\.mdx:6:10 {2}error/,
    );
  });

  it('loads content once in production until invalidateContent() is called', async () => {
    const { contentDir } = makeContent({ 'articles/first.mdx': article({ title: '"First"' }) });
    process.env.CONTENT_DIR = contentDir;
    vi.resetModules();
    const fresh: ContentModule = await import('@/lib/content');
    expect(fresh.getArticles().map((a) => a.title)).toEqual(['First']);
    fs.writeFileSync(path.join(contentDir, 'articles/first.mdx'), article({ title: '"Edited"' }));
    expect(fresh.getArticles().map((a) => a.title)).toEqual(['First']);
    fresh.invalidateContent();
    expect(fresh.getArticles().map((a) => a.title)).toEqual(['Edited']);
  });

  it('reloads changed, added and deleted files on the next read in development', async () => {
    const { contentDir } = makeContent({ 'articles/first.mdx': article({ title: '"First"' }) });
    process.env.CONTENT_DIR = contentDir;
    vi.stubEnv('NODE_ENV', 'development');
    vi.resetModules();
    try {
      const fresh: ContentModule = await import('@/lib/content');
      const file = (name: string) => path.join(contentDir, 'articles', name);
      expect(fresh.getArticles().map((a) => a.title)).toEqual(['First']);
      fs.writeFileSync(file('first.mdx'), article({ title: '"Edited headline"' }));
      fs.writeFileSync(file('second.mdx'), article({ title: '"Second"', date: day(3) }));
      expect(fresh.getArticles().map((a) => a.title)).toEqual(['Second', 'Edited headline']);
      fs.rmSync(file('second.mdx'));
      expect(fresh.getArticles().map((a) => a.title)).toEqual(['Edited headline']);
      fs.writeFileSync(file('first.mdx'), article({ section: 'nope' }));
      expect(() => fresh.getArticles()).toThrowError(/first\.mdx:6:10 {2}error/);
      expect(fresh.staticParams(() => [{ slug: 'first' }])).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
