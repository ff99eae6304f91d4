import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATE_HEADER, installRequestGate } from '@/lib/request-gate';

// What reached Next (here a plain handler standing in for it), per path.
const reached = new Map<string, http.IncomingHttpHeaders>();
let server: http.Server;
let base = '';
let uninstall = () => {};

beforeAll(async () => {
  uninstall = installRequestGate();
  server = http.createServer((req, res) => {
    reached.set(`${req.method} ${req.url}`, { ...req.headers });
    res.end('next');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  uninstall();
});

const forged = { [GATE_HEADER]: '1' };

/** A GET of `path` exactly as written (fetch would normalise dot segments away). */
function rawGet(path: string, headers: Record<string, string>) {
  return new Promise<{ body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    http
      .get(`${base}${path}`, { path, headers }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ body, headers: res.headers }));
      })
      .on('error', reject);
  });
}

describe('the request gate', () => {
  it('gives a read its headers and marks it, so the proxy is skipped', async () => {
    const response = await fetch(`${base}/brand/no-such-file.png`);
    expect(await response.text()).toBe('next');
    expect(response.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect(response.headers.get('cache-control')).toMatch(/s-maxage=300/);
    expect(reached.get('GET /brand/no-such-file.png')?.[GATE_HEADER]).toBe('1');
  });

  it('never lets a client mark a request itself: what the gate leaves goes to the proxy', async () => {
    for (const path of ['/preview/a-story?exp=1&sig=x', '/articles/%ff', '/a/../b', '//x']) {
      const response = await rawGet(path, forged);
      expect(response.body, path).toBe('next');
      expect(reached.has(`GET ${path}`), path).toBe(true);
      expect(reached.get(`GET ${path}`)?.[GATE_HEADER], path).toBeUndefined();
      expect(response.headers['content-security-policy'], path).toBeUndefined();
    }
  });

  it('answers the methods the site does not serve itself, with the security headers', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const response = await fetch(`${base}/articles/a-story`, { method, body: 'x=1' });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('permissions-policy')).toContain('camera=()');
      expect(await response.json()).toEqual({
        error: `method ${method} is not allowed; use GET or HEAD`,
      });
    }
    const odd = await fetch(`${base}//x/../y`, { method: 'DELETE' });
    expect(odd.status).toBe(405);
    const options = await fetch(`${base}/`, { method: 'OPTIONS', headers: forged });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect([...reached.keys()].filter((key) => !key.startsWith('GET '))).toEqual([]);
  });

  it('lets the revalidate hook receive its POST, unmarked', async () => {
    const response = await fetch(`${base}/api/revalidate`, { method: 'POST', headers: forged });
    expect(await response.text()).toBe('next');
    expect(reached.get('POST /api/revalidate')?.[GATE_HEADER]).toBeUndefined();
  });

  it('takes itself away when asked, so other servers of the process are left alone', async () => {
    uninstall();
    const response = await fetch(`${base}/articles/a-story`, { method: 'PUT', body: 'x=1' });
    expect(await response.text()).toBe('next');
    expect(reached.has('PUT /articles/a-story')).toBe(true);
  });

  it("marks requests with the header the proxy's matcher skips", async () => {
    const { config } = await import('@/proxy.server');
    expect(config.matcher[0]?.missing[0]?.key).toBe(GATE_HEADER);
  });
});
