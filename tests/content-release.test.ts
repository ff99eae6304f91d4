import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { now } from '@/lib/clock';
import { article, makeContent } from './helpers/content-fixture';
import { temporaryDir } from './helpers/temporary-dir';

type ContentModule = typeof import('@/lib/content');
let content: ContentModule;
let root: string;
let start: Date;
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
const iso = (date: Date) => date.toISOString().replace('.000Z', '+00:00');

function release(name: string, files: Record<string, string>): void {
  const { contentDir } = makeContent(files);
  fs.renameSync(contentDir, path.join(root, 'releases', name));
}

function publish(name: string): void {
  fs.symlinkSync(path.join('releases', name), path.join(root, 'current.next'));
  fs.renameSync(path.join(root, 'current.next'), path.join(root, 'current'));
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  start = new Date(Math.floor(now().getTime() / 60_000) * 60_000 + 60_000);
  vi.setSystemTime(start);
  root = temporaryDir();
  fs.mkdirSync(path.join(root, 'releases'));
  const stories = {
    'articles/old.mdx': article({ date: iso(at(-3600)), tags: '[alpha]' }),
    'articles/embargoed.mdx': article({ date: iso(at(60)), tags: '[alpha]' }),
  };
  release('aaaa', stories);
  release('bbbb', {
    ...stories,
    'articles/added.mdx': article({ date: iso(at(-60)), tags: '[alpha]' }),
  });
  release('cccc', stories);
  release('dddd', { ...stories, 'articles/fresh.mdx': article({ date: iso(at(-30)) }) });
  publish('aaaa');
  process.env.CONTENT_DIR = path.join(root, 'current');
  // The settings module read the environment when @/lib/clock was imported above.
  vi.resetModules();
  content = await import('@/lib/content');
});

afterAll(() => {
  vi.useRealTimers();
});

const slugs = (articles: { slug: string }[]) => articles.map((a) => a.slug);

describe('content that follows the clock and the published release', () => {
  it('keeps an embargoed story out of every lookup until its minute, then shows it', () => {
    vi.setSystemTime(at(59));
    expect(slugs(content.getArticles())).toEqual(['old']);
    expect(content.getArticle('embargoed')).toBeUndefined();
    expect(content.getTag('alpha')?.count).toBe(1);
    vi.setSystemTime(at(60));
    expect(slugs(content.getArticles())).toEqual(['embargoed', 'old']);
    expect(content.getArticle('embargoed')?.status).toBe('published');
    expect(content.getTag('alpha')?.count).toBe(2);
  });

  it('reads the release the content path points to, and still knows the one before', () => {
    expect(content.publishedRelease().release).toBe('aaaa');
    publish('bbbb');
    const { release, at: when } = content.publishedRelease();
    expect(release).toBe('bbbb');
    expect(when.getTime()).toBe(at(60).getTime());
    expect(slugs(content.getArticles())).toEqual(['embargoed', 'added', 'old']);
    expect(slugs(content.articlesAt('aaaa', at(30)) ?? [])).toEqual(['old']);
    expect(slugs(content.articlesAt('bbbb', at(30)) ?? [])).toEqual(['added', 'old']);
    expect(content.articlesAt('cccc', at(30))).toBeUndefined();
  });

  it('retimes articles loaded by another copy of the module, as each Next route bundle has', async () => {
    vi.resetModules();
    const other: typeof import('@/lib/content/timing') = await import('@/lib/content/timing');
    const loaded = content.articlesAt('bbbb', at(30))?.find((a) => a.slug === 'added');
    const scheduled = loaded && other.articleAt(loaded, at(-120));
    expect(scheduled?.status).toBe('scheduled');
    expect(scheduled?.body).toContain('Body text.');
  });

  it('loads a release the link moved to within a second or two, before anything is read', async () => {
    const logged = vi.spyOn(console, 'log').mockImplementation(() => {});
    publish('cccc');
    await vi.waitFor(
      () =>
        expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^content: release cccc loaded/)),
      { timeout: 5000, interval: 100 },
    );
    logged.mockRestore();
    expect(content.publishedRelease().release).toBe('cccc');
    expect(slugs(content.articlesAt('bbbb', at(30)) ?? [])).toEqual(['added', 'old']);
  });

  it('reads a release the link moved to at once, even within a second of its last look', () => {
    expect(slugs(content.getArticles())).not.toContain('fresh');
    publish('dddd');
    expect(slugs(content.getArticles())).toContain('fresh');
  });
});
