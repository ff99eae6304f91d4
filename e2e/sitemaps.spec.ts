import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, test } from './fixtures';
import { buildTime } from './clock';
import { publishedStories } from './published';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' });
const HIDDEN = ['fixture-feed-draft', 'fixture-feed-future'];

function list<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

test('sitemap.xml lists every published story and page with absolute URLs', async ({
  request,
  baseURL,
}) => {
  const response = await request.get('/sitemap.xml');
  expect(response.headers()['content-type']).toBe('application/xml; charset=utf-8');
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const urlset = parser.parse(xml).urlset;
  expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
  const urls = list(urlset.url) as { loc: string; lastmod?: string }[];
  const locs = urls.map((url) => url.loc);
  const stories = publishedStories();
  expect(stories.length).toBeGreaterThan(10);
  let syndicated = 0;
  for (const document of stories) {
    if (locs.includes(`${baseURL}${document.url}`)) continue;
    const html = await (await request.get(document.url)).text();
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(canonical, `${document.url} is missing from the sitemap`).not.toMatch(
      new RegExp(`^${baseURL}/`),
    );
    syndicated++;
  }
  expect(locs.filter((loc) => new URL(loc).pathname.startsWith('/articles/'))).toHaveLength(
    stories.length - syndicated,
  );
  for (const path of ['/', '/sections/world', '/authors/bryan-ke', '/tags/north-korea']) {
    expect(locs).toContain(`${baseURL}${path === '/' ? '/' : path}`);
  }
  for (const hidden of HIDDEN) expect(xml).not.toContain(hidden);
  expect(locs.every((loc) => loc.startsWith(`${baseURL}/`))).toBe(true);
  const seed = urls.find((url) => url.loc.endsWith('/articles/north-korea-volunteers-ukraine'));
  expect(seed?.lastmod).toBe('2022-08-08T09:30:00-07:00');
  for (const loc of locs.slice(0, 5)) {
    expect((await request.get(loc.replace(baseURL ?? '', ''))).status(), loc).toBe(200);
  }
  const chunk = await (await request.get('/sitemaps/1.xml')).text();
  expect(XMLValidator.validate(chunk)).toBe(true);
});

test('news-sitemap.xml is a valid Google News sitemap of the last 48 hours', async ({
  request,
  baseURL,
}) => {
  const response = await request.get('/news-sitemap.xml');
  expect(response.headers()['content-type']).toBe('application/xml; charset=utf-8');
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const urlset = parser.parse(xml).urlset;
  expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
  expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
  const now = buildTime.getTime();
  const recent = publishedStories().filter(
    (d) => now - Date.parse(d.date) <= 48 * 3_600_000 && Date.parse(d.date) <= now,
  );
  const urls = list(urlset.url) as Record<string, Record<string, Record<string, string>>>[];
  // Google's rule for every story, live or not: published in the 48 hours before the build.
  expect(urls.map((url) => url.loc)).toEqual(
    recent.slice(0, 1_000).map((d) => `${baseURL}${d.url}`),
  );
  for (const url of urls) {
    const news = url['news:news'];
    expect(String(url.loc).startsWith(`${baseURL}/articles/`)).toBe(true);
    expect(news?.['news:publication']).toEqual({
      'news:name': 'The Meridian',
      'news:language': 'en',
    });
    expect(now - Date.parse(String(news?.['news:publication_date']))).toBeLessThan(49 * 3_600_000);
    expect(news?.['news:title']).toBeTruthy();
  }
  for (const hidden of HIDDEN) expect(xml).not.toContain(hidden);
});

test('robots.txt allows everything and lists both sitemaps', async ({ request, baseURL }) => {
  const response = await request.get('/robots.txt');
  expect(response.headers()['content-type']).toMatch(/^text\/plain/);
  const text = await response.text();
  const lines = text.split('\n').map((line) => line.trim());
  expect(lines).toContain('User-Agent: *');
  expect(lines).toContain('Allow: /');
  expect(lines.some((line) => line.startsWith('Disallow'))).toBe(false);
  expect(lines).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(lines).toContain(`Sitemap: ${baseURL}/news-sitemap.xml`);
});
