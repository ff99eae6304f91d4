import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The seed story and its two sample translations (content/ko, content/ar).
const SET = {
  en: '/articles/north-korea-volunteers-ukraine',
  ko: '/ko/articles/north-korea-volunteers-ukraine',
  ar: '/ar/articles/north-korea-volunteers-ukraine',
} as const;
const HREFLANGS = { en: SET.en, ko: SET.ko, ar: SET.ar, 'x-default': SET.en };

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' });

function list<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Each `<link rel="alternate" hreflang>` as hreflang → path, after checking it is absolute. */
async function hreflangLinks(page: Page, baseURL: string | undefined) {
  const links = await page
    .locator('head link[rel="alternate"][hreflang]')
    .evaluateAll((nodes) =>
      nodes.map((node) => [node.getAttribute('hreflang'), node.getAttribute('href')]),
    );
  return Object.fromEntries(
    links.map(([hreflang, href]) => {
      expect(href, `${hreflang} must be absolute`).toMatch(new RegExp(`^${baseURL}/`));
      return [hreflang, new URL(href ?? '').pathname];
    }),
  );
}

const NAV_LANGUAGE = { en: 'Language', ko: '언어', ar: 'اللغة' } as const;

function switcher(page: Page, locale: keyof typeof NAV_LANGUAGE) {
  return page.getByRole('navigation', { name: NAV_LANGUAGE[locale], exact: true });
}

/** The header switcher's links, as language → path. */
async function switcherLinks(page: Page, locale: keyof typeof NAV_LANGUAGE) {
  const links = await switcher(page, locale)
    .getByRole('link')
    .evaluateAll((nodes) =>
      nodes.map((node) => [node.getAttribute('hreflang'), node.getAttribute('href')]),
    );
  return Object.fromEntries(links);
}

