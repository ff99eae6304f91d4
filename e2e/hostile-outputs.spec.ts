import type { APIRequestContext } from '@playwright/test';
import { feedItems } from './feed-items';
import { expect, test } from './fixtures';
import { searchRecords } from './search-records';
import { cardSize, cardType } from './share-helpers';

const HOSTILE = ['fixture-hostile-body', 'fixture-hostile-refresh'];
const FIRST_LINES: Record<string, string> = {
  'fixture-hostile-body': 'The first paragraph is plain text.',
  'fixture-hostile-refresh': 'The refresh fixture starts here.',
};
const FEEDS = ['/feed.xml', '/atom.xml', '/feed.json'];
const LISTINGS = ['', '/sections/guides', '/authors/mina-seo'];

/** What no output may carry: live script, handlers, refresh, base, form actions, script URLs. */
function expectInert(html: string, where: string) {
  const problems = [
    /<script/i,
    /<(iframe|object|embed|svg|math|form|button|input|link|meta|base|style)\b/i,
    /\son[a-z]+\s*=/i,
    /http-equiv|httpequiv/i,
    /formaction|\saction\s*=/i,
    /(href|src|cite|action|poster)\s*=\s*["']?\s*(javascript|data|vbscript):/i,
    /javascript:|vbscript:|data:[a-z]+\//i,
    /alert\(|__pwned|evil\.example/i,
  ].filter((pattern) => pattern.test(html));
  expect(problems.map(String), `${where}: ${html.slice(0, 400)}`).toEqual([]);
}

/** The HTML of each hostile item in a feed. */
async function feedHtml(request: APIRequestContext, path: string): Promise<Map<string, string>> {
  const items = await feedItems(request, path);
  return new Map([...items].filter(([slug]) => HOSTILE.includes(slug)));
}

test.describe('hostile bodies in every output', () => {
  for (const base of LISTINGS) {
    for (const file of FEEDS) {
      const path = `${base}${file}`;
      test(`feed ${path} carries the hostile stories inert`, async ({ request }) => {
        const items = await feedHtml(request, path);
        expect([...items.keys()].sort()).toEqual([...HOSTILE].sort());
        for (const [slug, html] of items) {
          expect(html, `${path} ${slug}`).toContain(FIRST_LINES[slug]);
          expectInert(html, `${path} ${slug}`);
        }
      });
    }
  }

  test('the search text of the hostile stories is inert plain text', async ({ page }) => {
    const records = await searchRecords(page, Object.values(FIRST_LINES));
    for (const slug of HOSTILE) {
      const record = records.find((candidate) => candidate.url === `/articles/${slug}`);
      const first = FIRST_LINES[slug] ?? '';
      expect(record?.content, slug).toContain(first);
      // The record starts with the headline and summary, which hold markup as literal text on
      // purpose; the body's text follows them and must carry none.
      const body = record?.content.slice(record.content.indexOf(first)) ?? '';
      expect(body).not.toMatch(/[<>]/);
      expectInert(body, `search ${slug}`);
    }
  });

  test('a hostile headline shows in search results as text', async ({ page }) => {
    await page.goto('/search?q=Hostile%20markup');
    const results = page.getByRole('list', { name: 'Search results' });
    await expect(results.getByRole('heading', { name: /Hostile <b>markup<\/b>/ })).toBeVisible();
    expect(await results.locator('script, b, img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });

  for (const slug of HOSTILE) {
    test(`share JSON, oEmbed and cards of ${slug} hold only safe URLs`, async ({
      request,
      isExport,
    }) => {
      const share = await request.get(`/api/share/${slug}${isExport ? '.json' : ''}`);
      expect(share.status()).toBe(200);
      expect(share.headers()['content-type']).toMatch(/application\/json/);
      const oembedPath = isExport
        ? `/api/oembed/${slug}.json`
        : `/api/oembed?url=${encodeURIComponent(new URL(`/articles/${slug}`, share.url()).toString())}&format=json`;
      const oembed = await request.get(oembedPath);
      expect(oembed.status(), oembedPath).toBe(200);
      expect(oembed.headers()['content-type']).toMatch(/application\/json/);
      for (const [what, body] of [
        ['share', (await share.json()) as unknown],
        ['oEmbed', (await oembed.json()) as unknown],
      ] as const) {
        const strings: [string, string][] = [];
        const walk = (value: unknown, key: string) => {
          if (typeof value === 'string') strings.push([key, value]);
          else if (value && typeof value === 'object') {
            for (const [k, v] of Object.entries(value)) walk(v, k);
          }
        };
        walk(body, '');
        for (const [key, value] of strings) {
          if (
            /^(url|image|thumbnail_url|author_url|provider_url|[a-z]+)$/.test(key) &&
            /^[a-z]+:/i.test(value)
          ) {
            expect(value, `${what} ${key}`).toMatch(/^(https?:|mailto:)/);
          }
          if (key === 'html') expectInert(value, `${what} html`);
        }
      }

      const page = await request.get(`/articles/${slug}`);
      const html = await page.text();
      const card = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
      expect(card, 'og:image').toBeTruthy();
      const image = await request.get(new URL(card ?? '').pathname);
      expect(image.status()).toBe(200);
      expect(image.headers()['content-type']).toBe(cardType(card ?? ''));
      const body = await image.body();
      expect(cardSize(card ?? '', body)).toEqual({ width: 1200, height: 630 });
    });
  }

  test('the refresh fixture page has no refresh, base, form action or handler', async ({
    page,
  }) => {
    await page.goto('/articles/fixture-hostile-refresh');
    await expect(page.getByText('The refresh fixture ends here.')).toBeVisible();
    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe('/articles/fixture-hostile-refresh');
    await expect(
      page.locator('meta[http-equiv], base, [formaction], .prose form, .prose button, .prose svg'),
    ).toHaveCount(0);
    await expect(page.locator('.prose').getByText('Details text stays.')).toBeAttached();
    expectInert(await page.locator('.prose').innerHTML(), 'page');
  });
});
