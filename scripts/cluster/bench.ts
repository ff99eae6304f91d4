/**
 * Figures for the clustered deployment (docs/deployment-cluster.md), all in one run on this
 * machine: the edge against nginx gzip_static, the origin against a bare Next 16 app, edit to
 * live, and each instance's memory under a minute of load.
 *   npm run bench:cluster [-- --duration 30 --runs 3]
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { treeRss } from '../bench/process-tree';
import { waitFor } from '../bench/common';
import { startNginx, type Throughput, wrk } from '../bench/servers';
import { startCluster } from './cluster';

const root = path.resolve(import.meta.dirname, '../..');
const runDir = path.join(root, '.cluster-bench');
const ports = { edge: 3560, redis: 3561, origins: [3562, 3563] };
const NGINX_PORT = 3570;
const BARE_PORT = 3571;
const GZIP = { 'Accept-Encoding': 'gzip' };
const LIVE_LIMIT_MS = 60_000;

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
    'rss-seconds': { type: 'string', default: '60' },
  },
});
const duration = Number(values.duration);
const runs = Number(values.runs);
const rssSeconds = Number(values['rss-seconds']);

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

async function measure(
  url: string,
  connections: number,
  headers: Record<string, string> = GZIP,
): Promise<Throughput> {
  await wrk(url, connections, 2, headers);
  const results: Throughput[] = [];
  for (let i = 0; i < runs; i++) results.push(await wrk(url, connections, duration, headers));
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
  if (fs.existsSync(path.join(dir, '.next', 'BUILD_ID'))) return dir;
  fs.mkdirSync(path.join(dir, 'app'), { recursive: true });
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

async function main() {
  const contentDir = path.join(runDir, 'content');
  fs.rmSync(contentDir, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'content'), contentDir, { recursive: true });
  const cluster = await startCluster({ ports, runDir, contentDir });
  const children: ChildProcess[] = [];
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

    console.log(
      `\nwrk -t2 -c64, ${runs} × ${duration} s, Accept-Encoding: gzip, medians (${page.length} B page)`,
    );
    const anchor = await measure(`http://127.0.0.1:${NGINX_PORT}${article}`, 64);
    row('nginx gzip_static, the saved article', anchor);
    row(
      'edge: the article',
      await measure(`${cluster.edgeUrl}${article}`, 64),
      anchor.requestsPerSecond,
    );
    row(
      'edge: its card',
      await measure(`${cluster.edgeUrl}${cardPath}`, 64),
      anchor.requestsPerSecond,
    );
    row(
      'edge: its share JSON',
      await measure(`${cluster.edgeUrl}/api/share/${slug}.json`, 64),
      anchor.requestsPerSecond,
    );
    await stop(nginx);

    const bareDir = bareApp();
    const bare = spawn(
      path.join(root, 'node_modules', '.bin', 'next'),
      ['start', '-p', String(BARE_PORT), '-H', '127.0.0.1'],
      { cwd: bareDir, stdio: 'ignore', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } },
    );
    children.push(bare);
    await waitFor(`http://127.0.0.1:${BARE_PORT}/`);
    console.log(`\nwrk -t2 -c16, ${runs} × ${duration} s, Accept-Encoding: gzip, medians`);
    const bareResult = await measure(`http://127.0.0.1:${BARE_PORT}/`, 16);
    await stop(bare);
    row('bare Next 16 app, one static page', bareResult);
    const origin = cluster.originUrls[0] ?? '';
    row(
      'origin alone: the article',
      await measure(`${origin}${article}`, 16),
      bareResult.requestsPerSecond,
    );
    row(
      'origin alone: /robots.txt',
      await measure(`${origin}/robots.txt`, 16),
      bareResult.requestsPerSecond,
    );

    const file = path.join(contentDir, 'articles', `${slug}.mdx`);
    const source = fs.readFileSync(file, 'utf8');
    const headline = /^title: "(.*)"$/m.exec(source)?.[1] ?? '';
    const edited = `${headline} (updated)`;
    fs.writeFileSync(file, source.replace(`title: "${headline}"`, `title: "${edited}"`));
    const started = performance.now();
    const hook = await fetch(`${origin}/api/revalidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cluster.revalidateToken}` },
    });
    const answer = (await hook.json()) as { edge?: { objects?: number }; revalidated?: number };
    const live = async (url: string) => {
      while (!(await (await fetch(url)).text()).includes(edited)) {
        if (performance.now() - started > LIVE_LIMIT_MS) return `not within ${LIVE_LIMIT_MS}`;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return Math.round(performance.now() - started);
    };
    const times = await Promise.all(
      [...cluster.originUrls, cluster.edgeUrl].map((base) => live(`${base}${article}`)),
    );
    console.log(
      `\nedit → live: ${cluster.originUrls.map((url, i) => `${url} ${times[i]} ms`).join(', ')}, edge ${times.at(-1)} ms; ${answer.revalidated} paths revalidated, ${answer.edge?.objects ?? 0} edge objects purged`,
    );

    const origins = cluster.services.filter((service) => service.name.startsWith('origin'));
    const before = origins.map((service) => treeRss(service.pid));
    await Promise.all(
      cluster.originUrls.map((url) => wrk(`${url}${article}`, 16, rssSeconds, GZIP)),
    );
    const after = origins.map((service) => treeRss(service.pid));
    console.log(
      `RSS over ${rssSeconds} s of wrk -c16 on each origin: ${origins
        .map(
          (service, i) =>
            `${service.name} ${Math.round((before[i] ?? 0) / 2 ** 20)} → ${Math.round((after[i] ?? 0) / 2 ** 20)} MB`,
        )
        .join(', ')}`,
    );
  } finally {
    for (const child of children) await stop(child);
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