test.describe('a translation set: the seed story in English, Korean and Arabic', () => {
  // Each test renders several pages and runs axe; a shared two-core machine needs the time.
  test.describe.configure({ timeout: 120_000 });

  for (const [locale, url] of Object.entries(SET)) {
    test(`${url} has lang and dir, links every member and x-default, and "Also in" the others`, async ({
      page,
      baseURL,
    }) => {
      await page.goto(url);
      const html = page.locator('html');
      await expect(html).toHaveAttribute('lang', locale);
      await expect(html).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
      expect(await hreflangLinks(page, baseURL)).toEqual(HREFLANGS);
      const also = page.locator('nav.translations a');
      const others = Object.entries(SET).filter(([other]) => other !== locale);
      await expect(also).toHaveCount(others.length);
      for (const [other, href] of others) {
        await expect(also.and(page.locator(`[hreflang="${other}"]`))).toHaveAttribute('href', href);
      }
      const ogLocale = await page.locator('meta[property="og:locale"]').getAttribute('content');
      expect(ogLocale).toBe({ en: 'en_US', ko: 'ko_KR', ar: 'ar_AR' }[locale]);
      await expect(page.locator('meta[property="og:locale:alternate"]')).toHaveCount(2);
      const jsonLd = await page
        .locator('script[type="application/ld+json"]')
        .evaluateAll((nodes) => nodes.map((node) => JSON.parse(node.textContent ?? '{}')));
      const article = jsonLd.find((data) => data['@type'] === 'NewsArticle');
      expect(article.inLanguage).toBe(locale);
      if (locale === 'en') {
        expect(
          article.workTranslation.map((work: { url: string }) => new URL(work.url).pathname),
        ).toEqual([SET.ko, SET.ar]);
      } else {
        expect(new URL(article.translationOfWork.url).pathname).toBe(SET.en);
      }
    });
  }

  test("the interface is in the page language, and the switcher links the story's translations", async ({
    page,
  }) => {
    await page.goto(SET.ko);
    await expect(page.getByRole('heading', { name: '이 기사 공유하기' })).toHaveCount(2);
    await expect(page.locator('.article .byline')).toHaveText('글 브라이언 케');
    await expect(page.locator('.article .kicker a')).toHaveAttribute('href', '/ko/sections/world');
    await expect(switcher(page, 'ko').getByRole('link')).toHaveText(['English', 'العربية']);
    expect(await switcherLinks(page, 'ko')).toEqual({ en: SET.en, ar: SET.ar });
  });

  test('on the original, the switcher links its Korean and Arabic translations', async ({
    page,
  }) => {
    await page.goto(SET.en);
    expect(await switcherLinks(page, 'en')).toEqual({ ko: SET.ko, ar: SET.ar });
  });

  test('on a story with no translation, the switcher links the front pages', async ({ page }) => {
    await page.goto('/articles/why-we-publish-from-git');
    await expect(page.locator('nav.translations')).toHaveCount(0);
    expect(await switcherLinks(page, 'en')).toEqual({ ko: '/ko', ar: '/ar' });
  });

  test('the switcher follows client-side navigation', async ({ page }) => {
    await page.goto(SET.en);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.locator('nav.translations a[hreflang="ko"]').click();
    await expect(page).toHaveURL(new RegExp(`${SET.ko}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect.poll(() => switcherLinks(page, 'ko')).toEqual({ en: SET.en, ar: SET.ar });
    await page.locator('.site-header__name').click();
    await expect(page).toHaveURL(/\/ko$/);
    await expect.poll(() => switcherLinks(page, 'ko')).toEqual({ en: '/', ar: '/ar' });
    await page.locator('.article-meta, .story-card, .lead-story').first().waitFor();
    await page.locator(`main a[href="${SET.ko}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`${SET.ko}$`));
    await expect.poll(() => switcherLinks(page, 'ko')).toEqual({ en: SET.en, ar: SET.ar });
    expect(await page.evaluate(() => 'sameDocument' in window), 'no full page load').toBe(true);
  });

  test("the switcher on a section or tag page links that page's counterpart", async ({ page }) => {
    await page.goto('/ko/sections/world');
    expect(await switcherLinks(page, 'ko')).toEqual({
      en: '/sections/world',
      ar: '/ar/sections/world',
    });
    await page.goto('/tags/north-korea');
    expect(await switcherLinks(page, 'en')).toEqual({
      ko: '/ko/tags/north-korea',
      ar: '/ar/tags/north-korea',
    });
    await page.goto('/sections/newsroom');
    expect(await switcherLinks(page, 'en')).toEqual({ ko: '/ko', ar: '/ar' });
  });

  test('tags carry their names in each language (content/tags.yaml)', async ({ page }) => {
    await page.goto(SET.ko);
    await expect(page.locator('.article .tag-list a')).toHaveText(['북한', '러시아', '우크라이나']);
    await page.goto('/ko/tags/north-korea');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('북한');
    await page.goto('/ar/tags/russia');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('روسيا');
    await page.goto(SET.en);
    await expect(page.locator('.article .tag-list a')).toHaveText([
      'north-korea',
      'russia',
      'ukraine',
    ]);
  });

  test('Accept-Language never redirects: a URL answers its own language', async ({ browser }) => {
    const context = await browser.newContext({
      locale: 'ko-KR',
      extraHTTPHeaders: { 'Accept-Language': 'ko' },
    });
    const page = await context.newPage();
    const response = await page.goto(SET.en);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(SET.en);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await context.close();
  });

  for (const locale of ['ko', 'ar'] as const) {
    test(`the ${locale} sample's share card is its own, drawn and served`, async ({
      page,
      request,
    }, testInfo) => {
      await page.goto(SET[locale]);
      const og = page.locator('meta[property="og:image"]');
      const url = new URL((await og.getAttribute('content')) ?? '');
      await page.goto(SET.en);
      const original = await page.locator('meta[property="og:image"]').getAttribute('content');
      expect(url.href, 'a translation has a card of its own').not.toBe(original);
      const response = await request.get(url.pathname);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
      const body = await response.body();
      // A drawn headline: far above a blank card's bytes, within the size platforms accept.
      expect(body.length).toBeGreaterThan(20 * 1024);
      expect(body.length).toBeLessThan(300 * 1024);
      expect(body.readUInt32BE(16)).toBe(1200);
      expect(body.readUInt32BE(20)).toBe(630);
      await testInfo.attach(`card-${locale}.png`, { body, contentType: 'image/png' });
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    test(`the Arabic sample is right-to-left, mirrored and axe clean (${scheme})`, async ({
      page,
      seriousViolations,
    }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1100, height: 1400 });
      await page.goto(SET.ar);
      const share = page.locator('.share-bar').first().locator('li');
      const first = await share.nth(0).boundingBox();
      const second = await share.nth(1).boundingBox();
      expect(first && second && first.x > second.x, 'the share bar runs right to left').toBe(true);
      const title = await page.locator('.article__title').boundingBox();
      const main = await page.locator('main').boundingBox();
      expect(title && main && title.x + title.width > main.x + main.width / 2).toBe(true);
      expect(await seriousViolations()).toEqual([]);
      const folder = process.env.DOCS_SCREENSHOTS;
      if (folder) {
        await page.screenshot({ path: path.join(folder, `translation-ar-${scheme}.png`) });
      }
    });
  }
});

test.describe('each language has its own listings and feeds', () => {
  const LISTINGS = ['', '/sections/world', '/tags/north-korea', '/authors/bryan-ke'];

  for (const locale of ['ko', 'ar'] as const) {
    for (const listing of LISTINGS) {
      test(`/${locale}${listing} lists only ${locale} stories`, async ({ page }) => {
        await page.goto(`/${locale}${listing}`);
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        const stories = await page
          .locator('main a[href*="/articles/"]')
          .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href') ?? ''));
        expect(stories.length).toBeGreaterThan(0);
        for (const href of stories) expect(href).toMatch(new RegExp(`^/${locale}/articles/`));
        expect(stories).toContain(SET[locale]);
      });
    }

    test(`/${locale}/feed.xml and feed.json are in ${locale} and hold only its stories`, async ({
      request,
    }) => {
      const rss = await request.get(`/${locale}/feed.xml`);
      expect(rss.status()).toBe(200);
      const xml = await rss.text();
      expect(XMLValidator.validate(xml)).toBe(true);
      const channel = parser.parse(xml).rss.channel;
      expect(channel.language).toBe(locale);
      const links = list<{ link: string }>(channel.item).map((item) => new URL(item.link).pathname);
      expect(links).toContain(SET[locale]);
      for (const link of links) expect(link).toMatch(new RegExp(`^/${locale}/articles/`));
      const json = await (await request.get(`/${locale}/feed.json`)).json();
      expect(json.language).toBe(locale);
    });
  }

  test('the default language lists no translation', async ({ page }) => {
    await page.goto('/sections/world');
    const hrefs = await page
      .locator('main a[href*="/articles/"]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => /^\/(ko|ar)\//.test(href))).toEqual([]);
  });
});

test('the sitemap lists every language with reciprocal xhtml:link alternates', async ({
  request,
  baseURL,
}) => {
  const xml = await (await request.get('/sitemap.xml')).text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const urlset = parser.parse(xml).urlset;
  expect(urlset['@_xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml');
  const urls = list<{ loc: string; 'xhtml:link'?: Record<string, string>[] }>(urlset.url);
  for (const member of Object.values(SET)) {
    const entry = urls.find((url) => url.loc === `${baseURL}${member}`);
    expect(entry, `${member} is in the sitemap`).toBeDefined();
    const links = Object.fromEntries(
      list(entry?.['xhtml:link']).map((link) => [
        link['@_hreflang'],
        new URL(link['@_href'] ?? '').pathname,
      ]),
    );
    expect(links).toEqual(HREFLANGS);
  }
  for (const home of ['/ko', '/ar']) {
    expect(urls.some((url) => url.loc === `${baseURL}${home}`)).toBe(true);
  }
});

test('the message catalogues name every key the default one has', () => {
  const folder = path.join(import.meta.dirname, '..', 'lib', 'i18n', 'messages');
  const keys = (name: string) =>
    Object.keys(JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8'))).sort();
  for (const name of ['ko.json', 'ar.json']) expect(keys(name)).toEqual(keys('en.json'));
});

test.describe('every interface string is in the page language', () => {
  const folder = path.join(import.meta.dirname, '..', 'lib', 'i18n', 'messages');
  const catalogue = (code: string): Record<string, string> =>
    JSON.parse(fs.readFileSync(path.join(folder, `${code}.json`), 'utf8'));
  const en = catalogue('en');
  // What the search page and its client part show, and the header and 404 around them.
  const SHOWN = [
    'search.title',
    'search.formLabel',
    'listing.section',
    'search.author',
    'search.allSections',
    'search.allAuthors',
    'theme.dark',
    'nav.sections',
  ];
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  /** A catalogue string with its placeholders filled by `values` or matching anything. */
  const pattern = (text: string, values: Record<string, string>) =>
    new RegExp(
      `^${text
        .split(/(\{\w+\})/)
        .map((part) => {
          const name = /^\{(\w+)\}$/.exec(part)?.[1];
          if (!name) return escape(part);
          return values[name] !== undefined ? escape(values[name]) : '.+';
        })
        .join('')}$`,
    );
  const englishIn = (text: string, keys: string[]) =>
    keys.map((key) => en[key] ?? '').filter((english) => english && text.includes(english));

  for (const [locale, found, missing] of [
    ['ko', '북한', 'zzqxv'],
    ['ar', 'كوريا', 'zzqxv'],
  ] as const) {
    test(`/${locale}/search: filters, prompt and results in ${locale}`, async ({ page }) => {
      const text = catalogue(locale);
      await page.goto(`/${locale}/search`);
      const status = page.locator('p[role="status"]');
      await expect(status).toHaveText(text['search.prompt'] ?? '');
      const box = page.getByRole('searchbox', { name: text['search.formLabel'] });
      for (const [key, label, all] of [
        ['section', 'listing.section', 'search.allSections'],
        ['author', 'search.author', 'search.allAuthors'],
      ] as const) {
        await expect(page.locator(`label[for="search-${key}"]`)).toHaveText(text[label] ?? '');
        await expect(page.locator(`#search-${key} option`).first()).toHaveText(text[all] ?? '');
      }
      await box.fill(found);
      await expect(status).toHaveText(pattern(text['search.count.other'] ?? '', { term: found }));
      const results = page.getByRole('list', { name: text['search.results'] });
      const hrefs = await results
        .locator('h2 a')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href') ?? ''));
      expect(hrefs, `only ${locale} stories`).toContain(SET[locale]);
      for (const href of hrefs) expect(href).toMatch(new RegExp(`^/${locale}/articles/`));
      const keys = [...SHOWN, 'search.prompt', 'search.searching', 'search.none'];
      expect(englishIn(await page.locator('body').innerText(), keys)).toEqual([]);
      await box.fill(missing);
      await expect(status).toHaveText(pattern(text['search.none'] ?? '', { term: missing }));
      const body = await page.locator('body').innerText();
      expect(englishIn(body, [...keys, 'search.results'])).toEqual([]);
      expect(body).not.toMatch(/stor(y|ies) match/);
    });
  }

  test('/ko/no-such-page is the Korean not-found page, with status 404', async ({
    page,
    isExport,
  }) => {
    test.skip(
      !isExport,
      "a server answers it with the default language's 404 (app/(intl)/[locale]/[...missing])",
    );
    const text = catalogue('ko');
    for (const [url, lang] of [
      ['/ar/articles/no-such-story', 'ar'],
      ['/ko/tags/no-such-tag', 'ko'],
    ]) {
      expect((await page.goto(url ?? ''))?.status(), url).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', lang ?? '');
    }
    const response = await page.goto('/ko/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text['notFound.title'] ?? '');
    await expect(page.getByRole('link', { name: text['nav.home'] })).toHaveAttribute('href', '/ko');
    expect(await switcherLinks(page, 'ko')).toEqual({ en: '/', ar: '/ar' });
    const body = await page.locator('body').innerText();
    expect(englishIn(body, [...SHOWN, 'notFound.title', 'notFound.text', 'nav.home'])).toEqual([]);
  });
});
