/**
 * Figures for the clustered deployment (docs/deployment-cluster.md), all in one run on this
 * machine: the edge against nginx gzip_static, the origin against a bare Next 16 app, edit to
 * live, and each instance's memory under a minute of load. About 5 minutes once built.
 *   npm run bench:cluster [-- --duration 30 --runs 1 --origin-duration 5 --origin-runs 3
 *                            --rss-seconds 60 --rss-warmup 10 --port 3550]
 * Ports: the edge on --port, Redis, two origins, nginx and the bare app on the next five.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { treeRss } from '../bench/process-tree';
import { waitFor } from '../bench/common';
import { startNginx, type Throughput, wrk } from '../bench/servers';
import { now } from '../../lib/clock';
import { publishEdit, releaseContent, startCluster, stopRecorded } from './cluster';

const root = path.resolve(import.meta.dirname, '../..');
const runDir = path.join(root, '.cluster-bench');
const GZIP = { 'Accept-Encoding': 'gzip' };
const LIVE_LIMIT_MS = 60_000;

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    runs: { type: 'string', default: '1' },
    'origin-duration': { type: 'string', default: '5' },
    'origin-runs': { type: 'string', default: '3' },
    'rss-seconds': { type: 'string', default: '60' },
    'rss-warmup': { type: 'string', default: '10' },
    port: { type: 'string', default: '3550' },
  },
});
const base = Number(values.port);
const ports = { edge: base, redis: base + 1, origins: [base + 2, base + 3] };
const NGINX_PORT = base + 4;
const BARE_PORT = base + 5;
const rssSeconds = Number(values['rss-seconds']);
const rssWarmup = Number(values['rss-warmup']);
const RSS_SAMPLE_MS = 2_000;
const RSS_EDGE_MS = 10_000;
const edgeRuns = { duration: Number(values.duration), runs: Number(values.runs) };
const originRuns = {
  duration: Number(values['origin-duration']),
  runs: Number(values['origin-runs']),
};

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

async function measure(
  url: string,
  connections: number,
  { duration, runs }: { duration: number; runs: number },
): Promise<Throughput> {
  await wrk(url, connections, 2, GZIP);
  const results: Throughput[] = [];
  for (let i = 0; i < runs; i++) results.push(await wrk(url, connections, duration, GZIP));
  return {
    requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
    latencyP99Ms: median(results.map((r) => r.latencyP99Ms)),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
  };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const closed = new Promise((resolve) => child.on('close', resolve));
  child.kill('SIGTERM');
  await closed;
}

/** A bare Next 16 app with one static page, built with this repository's next and react. */
function bareApp(): string {
  const dir = path.join(runDir, 'bare-next');
  // Next picked up this repository's instrumentation.ts for an app inside it with none of its own.
  const instrumentation = path.join(dir, 'instrumentation.js');
  if (fs.existsSync(path.join(dir, '.next', 'BUILD_ID')) && fs.existsSync(instrumentation)) {
    return dir;
  }
  fs.mkdirSync(path.join(dir, 'app'), { recursive: true });
  fs.writeFileSync(instrumentation, 'export function register() {}\n');
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
  fs.writeFileSync(path.join(dir, 'next.config.mjs'), 'export default {};\n');
  fs.writeFileSync(
    path.join(dir, 'app', 'layout.js'),
    "export default function Layout({ children }) { return <html lang='en'><body>{children}</body></html>; }\n",
  );
  fs.writeFileSync(
    path.join(dir, 'app', 'page.js'),
    'export default function Page() { return <main><h1>Hello</h1><p>One static page.</p></main>; }\n',
  );
  const built = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], {
    cwd: dir,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (built.status !== 0) throw new Error('the bare Next app did not build');
  return dir;
}

function row(name: string, result: Throughput, anchor?: number) {
  const ratio = anchor ? ` (${(result.requestsPerSecond / anchor).toFixed(2)}×)` : '';
  console.log(
    `${name.padEnd(44)} ${String(result.requestsPerSecond).padStart(8)} req/s${ratio.padEnd(9)} p99 ${result.latencyP99Ms} ms, errors ${result.errors}, non-2xx ${result.non2xx}`,
  );
}

const children: ChildProcess[] = [];

