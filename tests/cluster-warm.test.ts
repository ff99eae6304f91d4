import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { warmOrigin } from '@/scripts/cluster/warm';

let server: http.Server | undefined;

/** A stand-in origin: a home page linking a story and a section, the story naming its card. */
async function origin(status: (pathname: string) => number = () => 200) {
  const asked: string[] = [];
  server = http.createServer((request, response) => {
    const pathname = request.url ?? '';
    asked.push(pathname);
    const address = server?.address() as AddressInfo;
    const body =
      pathname === '/'
        ? '<a href="/sections/world">World</a><a href="/articles/a-story">A story</a>'
        : pathname === '/articles/a-story'
          ? `<meta property="og:image" content="http://127.0.0.1:${address.port}/cards/article/a-story/og.png"/>`
          : 'ok';
    response.writeHead(status(pathname), { 'content-type': 'text/html' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, asked };
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('warming an origin before it is given traffic', () => {
  it('asks once for each kind of page the home page leads to', async () => {
    const { url, asked } = await origin();
    const paths = await warmOrigin(url);
    expect(asked).toEqual([
      '/',
      '/articles/a-story',
      '/api/share/a-story.json',
      '/cards/article/a-story/og.png',
      '/sections/world',
      '/robots.txt',
      '/feed.xml',
      '/sitemap.xml',
    ]);
    expect(paths).toEqual(asked);
  });

  it('stops with the address when the origin answers a server error', async () => {
    const { url } = await origin((pathname) => (pathname === '/feed.xml' ? 500 : 200));
    await expect(warmOrigin(url)).rejects.toThrow(`${url}/feed.xml answered 500 while warming up`);
  });
});
