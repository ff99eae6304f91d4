import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import type { Article } from '@/lib/content';
import { expect, test } from './fixtures';
import { publishedContent } from './published';
import {
  CARD_LIMIT,
  CRAWLERS,
  HEAD_LIMIT,
  type HeadTags,
  headTags,
  jsonLdBlocks,
  cardSize,
  cardType,
  pngSize,
  RENDITION_SIZES,
  values,
} from './share-helpers';

const content = publishedContent();
const SITE_NAME = 'The Meridian';
const cardDir = path.join(import.meta.dirname, '..', 'test-results', 'cards');

function names(list: string[]): string {
  return list.length < 2 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}

function one(tags: HeadTags, key: string, where: string): string {
  const found = values(tags, key);
  expect(found, `${where}: exactly one ${key}`).toHaveLength(1);
  return found[0] ?? '';
}

async function crawl(request: APIRequestContext, url: string, userAgent: string) {
  const response = await request.get(url, { headers: { 'user-agent': userAgent } });
  expect(response.status(), `${url} as ${userAgent}`).toBe(200);
  const body = await response.body();
  return {
    html: body.toString('utf8'),
    head: headTags(body.subarray(0, HEAD_LIMIT).toString('utf8')),
  };
}

function expectCardTags(head: HeadTags, where: string, base: string, kind: string) {
  const image = one(head, 'og:image', where);
  expect(image, `${where}: og:image`).toMatch(
    new RegExp(`^${base}/cards/${kind}/[0-9a-f]{12}/og\\.(png|jpg)$`),
  );
  expect(one(head, 'og:image:width', where)).toBe('1200');
  expect(one(head, 'og:image:height', where)).toBe('630');
  expect(one(head, 'og:image:type', where)).toBe(cardType(image));
  const alt = one(head, 'og:image:alt', where);
  expect(alt.length, `${where}: og:image:alt`).toBeGreaterThan(10);
  expect(one(head, 'twitter:card', where)).toBe('summary_large_image');
  expect(one(head, 'twitter:image', where)).toBe(image);
  expect(one(head, 'twitter:image:alt', where)).toBe(alt);
  expect(one(head, 'twitter:site', where)).toMatch(/^@\w+$/);
  expect(one(head, 'og:site_name', where)).toBe(SITE_NAME);
  expect(one(head, 'og:locale', where)).toBe('en_US');
  expect(values(head, 'theme-color').length, `${where}: theme-color`).toBeGreaterThan(0);
  for (const color of values(head, 'theme-color')) expect(color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(one(head, 'robots', where)).toContain('max-image-preview:large');
  const canonical = head.links.filter((link) => link.rel === 'canonical').map((link) => link.href);
  expect(canonical, `${where}: one canonical link`).toHaveLength(1);
  expect(one(head, 'og:url', where), `${where}: canonical = og:url`).toBe(canonical[0]);
  for (const key of ['og:url', 'og:image', 'twitter:image', 'article:author']) {
    for (const url of values(head, key)) expect(url, `${where}: ${key}`).toMatch(/^https?:\/\//);
  }
  return { image, canonical: canonical[0] ?? '' };
}

function expectArticleTags(head: HeadTags, article: Article, base: string, isExport: boolean) {
  const where = article.slug;
  expect(head.title, `${where}: <title>`).toBe(`${article.title} | ${SITE_NAME}`);
  expect(one(head, 'description', where)).toBe(article.summary);
  const { canonical } = expectCardTags(head, where, base, 'article');
  expect(canonical).toBe(article.canonical ?? `${base}${article.url}`);
  expect(one(head, 'og:type', where)).toBe('article');
  expect(one(head, 'og:title', where)).toBe(article.title);
  expect(one(head, 'og:description', where)).toBe(article.summary);
  expect(one(head, 'og:image:alt', where)).toContain(article.title);
  expect(one(head, 'article:published_time', where)).toBe(article.date);
  expect(one(head, 'article:modified_time', where)).toBe(article.dateModified);
  expect(values(head, 'article:author')).toEqual(article.authors.map((a) => `${base}${a.url}`));
  expect(one(head, 'article:section', where)).toBe(article.section.name);
  expect(values(head, 'article:tag')).toEqual(article.tags.map((tag) => tag.name));
  expect(one(head, 'twitter:title', where)).toBe(article.title);
  expect(one(head, 'twitter:description', where)).toBe(article.summary);
  expect(one(head, 'twitter:label1', where)).toBe('Written by');
  expect(one(head, 'twitter:data1', where)).toBe(names(article.authors.map((a) => a.name)));
  expect(one(head, 'twitter:label2', where)).toBe('Reading time');
  expect(one(head, 'twitter:data2', where)).toMatch(/^\d+ min read$/);
  const oembed = head.links.filter(
    (link) => link.rel === 'alternate' && link.type === 'application/json+oembed',
  );
  expect(oembed, `${where}: oEmbed discovery link`).toHaveLength(1);
  expect(oembed[0]?.href).toBe(
    isExport
      ? `${base}/api/oembed/${article.slug}.json`
      : `${base}/api/oembed?url=${encodeURIComponent(`${base}${article.url}`)}&format=json`,
  );
}

function listingPages() {
  const pages: { url: string; kind: string }[] = [{ url: '/', kind: 'home' }];
  if (content.articles.length > 10) pages.push({ url: '/page/2', kind: 'home' });
  for (const section of content.sections) pages.push({ url: section.url, kind: 'section' });
  for (const author of content.authors) pages.push({ url: author.url, kind: 'author' });
  for (const tag of content.tags) pages.push({ url: tag.url, kind: 'tag' });
  return pages;
}

test.describe('link previews as crawlers see them', () => {
  for (const userAgent of CRAWLERS) {
    test(`every article unfolds into a full card for ${userAgent}`, async ({
      request,
      baseURL,
      isExport,
    }) => {
      expect(content.articles.length).toBeGreaterThan(3);
      for (const article of content.articles) {
        const { head } = await crawl(request, article.url, userAgent);
        expectArticleTags(head, article, baseURL ?? '', isExport);
      }
    });

    test(`every listing page unfolds into a card for ${userAgent}`, async ({
      request,
      baseURL,
    }) => {
      for (const { url, kind } of listingPages()) {
        const { head } = await crawl(request, url, userAgent);
        expect(head.title, `${url}: <title>`).toBeTruthy();
        expect(one(head, 'description', url).length).toBeGreaterThan(10);
        expect(one(head, 'og:title', url)).toBeTruthy();
        expect(one(head, 'og:type', url)).toMatch(/^(website|profile)$/);
        const { canonical } = expectCardTags(head, url, baseURL ?? '', kind);
        expect(new URL(canonical).href).toBe(new URL(url, baseURL).href);
      }
    });
  }
});

test('metadata and JSON-LD keep hostile headlines as text', async ({ request }) => {
  const hostile = content.articles.find((article) => article.slug === 'fixture-share-hostile');
  expect(hostile?.title).toContain('</script>');
  const { html, head } = await crawl(request, hostile?.url ?? '', CRAWLERS[0]);
  expect(one(head, 'og:title', 'hostile')).toBe(hostile?.title);
  expect(html).not.toContain('<script>alert(1)');
  const blocks = jsonLdBlocks(html);
  for (const block of blocks) expect(block.raw).not.toMatch(/[<>]/);
  const article = blocks.find((block) => block.data['@type'] === 'NewsArticle');
  expect(article?.data.headline).toBe(hostile?.title);
  expect(article?.data.description).toBe(hostile?.summary);
});

test('every article carries NewsArticle (LiveBlogPosting when live) and BreadcrumbList JSON-LD', async ({
  request,
  baseURL,
}) => {
  for (const article of content.articles) {
    const { html, head } = await crawl(request, article.url, 'Googlebot/2.1');
    const blocks = jsonLdBlocks(html).map((block) => block.data);
    const type = article.live ? 'LiveBlogPosting' : 'NewsArticle';
    const news = blocks.find((data) => data['@type'] === type);
    expect(news, article.slug).toBeDefined();
    expect(news).toMatchObject({
      '@context': 'https://schema.org',
      headline: article.title,
      description: article.summary,
      datePublished: article.date,
      dateModified: article.dateModified,
      articleSection: article.section.name,
      keywords: article.tags.map((tag) => tag.name),
      inLanguage: 'en',
      mainEntityOfPage: { '@type': 'WebPage', '@id': one(head, 'og:url', article.slug) },
      author: article.authors.map((author) => ({
        '@type': 'Person',
        name: author.name,
        url: `${baseURL}${author.url}`,
      })),
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: SITE_NAME,
        logo: { '@type': 'ImageObject', url: `${baseURL}/brand/logo.png` },
      },
    });
    const images = news?.image;
    expect(Array.isArray(images) && images.length).toBe(3);
    const og = one(head, 'og:image', article.slug);
    expect(images).toEqual([
      og,
      og.replace(/og(\.\w+)$/, '4x3$1'),
      og.replace(/og(\.\w+)$/, '1x1$1'),
    ]);
    const crumbs = blocks.find((data) => data['@type'] === 'BreadcrumbList');
    expect(crumbs?.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: SITE_NAME, item: `${baseURL}/` },
      {
        '@type': 'ListItem',
        position: 2,
        name: article.section.name,
        item: `${baseURL}${article.section.url}`,
      },
      { '@type': 'ListItem', position: 3, name: article.title, item: `${baseURL}${article.url}` },
    ]);
  }
});