async function main() {
  const started = performance.now();
  const contentDir = releaseContent(runDir);
  const bareDir = bareApp();
  const cluster = await startCluster({ ports, runDir, contentDir });
  try {
    const slug = fs
      .readdirSync(path.join(contentDir, 'articles'))
      .map((file) => file.replace(/\.mdx$/, ''))
      .sort()[0];
    const article = `/articles/${slug}`;
    const page = await (await fetch(`${cluster.edgeUrl}${article}`)).text();
    const card = /<meta property="og:image" content="([^"]+)"/.exec(page)?.[1];
    if (!card) throw new Error(`${article} names no og:image`);
    const cardPath = new URL(card).pathname;

    const docroot = path.join(runDir, 'nginx-root');
    fs.mkdirSync(path.join(docroot, 'articles'), { recursive: true });
    fs.writeFileSync(path.join(docroot, `${article}.html`), page);
    fs.writeFileSync(path.join(docroot, `${article}.html.gz`), gzipSync(page, { level: 9 }));
    const nginx = startNginx(docroot, NGINX_PORT, { gzipStatic: true });
    children.push(nginx);
    await waitFor(`http://127.0.0.1:${NGINX_PORT}${article}`);

    const { runs, duration } = edgeRuns;
    console.log(
      `\nwrk -t2 -c64, ${runs} × ${duration} s, Accept-Encoding: gzip, median (${page.length} B page)`,
    );
    const anchor = await measure(`http://127.0.0.1:${NGINX_PORT}${article}`, 64, edgeRuns);
    row('nginx gzip_static, the saved article', anchor);
    for (const [name, pathname] of [
      ['edge: the article', article],
      ['edge: its card', cardPath],
      ['edge: its share JSON', `/api/share/${slug}.json`],
    ] as const) {
      row(
        name,
        await measure(`${cluster.edgeUrl}${pathname}`, 64, edgeRuns),
        anchor.requestsPerSecond,
      );
    }
    await stop(nginx);

    const bare = spawn(
      path.join(root, 'node_modules', '.bin', 'next'),
      ['start', '-p', String(BARE_PORT), '-H', '127.0.0.1'],
      { cwd: bareDir, stdio: 'ignore', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } },
    );
    children.push(bare);
    await waitFor(`http://127.0.0.1:${BARE_PORT}/`);
    console.log(
      `\nwrk -t2 -c16, ${originRuns.runs} × ${originRuns.duration} s, Accept-Encoding: gzip, medians`,
    );
    const bareResult = await measure(`http://127.0.0.1:${BARE_PORT}/`, 16, originRuns);
    await stop(bare);
    row('bare Next 16 app, one static page', bareResult);
    const origin = cluster.originUrls[0] ?? '';
    for (const [name, pathname] of [
      ['origin alone: the article', article],
      ['origin alone: /robots.txt', '/robots.txt'],
    ] as const) {
      row(
        name,
        await measure(`${origin}${pathname}`, 16, originRuns),
        bareResult.requestsPerSecond,
      );
    }

    const file = path.join('articles', `${slug}.mdx`);
    const source = fs.readFileSync(path.join(contentDir, file), 'utf8');
    const title = /^title: (["']?)(.*)\1$/m.exec(source);
    if (!title) throw new Error(`${file} has no title line`);
    const edited = `${title[2]} (updated)`;
    const from = await publishEdit(contentDir, file, (text) =>
      text.replace(title[0], `title: "${edited}"`),
    );
    const editedAt = performance.now();
    const hook = await fetch(`${origin}/api/revalidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cluster.revalidateToken}` },
      body: JSON.stringify({ from, since: now().toISOString() }),
    });
    const answer = (await hook.json()) as { edge?: { objects?: number }; revalidated?: number };
    const hookMs = Math.round(performance.now() - editedAt);
    const live = async (url: string) => {
      while (!(await (await fetch(url)).text()).includes(edited)) {
        if (performance.now() - editedAt > LIVE_LIMIT_MS) return `not within ${LIVE_LIMIT_MS}`;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return Math.round(performance.now() - editedAt);
    };
    const times = await Promise.all(
      [...cluster.originUrls, cluster.edgeUrl].map((url) => live(`${url}${article}`)),
    );
    console.log(
      `\nedit published (new release swapped in), then hook → live (hook answered in ${hookMs} ms): ${cluster.originUrls.map((url, i) => `${url} ${times[i]} ms`).join(', ')}, edge ${times.at(-1)} ms; ${answer.revalidated} paths revalidated, ${answer.edge?.objects ?? 0} edge objects purged (one purge)`,
    );

    const origins = cluster.services.filter((service) => service.name.startsWith('origin'));
    const idle = origins.map((service) => treeRss(service.pid));
    // A first burst of concurrent requests grows the heap to its working size; a leak is growth
    // that continues after it, so the window is measured from the end of a short warm-up, and
    // each end of it is the median of several samples (one sample lands anywhere on the GC's sawtooth).
    await Promise.all(
      cluster.originUrls.map((url) => wrk(`${url}${article}`, 16, rssWarmup, GZIP)),
    );
    const samples: number[][] = [];
    const sampler = setInterval(
      () => samples.push(origins.map((service) => treeRss(service.pid))),
      RSS_SAMPLE_MS,
    );
    samples.push(origins.map((service) => treeRss(service.pid)));
    await Promise.all(
      cluster.originUrls.map((url) => wrk(`${url}${article}`, 16, rssSeconds, GZIP)),
    );
    clearInterval(sampler);
    samples.push(origins.map((service) => treeRss(service.pid)));
    const edgeCount = Math.max(1, Math.round(RSS_EDGE_MS / RSS_SAMPLE_MS));
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    console.log(
      `RSS of each origin, idle → after ${rssWarmup} s of wrk -c16 → after ${rssSeconds} s more (medians of the first and last ${RSS_EDGE_MS / 1000} s of samples): ${origins
        .map((service, i) => {
          const series = samples.map((sample) => sample[i] ?? 0);
          const [from, to] = [median(series.slice(0, edgeCount)), median(series.slice(-edgeCount))];
          return `${service.name} ${mb(idle[i] ?? 0)} → ${mb(from)} → ${mb(to)} MB (${((to / from - 1) * 100).toFixed(0)} % over the window; samples ${mb(Math.min(...series))}–${mb(Math.max(...series))} MB)`;
        })
        .join(', ')}`,
    );
  } finally {
    await stopAll();
    await cluster.stop();
  }
  console.log(`\nbench:cluster took ${Math.round((performance.now() - started) / 1000)} s`);
}

async function stopAll() {
  for (const child of children) await stop(child);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopAll()
      .then(() => stopRecorded(runDir))
      .finally(() => process.exit(130));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
