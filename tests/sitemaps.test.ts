import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Article } from '@/lib/content';
import { FIXTURE_SLUG, HIDDEN_SLUGS, prepareFixtureContent } from './helpers/content';

prepareFixtureContent();
const { getArticles } = await import('@/lib/content');
const sitemaps = await import('@/lib/sitemaps');
const { site } = await import('@/lib/site');

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' });
const origin = site.url.origin;

function list<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

describe('sitemap', () => {
  const entries = sitemaps.sitemapEntries();

  it('lists every article with lastmod = updated, its newest live update or date, and no hidden story', () => {
    const xml = sitemaps.sitemapXml(entries);
    expect(XMLValidator.validate(xml)).toBe(true);
    const urls = list(parser.parse(xml).urlset.url) as { loc: string; lastmod?: string }[];
    for (const article of getArticles()) {
      const url = urls.find((entry) => entry.loc === `${origin}${article.url}`);
      if (article.canonical && article.canonical !== `${origin}${article.url}`) {
        expect(url, 'a syndicated copy belongs in the original sitemap').toBeUndefined();
      } else {
        const newest = article.live?.newest?.time;
        expect(url?.lastmod).toBe(
          newest && Date.parse(newest) > Date.parse(article.updated ?? article.date)
            ? newest
            : (article.updated ?? article.date),
        );
      }
    }
    expect(getArticles().some((article) => article.canonical)).toBe(true);
    for (const hidden of HIDDEN_SLUGS) {
      expect(urls.some((entry) => entry.loc.includes(hidden))).toBe(false);
    }
    expect(urls.map((entry) => entry.loc)).toContain(`${origin}/`);
    expect(urls.map((entry) => entry.loc)).toContain(`${origin}/sections/world`);
    expect(urls.every((entry) => entry.loc.startsWith(`${origin}/`))).toBe(true);
    expect(new Set(urls.map((entry) => entry.loc)).size).toBe(urls.length);
  });

  it('becomes an index of chunks past the URL limit', () => {
    const limit = 4;
    const count = sitemaps.sitemapChunkCount(entries.length, limit);
    expect(count).toBe(Math.ceil(entries.length / limit));
    const index = sitemaps.sitemapXml(entries, limit);
    expect(XMLValidator.validate(index)).toBe(true);
    const chunks = list(parser.parse(index).sitemapindex.sitemap) as { loc: string }[];
    expect(chunks.map((chunk) => chunk.loc)).toEqual(
      Array.from({ length: count }, (_, i) => `${origin}/sitemaps/${i + 1}.xml`),
    );
    const all = Array.from({ length: count }, (_, i) => {
      const xml = sitemaps.sitemapChunkXml(entries, i + 1, limit) ?? '';
      expect(XMLValidator.validate(xml)).toBe(true);
      return list(parser.parse(xml).urlset.url) as { loc: string }[];
    });
    expect(all.flat().map((url) => url.loc)).toEqual(entries.map((entry) => entry.url));
    expect(sitemaps.sitemapChunkXml(entries, count + 1, limit)).toBeUndefined();
    expect(sitemaps.sitemapXml(entries)).toContain('<urlset');
  });
});

describe('news sitemap', () => {
  const fixture = getArticles().find((article) => article.slug === FIXTURE_SLUG);
  if (!fixture) throw new Error('fixture missing');

  it('lists stories from the last 48 hours with the Google News fields', () => {
    const now = new Date(fixture.published.getTime() + 3_600_000);
    const xml = sitemaps.newsSitemapXml(getArticles(), now);
    expect(XMLValidator.validate(xml)).toBe(true);
    const urlset = parser.parse(xml).urlset;
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const since = now.getTime() - 48 * 3_600_000;
    const recent = getArticles().filter(
      (a) => a.published.getTime() >= since && a.published <= now,
    );
    const urls = list(urlset.url) as Record<string, Record<string, Record<string, string>>>[];
    expect(urls.map((url) => url.loc)).toEqual(recent.map((a) => `${origin}${a.url}`));
    const entry = urls.find((url) => String(url.loc).endsWith(FIXTURE_SLUG));
    const news = entry?.['news:news'];
    expect(news?.['news:publication']).toEqual({
      'news:name': 'The Meridian',
      'news:language': 'en',
    });
    expect(news?.['news:publication_date']).toBe(fixture.date);
    expect(news?.['news:title']).toBe(fixture.title);
    expect(xml).toContain('Fish &amp; chips &lt;b&gt;');
  });

  it('is valid and empty when nothing is that recent', () => {
    const notLive = getArticles().filter((article) => !article.live);
    const xml = sitemaps.newsSitemapXml(notLive, new Date('2090-01-01T00:00:00Z'));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(parser.parse(xml).urlset.url).toBeUndefined();
  });

  it('lists every story, live or not, for the 48 hours after its publication date only', () => {
    const live = getArticles().find((article) => article.live);
    expect(live, 'the sample content has a live story').toBeDefined();
    const listed = (article: Article, at: Date) =>
      sitemaps.newsArticles([article], at).map((entry) => entry.slug);
    const hours = (n: number) => new Date(live!.published.getTime() + n * 3_600_000);
    const running = { ...live!, live: { ...live!.live!, ended: false, idle: false } };
    for (const story of [running, fixture]) {
      const from = (n: number) => new Date(story.published.getTime() + n * 3_600_000);
      expect(listed(story, from(-1))).toEqual([]);
      expect(listed(story, from(0))).toEqual([story.slug]);
      expect(listed(story, from(47))).toEqual([story.slug]);
      expect(listed(story, from(49))).toEqual([]);
      expect(listed(story, from(24 * 365))).toEqual([]);
    }
    expect(listed(running, hours(49)), 'a running live story leaves it too').toEqual([]);
  });

  it('keeps at most 1,000 of the newest stories', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const many = Array.from({ length: 1_200 }, (_, i) => ({
      ...fixture,
      slug: `story-${i}`,
      url: `/articles/story-${i}`,
      published: new Date(now.getTime() - i * 60_000),
    }));
    const picked = sitemaps.newsArticles(many, now);
    expect(picked).toHaveLength(1_000);
    expect(picked[0]?.slug).toBe('story-0');
    expect(picked.at(-1)?.slug).toBe('story-999');
  });
});

describe('robots', () => {
  it('allows everything and names both sitemaps', () => {
    expect(sitemaps.robotsRules()).toEqual({
      rules: [{ userAgent: '*', allow: '/' }],
      sitemap: [`${origin}/sitemap.xml`, `${origin}/news-sitemap.xml`],
    });
  });
});