test('home has WebSite JSON-LD and author pages have Person', async ({ request, baseURL }) => {
  const home = jsonLdBlocks((await crawl(request, '/', CRAWLERS[0])).html).map((b) => b.data);
  expect(home).toContainEqual(
    expect.objectContaining({ '@type': 'WebSite', name: SITE_NAME, url: `${baseURL}/` }),
  );
  for (const author of content.authors) {
    const blocks = jsonLdBlocks((await crawl(request, author.url, CRAWLERS[0])).html);
    expect(blocks.map((b) => b.data)).toContainEqual(
      expect.objectContaining({
        '@type': 'Person',
        name: author.name,
        url: `${baseURL}${author.url}`,
      }),
    );
  }
});

test('the publisher logo is a square PNG', async ({ request }) => {
  const response = await request.get('/brand/logo.png');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  expect(pngSize(await response.body())).toEqual({ width: 512, height: 512 });
});

test('every card is a PNG (text) or JPEG (photo) of its declared size, at most 300 KB', async ({
  request,
}, testInfo) => {
  // Most 4:3 and 1:1 renditions render on this first request.
  test.setTimeout(120_000);
  const cards = new Map<string, string>();
  for (const article of content.articles) {
    const { html, head } = await crawl(request, article.url, CRAWLERS[0]);
    cards.set(one(head, 'og:image', article.slug), `article-${article.slug}`);
    const news = jsonLdBlocks(html).find((block) =>
      ['NewsArticle', 'LiveBlogPosting'].includes(String(block.data['@type'])),
    );
    const images = news?.data.image;
    for (const url of Array.isArray(images) ? images : []) {
      cards.set(String(url), `article-${article.slug}`);
    }
  }
  for (const { url, kind } of listingPages().filter((page) => !page.url.includes('/page/'))) {
    const { head } = await crawl(request, url, CRAWLERS[0]);
    cards.set(one(head, 'og:image', url), `${kind}-${url.split('/').at(-1) || 'home'}`);
  }
  expect(cards.size).toBeGreaterThan(content.articles.length * 3);
  // A story with a hero photo gets a JPEG card; one without, a PNG.
  for (const article of content.articles) {
    const card = [...cards].find(([, name]) => name === `article-${article.slug}`)?.[0] ?? '';
    expect(cardType(card), article.slug).toBe(
      article.image?.startsWith('/') ? 'image/jpeg' : 'image/png',
    );
  }
  fs.mkdirSync(cardDir, { recursive: true });
  for (const [url, name] of cards) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()['content-type'], url).toBe(cardType(url));
    const body = await response.body();
    const file = url.split('/').at(-1) ?? '';
    expect(cardSize(url, body), url).toEqual(RENDITION_SIZES[file.replace(/\.\w+$/, '')]);
    expect(body.length, `${url} is ${Math.round(body.length / 1024)} KB`).toBeLessThanOrEqual(
      CARD_LIMIT,
    );
    const saved = `${name}-${file}`;
    fs.writeFileSync(path.join(cardDir, saved), body);
    if (name.includes('fixture-share')) {
      await testInfo.attach(saved, { body, contentType: cardType(url) });
    }
  }
});

test('unknown or stale card URLs are 404, never 500', async ({ request }) => {
  const article = content.articles[0];
  const { head } = await crawl(request, article?.url ?? '', CRAWLERS[0]);
  const card = new URL(one(head, 'og:image', 'first article'));
  const [, , kind, hash] = card.pathname.split('/');
  const other = card.pathname.endsWith('.png') ? 'og.jpg' : 'og.png';
  for (const pathname of [
    `/cards/${kind}/000000000000/og.png`,
    `/cards/${kind}/${hash}/${other}`,
    `/cards/${kind}/${hash}/2x1.png`,
    `/cards/nope/${hash}/og.png`,
  ]) {
    expect((await request.get(pathname)).status(), pathname).toBe(404);
  }
});
