import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { cardType } from './share-helpers';

// playwright.config.ts starts the server with this token; the hook is off without one.
const token = process.env.REVALIDATE_TOKEN || 'e2e-revalidate-token';
const file = path.join('.e2e-content', 'articles', 'corrections-policy.mdx');

test.skip(({ isExport }) => isExport, 'a static export has no server to revalidate');

test('the revalidate hook refuses requests without the token', async ({ request }) => {
  expect((await request.post('/api/revalidate')).status()).toBe(401);
  const wrong = await request.post('/api/revalidate', {
    headers: { authorization: 'Bearer not-the-token' },
  });
  expect(wrong.status()).toBe(401);
  expect((await request.get('/api/revalidate')).status()).toBe(405);
});

test('an edited story is live after one call to the hook, with a new card; nothing else changes', async ({
  page,
  request,
}) => {
  const original = fs.readFileSync(file, 'utf8');
  const publish = async () => {
    const response = await request.post('/api/revalidate', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status()).toBe(200);
    return (await response.json()) as { changed: string[]; paths: string[] };
  };
  const ogImage = async () => {
    const html = await (await request.get('/articles/corrections-policy')).text();
    return /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1] ?? '';
  };
  const before = await ogImage();
  try {
    fs.writeFileSync(
      file,
      original.replace(
        'title: "Our corrections policy"',
        'title: "Our corrections policy, revised"',
      ),
    );
    const result = await publish();
    expect(result.changed).toEqual(['corrections-policy']);
    expect(result.paths).toContain('/articles/corrections-policy');
    expect(result.paths.filter((p) => /^\/articles\/[^/]+$/.test(p))).toEqual([
      '/articles/corrections-policy',
    ]);

    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto('/articles/corrections-policy');
    await expect(page.locator('h1')).toHaveText('Our corrections policy, revised');
    // The first answer after revalidation carries a CSP for the new page's inline scripts.
    expect(errors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
    const after = await ogImage();
    expect(after).not.toBe(before);
    const card = await request.get(new URL(after).pathname);
    expect(card.status()).toBe(200);
    expect(card.headers()['content-type']).toBe(cardType(after));
    const share = await (await request.get('/api/share/corrections-policy')).json();
    expect(share.title).toBe('Our corrections policy, revised');
    expect(await (await request.get('/feed.xml')).text()).toContain(
      'Our corrections policy, revised',
    );
  } finally {
    fs.writeFileSync(file, original);
    await publish();
  }
  expect(await (await request.get('/articles/corrections-policy')).text()).not.toContain(
    'Our corrections policy, revised',
  );
});
