import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';

test.skip(
  ({ isExport }) => isExport,
  'methods, the image optimiser and Cache-Control come from the server',
);

async function routes(request: APIRequestContext): Promise<Record<string, string>> {
  const article = await (await request.get('/articles/welcome-to-the-meridian')).text();
  const card = new URL(/<meta property="og:image" content="([^"]+)"/.exec(article)?.[1] ?? '')
    .pathname;
  const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(article)?.[1] ?? '';
  expect(card).toMatch(/^\/cards\//);
  expect(script).toMatch(/^\/_next\/static\//);
  return {
    home: '/',
    article: '/articles/welcome-to-the-meridian',
    listing: '/sections/guides',
    tag: '/tags/fixture-hostile',
    'not found': '/articles/no-such-story',
    feed: '/feed.xml',
    'JSON feed': '/feed.json',
    sitemap: '/sitemap.xml',
    robots: '/robots.txt',
    'share API': '/api/share/welcome-to-the-meridian',
    'oEmbed file': '/api/oembed/welcome-to-the-meridian.json',
    'oEmbed query': '/api/oembed?url=http%3A%2F%2Flocalhost%2Farticles%2Fwelcome-to-the-meridian',
    card,
    logo: '/brand/logo.png',
    'public file': '/images/articles/how-to-write-an-article.jpg',
    'hashed asset': script,
    'image optimiser':
      '/_next/image?url=%2Fimages%2Farticles%2Fhow-to-write-an-article.jpg&w=640&q=75',
  };
}

test('every route kind answers methods it does not serve with 405 and Allow', async ({
  request,
}) => {
  for (const [kind, path] of Object.entries(await routes(request))) {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const response = await request.fetch(path, { method, data: 'x=1' });
      expect(response.status(), `${method} ${kind} ${path}`).toBe(405);
      expect(response.headers()['allow'], `${method} ${kind}`).toBe('GET, HEAD, OPTIONS');
    }
    const options = await request.fetch(path, { method: 'OPTIONS' });
    expect(options.status(), `OPTIONS ${kind}`).toBe(204);
    expect(options.headers()['allow']).toBe('GET, HEAD, OPTIONS');
    const head = await request.fetch(path, { method: 'HEAD' });
    expect(head.status(), `HEAD ${kind}`).toBeLessThan(500);
  }
});

test('the image optimiser serves local images and refuses every other host with 400', async ({
  request,
}) => {
  const local = await request.get(
    '/_next/image?url=%2Fimages%2Farticles%2Fhow-to-write-an-article.jpg&w=640&q=75',
  );
  expect(local.status()).toBe(200);
  expect(local.headers()['content-type']).toMatch(/^image\//);
  for (const url of [
    'https://evil.example/a.jpg',
    'https://images.unsplash.com/photo-1.jpg',
    'http://169.254.169.254/latest/meta-data/',
    '//evil.example/a.jpg',
    'https://localhost/a.jpg',
  ]) {
    const response = await request.get(`/_next/image?url=${encodeURIComponent(url)}&w=640&q=75`);
    expect(response.status(), url).toBe(400);
  }
});

test('pages, feeds and JSON are revalidated within minutes; only hashed files are immutable', async ({
  request,
}) => {
  const all = await routes(request);
  for (const kind of [
    'home',
    'article',
    'listing',
    'tag',
    'feed',
    'JSON feed',
    'sitemap',
    'share API',
    'oEmbed file',
  ]) {
    const path = all[kind] ?? '';
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const cacheControl = response.headers()['cache-control'] ?? '';
    expect(cacheControl, `${kind} ${path}`).toMatch(/s-maxage=300\b/);
    expect(cacheControl, `${kind} ${path}`).not.toMatch(/31536000|immutable/);
  }
  for (const kind of ['card', 'hashed asset']) {
    const response = await request.get(all[kind] ?? '');
    expect(response.headers()['cache-control'], kind).toBe('public, max-age=31536000, immutable');
  }
});

test('route handlers answer an unknown item with the one 404 shape', async ({ request }) => {
  for (const path of ['/api/share/no-such-story', '/cards/article/0000000000/og.png']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
  const share = await request.get('/api/share/no-such-story');
  expect(await share.json()).toEqual({ error: 'no article "no-such-story"' });
});

test('a page answers a conditional request for the copy a client holds with 304', async ({
  request,
}) => {
  for (const path of ['/', '/articles/welcome-to-the-meridian', '/sections/guides']) {
    // The first request of a page rendered on request renders it; the second is served cached.
    await request.get(path);
    const first = await request.get(path);
    const etag = first.headers()['etag'] ?? '';
    expect(etag, path).toMatch(/^"[\w-]+"$/);
    const same = await request.get(path, { headers: { 'If-None-Match': `W/${etag}` } });
    expect(same.status(), path).toBe(304);
    expect(same.headers()['etag']).toBe(etag);
    expect(same.headers()['cache-control'], path).toMatch(/s-maxage=300\b/);
    const changed = await request.get(path, { headers: { 'If-None-Match': '"an-older-copy"' } });
    expect(changed.status(), path).toBe(200);
    expect(changed.headers()['etag']).toBe(etag);
  }
});

test('a client cannot skip the checks by sending the gate header itself', async ({ request }) => {
  const forged = { 'x-meridian-gate': '1' };
  const missing = await request.get('/articles/no-such-story', { headers: forged });
  expect(missing.status()).toBe(404);
  expect(missing.headers()['content-security-policy']).toContain("object-src 'none'");
  const write = await request.fetch('/articles/welcome-to-the-meridian', {
    method: 'POST',
    headers: forged,
    data: 'x=1',
  });
  expect(write.status()).toBe(405);
});
