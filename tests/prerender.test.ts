import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { generateCorpus } from '@/scripts/bench/generate-corpus';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-prerender-test-'));
generateCorpus({ articles: 45, dir, seed: 5 });
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function load(env: Record<string, string>) {
  vi.unstubAllEnvs();
  vi.stubEnv('CONTENT_DIR', dir);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  return {
    content: await import('@/lib/content'),
    prerender: await import('@/lib/prerender'),
    listings: await import('@/lib/listings'),
    cards: await import('@/lib/og/cards'),
    onDemand: await import('@/lib/on-demand'),
  };
}

describe('limited prerender', () => {
  it('prerenders the newest PRERENDER_NEWEST stories and the archive pages that list them, no share files', async () => {
    const { content, prerender, listings, cards } = await load({ PRERENDER_NEWEST: '12' });
    const articles = content.getArticles();
    expect(prerender.prerenderedArticles()).toEqual(articles.slice(0, 12));
    expect(prerender.isPrerendered(articles[44]!)).toBe(false);
    // 10 a page: page 2 starts with the 11th story (prerendered), page 3 with the 21st (not).
    expect(listings.listingPageParams('home')).toEqual([{ page: '2' }]);
    expect(prerender.prerendersShareFiles()).toBe(false);
    expect(cards.prerenderedCards()).toEqual([]);
    // A card the build did not write is still found, so it renders on request.
    const newest = cards.articleCard(articles[0]!);
    expect(cards.findCard('article', newest.hash)).toEqual(newest);
    const old = cards.articleCard(articles[44]!);
    expect(cards.findCard('article', old.hash)).toEqual(old);
    expect(cards.findCard('article', '000000000000')).toBeUndefined();
  });

  it('prerenders everything by default for an archive this size, and always for a static export', async () => {
    const server = await load({});
    expect(server.prerender.prerenderedArticles()).toHaveLength(45);
    expect(server.listings.listingPageParams('home')).toHaveLength(4);
    expect(server.cards.prerenderedCards()).toEqual([]);
    const exported = await load({ PRERENDER_NEWEST: '3', NEXT_OUTPUT: 'export' });
    expect(exported.prerender.prerenderedArticles()).toHaveLength(45);
    expect(exported.prerender.prerendersShareFiles()).toBe(true);
    const renditions = exported.cards.prerenderedCards();
    expect(renditions).toHaveLength(exported.cards.allCards().length * 3);
    expect(new Set(renditions.map((entry) => entry.card.kind))).toEqual(
      new Set(['home', 'section', 'tag', 'author', 'article']),
    );
  });

  it('prerenders the first PRERENDER_ARCHIVE_PAGES pages of each archive; the export writes all', async () => {
    const { listings } = await load({ PRERENDER_ARCHIVE_PAGES: '3' });
    expect(listings.listingPageParams('home')).toEqual([{ page: '2' }, { page: '3' }]);
    expect(listings.resolveListingPage('home', '', '5')?.page.page).toBe(5);
    const exported = await load({ PRERENDER_ARCHIVE_PAGES: '3', NEXT_OUTPUT: 'export' });
    expect(exported.listings.listingPageParams('home')).toHaveLength(4);
  });

  it('tells the proxy whether a page left to its first request exists', async () => {
    const { content, onDemand } = await load({ PRERENDER_NEWEST: '3' });
    const oldest = content.getArticles()[44]!;
    const section = oldest.section.slug;
    expect(onDemand.onDemandPage(oldest.url)).toBe('exists');
    expect(onDemand.onDemandPage('/articles/no-such-story')).toBe('missing');
    expect(onDemand.onDemandPage('/page/5')).toBe('exists');
    expect(onDemand.onDemandPage('/page/6')).toBe('missing');
    expect(onDemand.onDemandPage('/page/1')).toBe('missing');
    expect(onDemand.onDemandPage(`/sections/${section}/page/99`)).toBe('missing');
    expect(onDemand.onDemandPage('/tags/no-such-tag/page/2')).toBe('missing');
    expect(onDemand.onDemandPage('/search')).toBeUndefined();
  });

  it('refuses a PRERENDER_NEWEST that is not a whole number', async () => {
    await expect(load({ PRERENDER_NEWEST: 'lots' })).rejects.toThrow(/PRERENDER_NEWEST/);
    await expect(load({ PRERENDER_ARCHIVE_PAGES: '-1' })).rejects.toThrow(
      /PRERENDER_ARCHIVE_PAGES="-1" is not valid: expected a whole number/,
    );
  });
});
