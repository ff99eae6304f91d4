import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  FIXTURE_SLUG,
  FIXTURE_TITLE,
  HIDDEN_SLUGS,
  prepareFixtureContent,
} from './helpers/content';

prepareFixtureContent();
const { getArticles, getAuthors, getSections } = await import('@/lib/content');
const { getListing } = await import('@/lib/listings');
const { renderFeed, FEED_FORMATS } = await import('@/lib/feeds');
const { site } = await import('@/lib/site');
const { joinNames } = await import('@/lib/format');

const home = getListing('home');
if (!home) throw new Error('no home listing');
const origin = site.url.origin;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' });

function list<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function relativeUrls(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)]
    .map((match) => match[1] ?? '')
    .filter((url) => !/^(https?:|mailto:)/.test(url));
}

describe('feeds', () => {
  const expected = getArticles().slice(0, site.feedSize);

  it('have fixtures and hide drafts and scheduled stories from the listing they read', () => {
    const slugs = getArticles().map((article) => article.slug);
    expect(slugs).toContain(FIXTURE_SLUG);
    for (const hidden of HIDDEN_SLUGS) expect(slugs).not.toContain(hidden);
  });

  it('RSS 2.0 is well-formed and lists the latest stories newest first', () => {
    const xml = renderFeed(home, 'rss');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = extractFromXml(xml, { normalization: true, descriptionMaxLen: 0 });
    expect(parsed.entries?.map((entry) => entry.link)).toEqual(
      expected.map((article) => `${origin}${article.url}`),
    );
    const channel = parser.parse(xml).rss.channel;
    expect(channel.language).toBe(site.language);
    expect(channel['atom:link']['@_rel']).toBe('self');
    expect(channel['atom:link']['@_href']).toBe(`${origin}/feed.xml`);
    const items = list(channel.item) as Record<string, unknown>[];
    items.forEach((item, index) => {
      const article = expected[index];
      if (!article) throw new Error('extra item');
      expect(item.pubDate).toBe(article.published.toUTCString());
      expect(new Date(String(item.pubDate)).getTime()).toBe(article.published.getTime());
      expect(item['dc:creator']).toBe(joinNames(article.authors.map((author) => author.name)));
      const categories = list(item.category as { '#text': string }[]).map((c) => c['#text']);
      expect(categories).toEqual([article.section.name, ...article.tags.map((tag) => tag.name)]);
      expect(relativeUrls(String(item['content:encoded']))).toEqual([]);
    });
  });

  it('escapes a hostile title in every format', () => {
    const rss = extractFromXml(renderFeed(home, 'rss'));
    const atom = extractFromXml(renderFeed(home, 'atom'));
    const json = extractFromJson(JSON.parse(renderFeed(home, 'json')));
    for (const feed of [rss, atom, json]) {
      const entry = feed.entries?.find((e) => e.link === `${origin}/articles/${FIXTURE_SLUG}`);
      expect(entry?.title).toBe(FIXTURE_TITLE);
    }
  });

  it('Atom is well-formed with ids, RFC 3339 dates, authors and a self link', () => {
    const xml = renderFeed(home, 'atom');
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parser.parse(xml).feed;
    expect(list(feed.link).map((link: Record<string, string>) => link['@_rel'])).toContain('self');
    const entries = list(feed.entry) as Record<string, unknown>[];
    expect(entries).toHaveLength(expected.length);
    entries.forEach((entry, index) => {
      const article = expected[index];
      if (!article) throw new Error('extra entry');
      expect(entry.id).toBe(`${origin}${article.url}`);
      expect(entry.published).toBe(article.published.toISOString());
      expect(entry.updated).toBe(article.modified.toISOString());
      expect(String(entry.updated)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(list(entry.author).map((a) => (a as { name: string }).name)).toEqual(
        article.authors.map((author) => author.name),
      );
      const content = entry.content as { '#text': string; '@_type': string };
      expect(content['@_type']).toBe('html');
      expect(relativeUrls(content['#text'])).toEqual([]);
    });
  });

  it('JSON Feed 1.1 has items with HTML content, dates, authors and tags', () => {
    const feed = JSON.parse(renderFeed(home, 'json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(`${origin}/feed.json`);
    expect(feed.language).toBe(site.language);
    expect(feed.items.map((item: { id: string }) => item.id)).toEqual(
      expected.map((article) => `${origin}${article.url}`),
    );
    const fixture = feed.items.find((item: { id: string }) => item.id.endsWith(FIXTURE_SLUG));
    const article = getArticles().find((a) => a.slug === FIXTURE_SLUG);
    expect(fixture.date_published).toBe(article?.published.toISOString());
    expect(fixture.date_modified).toBe(article?.modified.toISOString());
    expect(fixture.authors).toEqual([{ name: 'Mina Seo', url: `${origin}/authors/mina-seo` }]);
    expect(fixture.tags).toEqual(['Technology', 'Q&A', 'feed fixtures']);
    expect(fixture.content_html).toContain(
      `<a href="${origin}/articles/welcome-to-the-meridian">another story</a>`,
    );
    expect(fixture.content_html).toContain(`src="${origin}/images/articles/`);
    expect(relativeUrls(fixture.content_html)).toEqual([]);
  });

  it('honours the item limit', () => {
    for (const format of FEED_FORMATS) {
      const text = renderFeed(home, format, 3);
      const parsed = format === 'json' ? extractFromJson(JSON.parse(text)) : extractFromXml(text);
      expect(parsed.entries).toHaveLength(3);
    }
  });

  it('section and author feeds hold only their stories', () => {
    for (const section of getSections()) {
      const listing = getListing('section', section.slug);
      if (!listing) throw new Error(section.slug);
      const feed = JSON.parse(renderFeed(listing, 'json'));
      expect(feed.feed_url).toBe(`${origin}/sections/${section.slug}/feed.json`);
      expect(feed.items.map((item: { id: string }) => item.id)).toEqual(
        getArticles()
          .filter((article) => article.section.slug === section.slug)
          .slice(0, site.feedSize)
          .map((article) => `${origin}${article.url}`),
      );
    }
    for (const author of getAuthors()) {
      const listing = getListing('author', author.slug);
      if (!listing) throw new Error(author.slug);
      const xml = renderFeed(listing, 'atom');
      expect(XMLValidator.validate(xml)).toBe(true);
      const entries = list(parser.parse(xml).feed.entry) as { id: string }[];
      expect(entries.map((entry) => entry.id)).toEqual(
        getArticles()
          .filter((article) => article.authors.some((a) => a.slug === author.slug))
          .map((article) => `${origin}${article.url}`),
      );
    }
  });

  it('stays well-formed when a tag contains markup characters', () => {
    const [first] = getArticles();
    if (!first) throw new Error('no articles');
    const article = { ...first, tags: [{ name: 'A<b>&"c"', slug: 'a-b-c', url: '/tags/a-b-c' }] };
    for (const format of ['rss', 'atom'] as const) {
      expect(XMLValidator.validate(renderFeed({ ...home, articles: [article] }, format))).toBe(
        true,
      );
    }
  });
});
