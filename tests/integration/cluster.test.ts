import { type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now } from '@/lib/clock';
import { previewPath } from '@/lib/preview';
import { inlineScriptHashes } from '@/lib/security';
import {
  type Cluster,
  publishEdit,
  releaseContent,
  startCluster,
  startOrigin,
  startRedis,
  stopServices,
} from '../../scripts/cluster/cluster';

const root = path.resolve(import.meta.dirname, '../..');
const runDir = path.join(root, '.cluster-test');
const contentDir = path.join(runDir, 'content');
const ports = { edge: 3540, redis: 3541, origins: [3542, 3543] };
const STORY = 'corrections-policy';
const OLD_TITLE = 'Our corrections policy';
const NEW_TITLE = 'Our corrections policy, revised';
const DRAFT = 'cluster-preview-draft';
const PREVIEW_SECRET = 'cluster-test-preview-secret-0123456789abcdef';

let cluster: Cluster;
const extra: ChildProcess[] = [];
const originPid = new Map<number, number>();

function get(
  url: string,
  init: {
    localAddress?: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  } = {},
) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const request = http.request(
        url,
        { method: init.method ?? 'GET', headers: init.headers, localAddress: init.localAddress },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
          );
        },
      );
      request.on('error', reject);
      request.end(init.body);
    },
  );
}

const edge = (pathname: string) => get(`${cluster.edgeUrl}${pathname}`);
const pidOf = (name: string) => cluster.services.find((service) => service.name === name)?.pid ?? 0;

function kill(pid: number) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await delay(100);
  }
  return performance.now() - start;
}

/** Requests that each reach an origin (a new search query is a new object for the edge). */
async function load(count: number, during: () => void): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      if (i === Math.floor(count / 4)) during();
      const response = await fetch(`${cluster.edgeUrl}/search?q=load-${i}`);
      await response.arrayBuffer();
      statuses.push(response.status);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return statuses;
}

beforeAll(async () => {
  for (const file of fs.existsSync(runDir) ? fs.readdirSync(runDir) : []) {
    if (file.endsWith('.log')) fs.rmSync(path.join(runDir, file));
  }
  releaseContent(runDir);
  fs.writeFileSync(
    path.join(contentDir, 'articles', `${DRAFT}.mdx`),
    `---\ntitle: 'A draft shown only through a preview link'\nsummary: 'Readable with a signed link, never stored by the edge.'\ndate: 2026-01-08T10:00:00+00:00\nauthors: [mina-seo]\nsection: guides\ndraft: true\n---\nThe draft body.\n`,
  );
  // The origins inherit the environment: previews on, as in production.
  process.env.PREVIEW_SECRET = PREVIEW_SECRET;
  cluster = await startCluster({ ports, runDir, contentDir, log: () => {} });
  for (const port of ports.origins) originPid.set(port, pidOf(`origin ${port}`));
}, 900_000);

afterAll(async () => {
  await stopServices(extra.map((child) => ({ name: 'restarted', pid: child.pid ?? 0 })));
  await cluster?.stop();
});

/**
 * Empties the cache library's shared tag map everywhere, as its start-up clean-up can for a page
 * another instance was writing: the map names the keys a revalidation deletes.
 */
async function forgetSharedTags(port: number): Promise<number> {
  const client = createClient({ url: `redis://127.0.0.1:${port}` });
  await client.connect();
  let forgotten = 0;
  for (const hash of await client.keys('meridian:*:__sharedTags__')) {
    const prefix = hash.slice(0, -'__sharedTags__'.length);
    const keys = await client.hKeys(hash);
    if (!keys.length) continue;
    await client.hDel(hash, keys);
    await client.publish(
      `${prefix}:sync-channel:__sharedTags__`,
      JSON.stringify({ type: 'delete', keys }),
    );
    forgotten += keys.length;
  }
  await client.quit();
  return forgotten;
}

