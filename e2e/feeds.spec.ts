import { extractFromJson, extractFromXml, type FeedData } from '@extractus/feed-extractor';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { publishedStories } from './published';

const FIXTURE_TITLE = `Fish & chips <b>not bold</b> > "quoted" and 'single' ]]> test`;
const HIDDEN = ['fixture-feed-draft', 'fixture-feed-future'];
const FORMATS = [
  { file: 'feed.xml', type: 'application/rss+xml' },
  { file: 'atom.xml', type: 'application/atom+xml' },
  { file: 'feed.json', type: 'application/feed+json' },
] as const;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' });

async function listingPaths(request: APIRequestContext, kind: 'sections' | 'authors') {
  const xml = await (await request.get('/sitemap.xml')).text();
  const pattern = new RegExp(`<loc>[^<]*(/${kind}/[^/<]+)</loc>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => match[1] ?? '');
}

async function fetchFeed(request: APIRequestContext, path: string, type: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type']).toBe(`${type}; charset=utf-8`);
  const text = await response.text();
  const options = {
    descriptionMaxLen: 0,
    getExtraEntryFields: (entry: Record<string, unknown>) => ({
      publishedRaw: String(entry.date_published ?? entry.published ?? entry.pubDate ?? ''),
    }),
  };
  if (type === 'application/feed+json') {
    return { text, feed: extractFromJson(JSON.parse(text), options) };
  }
  expect(XMLValidator.validate(text), path).toBe(true);
  return { text, feed: extractFromXml(text, options) };
}

function entryLinks(feed: FeedData): string[] {
  return (feed.entries ?? []).map((entry) => entry.link ?? '');
}

test.describe('feeds', () => {
  for (const { file, type } of FORMATS) {
    test(`/${file} lists every published story newest first with absolute URLs`, async ({
      request,
      baseURL,
    }) => {
      const stories = publishedStories();
      const { text, feed } = await fetchFeed(request, `/${file}`, type);
      const expected = stories.slice(0, 50).map((story) => `${baseURL}${story.url}`);
      expect(entryLinks(feed)).toEqual(expected);
      const dates = (feed.entries ?? []).map((entry) =>
        Date.parse(String((entry as { publishedRaw?: string }).publishedRaw)),
      );
      expect(dates.every((date) => Number.isFinite(date))).toBe(true);
      expect([...dates].sort((a, b) => b - a)).toEqual(dates);
      const fixture = feed.entries?.find((e) =>
        e.link?.endsWith('/articles/fixture-feed-escaping'),
      );
      expect(fixture?.title).toBe(FIXTURE_TITLE);
      for (const hidden of HIDDEN) expect(text).not.toContain(hidden);
      const relative = [...text.matchAll(/<[a-zA-Z][^<>]*?\s(?:href|src)=\\?"([^"\\]*)/g)]
        .map((match) => match[1] ?? '')
        .filter((url) => !/^(https?:|mailto:)/.test(url));
      expect(relative).toEqual([]);
      expect(text).toContain(`${baseURL}/images/articles/formatting-and-markdown.jpg`);
    });
  }

  test('RSS and Atom carry their own date syntax and a self link', async ({ request, baseURL }) => {
    const rss = parser.parse(await (await request.get('/feed.xml')).text()).rss.channel;
    expect(rss['atom:link']['@_href']).toBe(`${baseURL}/feed.xml`);
    expect(rss.language).toBe('en');
    expect((await request.get(new URL(rss.image.url).pathname)).status()).toBe(200);
    for (const item of [rss.item].flat()) {
      expect(item.pubDate).toMatch(/^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/);
      expect(item.guid['#text']).toBe(item.link);
    }
    const atom = parser.parse(await (await request.get('/atom.xml')).text()).feed;
    const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
    expect(atom.updated).toMatch(rfc3339);
    for (const entry of [atom.entry].flat()) {
      expect(entry.published).toMatch(rfc3339);
      expect(entry.updated).toMatch(rfc3339);
      expect(entry.id).toBe(entry.link['@_href']);
    }
    const json = await (await request.get('/feed.json')).json();
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items[0].date_published).toMatch(rfc3339);
  });

  test('section and author feeds exist in every format and hold only their stories', async ({
    request,
    baseURL,
  }) => {
    const stories = publishedStories();
    const sections = await listingPaths(request, 'sections');
    const authors = await listingPaths(request, 'authors');
    expect(sections.length).toBeGreaterThan(0);
    expect(authors.length).toBeGreaterThan(0);
    for (const path of [...sections, ...authors]) {
      const name = (await (await request.get(`${path}/feed.json`)).json()).title.split(' | ')[0];
      const mine = stories.filter((story) =>
        path.startsWith('/sections/') ? story.section === name : story.authors.includes(name),
      );
      for (const { file, type } of FORMATS) {
        const { feed } = await fetchFeed(request, `${path}/${file}`, type);
        expect(entryLinks(feed)).toEqual(mine.map((story) => `${baseURL}${story.url}`));
      }
    }
    expect((await request.get('/sections/no-such-section/feed.xml')).status()).toBe(404);
  });

  test('home, section and author pages announce their feeds', async ({ page }) => {
    for (const [path, prefix] of [
      ['/', ''],
      ['/sections/world', '/sections/world'],
      ['/authors/bryan-ke', '/authors/bryan-ke'],
    ] as const) {
      await page.goto(path);
      for (const { file, type } of FORMATS) {
        const link = page.locator(`head link[rel="alternate"][type="${type}"]`);
        await expect(link).toHaveCount(1);
        expect(new URL((await link.getAttribute('href')) ?? '', page.url()).pathname).toBe(
          `${prefix}/${file}`,
        );
        await expect(link).toHaveAttribute('title', /The Meridian/);
      }
    }
  });
});
