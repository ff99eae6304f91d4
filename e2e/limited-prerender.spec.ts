import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { cardType } from './share-helpers';

// The server suite builds with PRERENDER_NEWEST (playwright.config.ts), so the older stories are
// left to their first request; a static export writes everything and has nothing to check here.
test.skip(({ isExport }) => isExport, 'a static export prerenders every story');

function prerenderedRoutes(): Set<string> {
  const distDir = process.env.E2E_DIST_DIR || '.next-e2e';
  const manifest: { routes: Record<string, unknown> } = JSON.parse(
    fs.readFileSync(path.join(distDir, 'prerender-manifest.json'), 'utf8'),
  );
  return new Set(Object.keys(manifest.routes));
}

async function articlePaths(request: import('@playwright/test').APIRequestContext) {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  return [...sitemap.matchAll(/<loc>[^<]*?(\/articles\/[^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
}

test('an old story that the build did not prerender is served on first request, then cached', async ({
  page,
  request,
}) => {
  const routes = prerenderedRoutes();
  const paths = await articlePaths(request);
  const old = paths.filter((p) => !routes.has(p));
  expect(
    paths.some((p) => routes.has(p)),
    'the newest stories are prerendered',
  ).toBe(true);
  expect(old.length, 'some stories are left to their first request').toBeGreaterThan(0);
  const target = old[old.length - 1] ?? '';

  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const response = await page.goto(target);
  expect(response?.status()).toBe(200);
  await expect(page.locator('h1')).toBeVisible();
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content');
  const oembed = await page.locator('link[type="application/json+oembed"]').getAttribute('href');
  // The CSP allows this page's own inline scripts, so it hydrates without violations.
  expect(errors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);

  const again = await request.get(target);
  expect(again.status()).toBe(200);
  expect(again.headers()['x-nextjs-cache']).toBe('HIT');

  const card = await request.get(new URL(ogImage ?? '').pathname);
  expect(card.status()).toBe(200);
  expect(card.headers()['content-type']).toBe(cardType(ogImage ?? ''));
  const slug = target.split('/').pop() ?? '';
  for (const url of [`/api/share/${slug}`, `/api/share/${slug}.json`, `/api/oembed/${slug}.json`]) {
    const json = await request.get(url);
    expect(json.status(), url).toBe(200);
    expect(json.headers()['content-type']).toContain('application/json');
  }
  expect(
    (await request.get(new URL(oembed ?? '').pathname + new URL(oembed ?? '').search)).status(),
  ).toBe(200);
  expect((await request.get('/articles/no-such-story-at-all')).status()).toBe(404);
  expect((await request.get('/api/share/no-such-story-at-all')).status()).toBe(404);
});

test('a server build writes no share file: each renders on its first request, then is cached', async ({
  page,
  request,
}) => {
  const routes = [...prerenderedRoutes()];
  expect(routes.filter((route) => /^\/(cards|api\/share)\//.test(route))).toEqual([]);
  const target = (await articlePaths(request))[0] ?? '';
  expect(routes, 'the newest story is prerendered').toContain(target);
  await page.goto(target);
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content');
  const slug = target.split('/').pop() ?? '';
  for (const url of [new URL(ogImage ?? '').pathname, `/api/share/${slug}`]) {
    const first = await request.get(url);
    expect(first.status(), url).toBe(200);
    const again = await request.get(url);
    expect(again.status(), url).toBe(200);
    expect(again.headers()['x-nextjs-cache'], url).toBe('HIT');
    expect(Buffer.compare(await again.body(), await first.body()), url).toBe(0);
  }
});
