import { randomInt } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { now } from '@/lib/clock';
import { previewPath } from '@/lib/preview';
import { expect, test } from './fixtures';
import { E2E_PREVIEW_SECRET } from './preview-secret';
import { cardPathsOf } from './published';

const DRAFT = 'fixture-preview-draft';
const REVOKED = 'fixture-preview-revoked';
const SCHEDULED = 'fixture-safety-embargoed';
const PUBLISHED = 'fixture-safety-corrected';
const HIDDEN = [DRAFT, REVOKED, SCHEDULED, 'fixture-safety-draft'];
const DRAFT_WORD = 'previewonlyokapi';

function signed(slug: string, { hours = 48, version = 1 } = {}) {
  const expires = Math.floor(now().getTime() / 1000) + Math.round(hours * 3600);
  return previewPath({ slug, expires, version }, E2E_PREVIEW_SECRET);
}

// Every test speaks from its own address (workers run in parallel), so the rate limit counts each
// apart.
const fromAddress = () => ({
  'x-forwarded-for': `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`,
});

test.describe('preview links on the server', () => {
  test.skip(({ isExport }) => isExport, 'previews need a server: the export has none');

  test('a valid link shows the draft under the banner with private headers and nothing to share', async ({
    page,
    request,
  }) => {
    const headers = fromAddress();
    const response = await request.get(signed(DRAFT), { headers });
    expect(response.status()).toBe(200);
    const answer = response.headers();
    expect(answer['cache-control']).toBe('private, no-store');
    expect(answer['x-robots-tag']).toBe('noindex, nofollow, noarchive');
    expect(answer['referrer-policy']).toBe('no-referrer');
    expect(answer['x-frame-options']).toBe('DENY');
    const publicPage = (await request.get(`/articles/${PUBLISHED}`)).headers();
    const directives = (csp = '') => csp.replace(/script-src [^;]+/, 'script-src');
    expect(directives(answer['content-security-policy'])).toBe(
      directives(publicPage['content-security-policy']),
    );
    const scriptSrc = /script-src ([^;]+)/.exec(answer['content-security-policy'] ?? '')?.[1];
    expect(scriptSrc).toMatch(/^'self' 'sha256-/);
    expect(scriptSrc).not.toContain('unsafe-inline');

    const html = await response.text();
    expect(html).toContain(DRAFT_WORD);
    expect(html).toContain('Preview — not published — link expires');
    expect(html).not.toMatch(/property="og:|name="twitter:/);
    expect(html).not.toContain('application/ld+json');
    expect(html).not.toContain('oembed');
    expect(html).not.toContain('/cards/');
    expect(html).not.toContain('/api/share/');
    expect(html).not.toContain('share-bar');
    expect(html).not.toMatch(/<meta name="description" content="A draft fixture/);
    expect(html).not.toContain('<link rel="canonical"');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow, noarchive"/>');

    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.setExtraHTTPHeaders(fromAddress());
    await page.goto(signed(DRAFT));
    const banner = page.getByRole('note', { name: 'Preview' });
    await expect(banner).toContainText(/Preview — not published — link expires \d+ \w+ \d{4}/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Fixture preview draft shown only through a signed link',
    );
    await expect(page.getByRole('region', { name: /share/i })).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    expect(cspViolations).toEqual([]);
  });

  test('a scheduled story previews the same way', async ({ request }) => {
    const response = await request.get(signed(SCHEDULED), { headers: fromAddress() });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('This embargoed story must not appear anywhere.');
  });

  test('tampered, re-pointed, expired, revoked and unknown links all get the one 404 page', async ({
    request,
  }) => {
    const headers = fromAddress();
    const valid = signed(DRAFT);
    const sig = /sig=([0-9a-f]+)/.exec(valid)?.[1] ?? '';
    const bad = {
      tampered: valid.replace(sig, `${sig[0] === 'a' ? 'b' : 'a'}${sig.slice(1)}`),
      'other slug': valid.replace(DRAFT, 'fixture-safety-draft'),
      'unknown slug': signed('fixture-no-such-draft'),
      expired: signed(DRAFT, { hours: -1 }),
      revoked: signed(REVOKED, { version: 1 }),
      malformed: `/preview/${DRAFT}?exp=1&sig=zz`,
      unsigned: `/preview/${DRAFT}`,
    };
    const reference = await request.get('/no-such-page', { headers });
    expect(reference.status()).toBe(404);
    const referenceBody = await reference.text();
    for (const [name, url] of Object.entries(bad)) {
      const response = await request.get(url, { headers });
      expect(response.status(), name).toBe(404);
      expect(await response.text(), name).toBe(referenceBody);
      // Next writes its own, stricter value on a 404: never stored anywhere either way.
      expect(response.headers()['cache-control'], name).toMatch(/^private, .*no-store/);
      expect(response.headers()['x-robots-tag'], name).toBe('noindex, nofollow, noarchive');
    }
    expect((await request.get(signed(REVOKED, { version: 2 }), { headers })).status()).toBe(200);
  });

  test('a published story redirects to its public address', async ({ request }) => {
    const response = await request.get(signed(PUBLISHED), {
      headers: fromAddress(),
      maxRedirects: 0,
    });
    expect(response.status()).toBe(307);
    expect(response.headers()['location']).toMatch(new RegExp(`/articles/${PUBLISHED}$`));
    expect(response.headers()['cache-control']).toBe('private, no-store');
  });

  test('answers 429 after 30 requests a minute from one address, and only to it', async ({
    request,
  }) => {
    const headers = fromAddress();
    const link = `/preview/${DRAFT}?exp=1&sig=${'0'.repeat(64)}`;
    for (let i = 0; i < 30; i++) {
      expect((await request.get(link, { headers })).status(), `request ${i + 1}`).toBe(404);
    }
    const limited = await request.get(link, { headers });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers()['cache-control']).toBe('private, no-store');
    expect((await request.get(link, { headers: fromAddress() })).status()).toBe(404);
  });
});

async function text(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return response.text();
}

test.describe('a previewed story is absent from everything public', () => {
  test('pages, listings, related stories, feeds and sitemaps never mention it', async ({
    request,
  }) => {
    const sitemap = await text(request, '/sitemap.xml');
    const childSitemaps = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/sitemaps\/[^<]+)<\/loc>/g)]
      .map((match) => match[1] ?? '')
      .filter(Boolean);
    const urls = [
      '/',
      '/sections/guides',
      '/tags/fixture-safety',
      '/authors/mina-seo',
      `/articles/${PUBLISHED}`,
      '/feed.xml',
      '/atom.xml',
      '/feed.json',
      '/sections/guides/feed.xml',
      '/authors/mina-seo/feed.json',
      '/news-sitemap.xml',
      ...childSitemaps,
    ];
    const tagPage = await text(request, '/tags/fixture-safety');
    expect(tagPage, 'the tag the hidden stories share lists a published one').toContain(PUBLISHED);
    for (const url of urls) {
      const body = url === '/sitemap.xml' ? sitemap : await text(request, url);
      for (const slug of [...HIDDEN, DRAFT_WORD])
        expect(body, `${url} mentions ${slug}`).not.toContain(slug);
    }
  });

  test('its page, share JSON, live JSON, oEmbed and card are not found', async ({
    request,
    isExport,
    baseURL,
  }) => {
    const [publishedCard, ...hiddenCards] = await cardPathsOf([PUBLISHED, ...HIDDEN]);
    expect(
      (await request.get(publishedCard ?? '')).status(),
      'the card paths are computed right',
    ).toBe(200);
    for (const card of hiddenCards) expect((await request.get(card)).status(), card).toBe(404);
    for (const slug of HIDDEN) {
      const urls = [
        `/articles/${slug}`,
        `/api/share/${slug}`,
        `/api/live/${slug}`,
        isExport
          ? `/api/oembed/${slug}.json`
          : `/api/oembed?url=${encodeURIComponent(`${baseURL}/articles/${slug}`)}&format=json`,
      ];
      for (const url of urls) expect((await request.get(url)).status(), url).toBe(404);
    }
  });
});

test.describe('preview links in the static export', () => {
  test.skip(({ isExport }) => !isExport, 'the export is checked by playwright.export.config.ts');

  test('the export has no preview route, even built with a secret', async ({ request }) => {
    expect((await request.get(signed(DRAFT))).status()).toBe(404);
    expect((await request.get(`/preview/${DRAFT}`)).status()).toBe(404);
  });
});