describe('the cluster: Varnish, two origins, one Redis', () => {
  it('caches a page at the edge: a miss, then a hit, its keys stripped', async () => {
    const first = await edge(`/articles/${STORY}`);
    const second = await edge(`/articles/${STORY}`);
    expect([first.status, first.headers['x-cache']]).toEqual([200, 'MISS']);
    expect([second.status, second.headers['x-cache']]).toEqual([200, 'HIT']);
    expect(second.headers.xkey).toBeUndefined();
  });

  it('allows every inline script of the page each instance serves from the shared cache', async () => {
    const urls = [cluster.edgeUrl, ...cluster.originUrls].flatMap((base) =>
      [`/articles/${STORY}`, '/'].map((pathname) => `${base}${pathname}`),
    );
    for (const url of urls) {
      const page = await get(url);
      const policy = String(page.headers['content-security-policy']);
      const hashes = inlineScriptHashes(page.body);
      expect(hashes.length).toBeGreaterThan(1);
      for (const hash of hashes) expect(policy, url).toContain(hash);
    }
  });

  it('tags a page an instance serves from the shared cache, and answers a conditional request with 304', async () => {
    for (const origin of cluster.originUrls) {
      const url = `${origin}/articles/${STORY}`;
      const etag = String((await get(url)).headers.etag);
      expect(etag, url).toMatch(/^"[\w-]+"$/);
      const same = await get(url, { headers: { 'if-none-match': etag } });
      expect([same.status, same.headers.etag, same.body], url).toEqual([304, etag, '']);
    }
  });

  it('sends a page, feed, JSON or card from the shared cache before Next routes it, as Next would send it', async () => {
    const same = ['content-type', 'vary', 'content-security-policy', 'cache-control', 'xkey'];
    const bytes = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());
    const headersOf = (page: Awaited<ReturnType<typeof get>>) =>
      Object.fromEntries(same.map((name) => [name, page.headers[name]]));
    const card = /<meta property="og:image" content="([^"]+)"/.exec(
      (await get(`${cluster.originUrls[0]}/articles/${STORY}`)).body,
    )?.[1];
    expect(card).toBeDefined();
    const paths = [
      `/articles/${STORY}`,
      '/',
      '/robots.txt',
      '/feed.xml',
      `/api/share/${STORY}.json`,
      new URL(card ?? '').pathname,
    ];
    for (const origin of cluster.originUrls) {
      for (const pathname of paths) {
        const url = `${origin}${pathname}`;
        await get(url);
        const gate = await get(url);
        // A query leaves the request to Next, which answers from the same entry.
        const next = await get(`${url}?from=next`);
        expect([gate.status, gate.headers['server-timing']], url).toEqual([200, 'gate']);
        expect(next.headers['server-timing'], url).toBeUndefined();
        const [gateBytes, nextBytes] = await Promise.all([bytes(url), bytes(`${url}?from=next`)]);
        expect(gateBytes.equals(nextBytes), url).toBe(true);
        expect(headersOf(gate), url).toEqual(headersOf(next));
        expect(gate.headers['x-frame-options'], url).toBe('DENY');
        expect(Number(gate.headers['content-length']), url).toBe(gateBytes.length);
        const head = await get(url, { method: 'HEAD' });
        expect([head.status, head.body, head.headers['content-length']], url).toEqual([
          200,
          '',
          gate.headers['content-length'],
        ]);
        // A client-side navigation is Next's to answer (with flight data, or a redirect to it).
        const navigation = await get(url, { headers: { rsc: '1' } });
        expect(navigation.headers['server-timing'], url).toBeUndefined();
      }
    }
  });

  it('never caches an answer marked no-store', async () => {
    await edge('/api/revalidate');
    const again = await edge('/api/revalidate');
    expect(again.status).toBe(405);
    expect(again.headers['x-cache']).not.toBe('HIT');
  });

  it('passes a preview link through with its signature and never stores it', async () => {
    const expires = Math.floor(now().getTime() / 1000) + 3600;
    const link = previewPath({ slug: DRAFT, expires, version: 1 }, PREVIEW_SECRET);
    const first = await edge(link);
    const second = await edge(link);
    expect(first.status).toBe(200);
    expect(first.body).toContain('Preview — not published');
    expect([second.status, second.headers['cache-control']]).toEqual([200, 'private, no-store']);
    expect(second.headers['x-cache']).not.toBe('HIT');
  });

  it('refuses a purge without the secret, or from another address, and purges nothing', async () => {
    const keys = { xkey: `article:${STORY}` };
    const noSecret = await get(cluster.edgeUrl, { method: 'PURGE', headers: keys });
    const wrong = await get(cluster.edgeUrl, {
      method: 'PURGE',
      headers: { ...keys, 'x-purge-secret': 'guess' },
    });
    const outside = await get(cluster.edgeUrl, {
      method: 'PURGE',
      headers: { ...keys, 'x-purge-secret': cluster.purgeSecret },
      localAddress: '127.0.0.2',
    });
    expect([noSecret.status, wrong.status, outside.status]).toEqual([403, 403, 403]);
    expect((await edge(`/articles/${STORY}`)).headers['x-cache']).toBe('HIT');
  });

  it('carries a story edit and the hook to both instances, the edge and the listings showing it, even when the shared tag map has lost the pages', async () => {
    const oldTags = new Map<string, string>();
    for (const url of [...cluster.originUrls.map((origin) => `${origin}/articles/${STORY}`)]) {
      const page = await get(url);
      expect(page.body).toContain(OLD_TITLE);
      oldTags.set(url, String(page.headers.etag));
    }
    await edge('/');
    expect((await edge('/')).headers['x-cache']).toBe('HIT');
    expect(await forgetSharedTags(ports.redis)).toBeGreaterThan(0);
    const from = await publishEdit(contentDir, `articles/${STORY}.mdx`, (source) =>
      source.replace(OLD_TITLE, NEW_TITLE),
    );
    const hook = await get(`${cluster.originUrls[0]}/api/revalidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cluster.revalidateToken}` },
      body: JSON.stringify({ from, since: now().toISOString() }),
    });
    const answer = JSON.parse(hook.body);
    expect(answer.changed).toEqual([STORY]);
    expect(answer.keys).toContain(`article:${STORY}`);
    expect(answer.edge.status).toBe('purged');
    expect(answer.edge.objects).toBeGreaterThanOrEqual(2);
    const shows = (url: string) => async () => (await get(url)).body.includes(NEW_TITLE);
    const urls = [
      ...cluster.originUrls.map((origin) => `${origin}/articles/${STORY}`),
      `${cluster.edgeUrl}/articles/${STORY}`,
      `${cluster.edgeUrl}/`,
    ];
    // The time is a figure (npm run bench:cluster measures it), not a pass mark: the bound only
    // says the edit arrives at all, on a machine however busy.
    const started = performance.now();
    for (const url of urls) await until(shows(url), 60_000 - (performance.now() - started));
    console.log(
      `edit → live on both instances and the edge: ${Math.round(performance.now() - started)} ms after the hook answered`,
    );
    // A client holding the old copy gets the new one, not a 304.
    for (const [url, etag] of oldTags) {
      const page = await get(url, { headers: { 'if-none-match': etag } });
      expect([page.status, page.body.includes(NEW_TITLE)], url).toEqual([200, true]);
      expect(page.headers.etag).not.toBe(etag);
    }
    const page = await edge(`/articles/${STORY}`);
    for (const hash of inlineScriptHashes(page.body)) {
      expect(String(page.headers['content-security-policy'])).toContain(hash);
    }
  });

  it('loses no request when an instance is killed under load', { timeout: 180_000 }, async () => {
    const victim = ports.origins[1] ?? 0;
    const statuses = await load(120, () => kill(originPid.get(victim) ?? 0));
    expect(statuses).toHaveLength(120);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    const restarted = startOrigin(victim, cluster.originSettings, runDir);
    extra.push(restarted);
    originPid.set(victim, restarted.pid ?? 0);
  });

  it('answers without a 5xx while Redis is down, logs it once and reconnects', async () => {
    const log = path.join(runDir, `origin-${ports.origins[0]}.log`);
    const logged = () => fs.readFileSync(log, 'utf8').slice(before);
    const before = fs.readFileSync(log, 'utf8').length;
    kill(pidOf('redis'));
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      statuses.push((await get(`${cluster.originUrls[0]}/search?q=redis-down-${i}`)).status);
      statuses.push((await get(`${cluster.originUrls[0]}/articles/${STORY}`)).status);
    }
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    extra.push(await startRedis(ports.redis, runDir));
    await until(async () => /Redis at \S+ is back\./.test(logged()), 10_000);
    expect(logged().match(/is unreachable/g)).toHaveLength(1);
  });

  it('serves what it has when every origin is down, and the error page for the rest', async () => {
    await edge(`/articles/${STORY}`);
    for (const pid of originPid.values()) kill(pid);
    // Expire the cached story: only grace can answer for it now.
    await get(cluster.edgeUrl, {
      method: 'PURGE',
      headers: { 'xkey-soft': `article:${STORY}`, 'x-purge-secret': cluster.purgeSecret },
    });
    await until(async () => (await edge('/search?q=never-asked')).status === 503, 10_000);
    const stale = await edge(`/articles/${STORY}`);
    expect(stale.status).toBe(200);
    expect(stale.body).toContain(NEW_TITLE);
    const missing = await edge('/search?q=never-asked-either');
    expect(missing.status).toBe(503);
    expect(missing.body).toContain('temporarily unavailable');
  });
});
