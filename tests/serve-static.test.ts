import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '@/scripts/serve-static.mjs';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-static-test-'));
const server = createStaticServer(root);
let base = '';

beforeAll(async () => {
  fs.mkdirSync(path.join(root, 'articles', 'nested'), { recursive: true });
  fs.mkdirSync(path.join(root, '_next', 'static'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<h1>home</h1>');
  fs.writeFileSync(path.join(root, '404.html'), '<h1>Page not found</h1>');
  fs.mkdirSync(path.join(root, 'ko'));
  fs.writeFileSync(path.join(root, 'ko', '404.html'), '<h1>페이지를 찾을 수 없습니다</h1>');
  fs.writeFileSync(path.join(root, 'articles', 'story.html'), '<h1>story</h1>');
  fs.writeFileSync(path.join(root, 'articles', 'nested', 'index.html'), '<h1>nested</h1>');
  fs.writeFileSync(path.join(root, 'articles', 'story.json'), '{}');
  fs.writeFileSync(path.join(root, 'card.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  fs.writeFileSync(path.join(root, 'feed.xml'), '<rss/>');
  fs.writeFileSync(path.join(root, '_next', 'static', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(os.tmpdir(), 'outside-static-root.txt'), 'secret');
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(root, { recursive: true, force: true });
});

describe('serve-static', () => {
  it.each([
    ['/', 'text/html; charset=utf-8', '<h1>home</h1>'],
    ['/articles/story', 'text/html; charset=utf-8', '<h1>story</h1>'],
    ['/articles/nested', 'text/html; charset=utf-8', '<h1>nested</h1>'],
    ['/articles/story.json', 'application/json', '{}'],
    ['/feed.xml', 'application/rss+xml; charset=utf-8', '<rss/>'],
    ['/_next/static/app.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
  ])('serves %s as %s', async (url, type, body) => {
    const response = await fetch(base + url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(await response.text()).toBe(body);
  });

  it('serves images as images', async () => {
    const response = await fetch(`${base}/card.png`);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    );
  });

  it('answers unknown paths with 404.html and status 404', async () => {
    const response = await fetch(`${base}/articles/missing`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Page not found');
  });

  it("answers an unknown path under a language with that language's 404.html", async () => {
    for (const url of ['/ko/missing', '/ko/articles/missing/deeper']) {
      const response = await fetch(base + url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).toBe('<h1>페이지를 찾을 수 없습니다</h1>');
    }
    expect(await (await fetch(`${base}/kor/missing`)).text()).toContain('Page not found');
  });

  it('never serves files outside its folder', async () => {
    const response = await fetch(`${base}/..%2Foutside-static-root.txt`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });

  it('caches hashed build assets for a year and pages not at all', async () => {
    expect((await fetch(`${base}/_next/static/app.js`)).headers.get('cache-control')).toContain(
      'immutable',
    );
    expect((await fetch(`${base}/articles/story`)).headers.get('cache-control')).toContain(
      'max-age=0',
    );
  });
});
