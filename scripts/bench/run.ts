import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as acorn from 'acorn';
import autocannon from 'autocannon';
import { CACHE_DIR } from '../../lib/settings.js';
import { generateCorpus, writeBenchImages } from './generate-corpus';
import { sampleTreeRss } from './process-tree';

const root = path.resolve(import.meta.dirname, '..', '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

interface Options {
  articles: number;
  port: number;
  duration: number;
  connections: number;
  rebuilds: boolean;
  serve: boolean;
  liveEdit: boolean;
  keep: boolean;
  reuseBuild: boolean;
  prerenderNewest?: number;
}

function parseArgs(argv: string[]): Options {
  const value = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const options = {
    articles: Number(value('--articles') ?? 1000),
    port: Number(value('--port') ?? process.env.BENCH_PORT ?? 3116),
    duration: Number(value('--duration') ?? 10),
    connections: Number(value('--connections') ?? 10),
    rebuilds: !argv.includes('--no-rebuilds'),
    serve: !argv.includes('--no-serve'),
    liveEdit: !argv.includes('--no-live-edit'),
    keep: argv.includes('--keep'),
    reuseBuild: argv.includes('--reuse-build'),
    prerenderNewest:
      value('--prerender-newest') === undefined ? undefined : Number(value('--prerender-newest')),
  };
  if (!Number.isInteger(options.articles) || options.articles < 1) {
    throw new Error('--articles must be a positive whole number');
  }
  return options;
}

const log = (message: string) => console.log(`bench: ${message}`);
const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const mb = (bytes: number) => round(bytes / 1024 / 1024);
const kb = (bytes: number) => round(bytes / 1024, 2);

function dirSize(dir: string, skip: (name: string) => boolean = () => false): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += dirSize(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

interface BuildResult {
  wallSeconds: number;
  peakRssBytes: number;
  staticPages?: number;
  phases: Record<string, number>;
  cardsRendered: number;
  log: string;
}

/** Rendered cards are files in the card cache (lib/og/cache.ts): those written since `since`. */
function cardsWrittenSince(dir: string, since: number): number {
  if (!fs.existsSync(dir)) return 0;
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.png') && fs.statSync(path.join(dir, name)).mtimeMs >= since)
    .length;
}

// The build's own progress lines mark where each phase ends.
const PHASE_ENDS: [string, RegExp][] = [
  ['compile', /Compiled successfully/],
  ['typecheck', /Finished TypeScript/],
  ['page data', /Generating static pages/],
];

function buildPhases(lines: { at: number; text: string }[], total: number) {
  const phases: Record<string, number> = {};
  let previous = 0;
  for (const [name, pattern] of PHASE_ENDS) {
    const line = lines.find((entry) => pattern.test(entry.text));
    if (!line) continue;
    phases[name] = round(line.at - previous);
    previous = line.at;
  }
  const generated = lines.findLast((line) =>
    /Generating static pages.*\((\d+)\/\1\)/.test(line.text),
  );
  if (generated) {
    phases['static generation'] = round(generated.at - previous);
    previous = generated.at;
  }
  phases['finalize'] = round(total - previous);
  return phases;
}

async function build(env: NodeJS.ProcessEnv, label: string): Promise<BuildResult> {
  log(`${label}…`);
  const startedAt = Date.now();
  const started = performance.now();
  const child = spawn(process.execPath, [nextBin, 'build'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sampler = sampleTreeRss(child.pid as number);
  const lines: { at: number; text: string }[] = [];
  let pending = '';
  const collect = (chunk: Buffer) => {
    pending += chunk.toString();
    const parts = pending.split(/\r?\n/);
    pending = parts.pop() ?? '';
    for (const text of parts) lines.push({ at: (performance.now() - started) / 1000, text });
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const peakRssBytes = sampler.stop();
  const wallSeconds = (performance.now() - started) / 1000;
  const output = lines.map((line) => line.text).join('\n') + pending;
  if (code !== 0) {
    console.error(output);
    throw new Error(`${label} failed with exit code ${code}`);
  }
  const generated = lines.findLast((line) =>
    /Generating static pages.*\((\d+)\/\1\)/.test(line.text),
  );
  return {
    wallSeconds,
    peakRssBytes,
    staticPages: Number(/\((\d+)\/\1\)/.exec(generated?.text ?? '')?.[1]) || undefined,
    phases: buildPhases(lines, wallSeconds),
    cardsRendered: cardsWrittenSince(env.CARD_CACHE_DIR ?? '', startedAt),
    log: output,
  };
}

function startServer(command: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, command, { cwd: root, env, stdio: 'ignore' });
  return child;
}

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => fs.existsSync(file));

/**
 * The anchor for serving: nginx (Debian's package) serving the article's HTML as a file, as a
 * CDN origin or a static host would.
 */
function startNginx(docroot: string, port: number): ChildProcess {
  if (!NGINX)
    throw new Error('nginx is not installed: apt-get install -y nginx (or pass --no-serve)');
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-nginx-'));
  fs.chmodSync(docroot, 0o755);
  const conf = path.join(prefix, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `worker_processes auto;
pid ${path.join(prefix, 'nginx.pid')};
error_log ${path.join(prefix, 'error.log')};
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix};
  proxy_temp_path ${prefix};
  fastcgi_temp_path ${prefix};
  uwsgi_temp_path ${prefix};
  scgi_temp_path ${prefix};
  default_type text/html;
  server {
    listen 127.0.0.1:${port};
    root ${docroot};
    location / { try_files $uri $uri.html =404; }
  }
}
`,
  );
  const child = spawn(NGINX, ['-p', prefix, '-c', conf, '-g', 'daemon off; user root;'], {
    stdio: 'ignore',
  });
  child.on('close', () => fs.rmSync(prefix, { recursive: true, force: true }));
  return child;
}

async function waitFor(url: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const closed = new Promise((resolve) => child.on('close', resolve));
  child.kill('SIGTERM');
  await closed;
}

interface Throughput {
  requestsPerSecond: number;
  latencyP99Ms: number;
  errors: number;
  non2xx: number;
}

const WRK = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((file) => fs.existsSync(file));
/** The load generator both servers are measured with: wrk (apt) when installed, else autocannon. */
const loadClient = WRK ? 'wrk' : 'autocannon';

function milliseconds(value: string, unit: string): number {
  const scale: Record<string, number> = { us: 0.001, ms: 1, s: 1000 };
  return round(Number(value) * (scale[unit] ?? NaN), 2);
}

async function wrk(url: string, connections: number, seconds: number): Promise<Throughput> {
  const child = spawn(
    WRK as string,
    ['-t', '2', '-c', String(connections), '-d', `${seconds}s`, '--latency', url],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(out);
  if (code !== 0 || !rate || !p99) throw new Error(`wrk failed (${code}):\n${out}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    requestsPerSecond: round(Number(rate[1]), 0),
    latencyP99Ms: milliseconds(p99[1] ?? '', p99[2] ?? ''),
    errors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
  };
}

async function load(url: string, options: Options): Promise<Throughput> {
  if (WRK) {
    await wrk(url, options.connections, 2);
    return wrk(url, options.connections, options.duration);
  }
  await autocannon({ url, connections: options.connections, duration: 2 });
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.duration,
  });
  return {
    requestsPerSecond: round(result.requests.average, 0),
    latencyP99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

function assetsOf(html: string, kind: 'script' | 'stylesheet'): string[] {
  const urls = new Set<string>();
  const pattern = kind === 'script' ? /<script\b[^>]*>/g : /<link\b[^>]*>/g;
  for (const [tag] of html.matchAll(pattern)) {
    if (kind === 'stylesheet' && !/\brel="stylesheet"/.test(tag)) continue;
    const src = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (src) urls.add(src.replace(/&amp;/g, '&'));
  }
  return [...urls];
}

interface PageBytes {
  htmlGzip: number;
  jsGzip: number;
  cssGzip: number;
  ownJsGzip: number;
  scripts: { url: string; gzip: number; own: boolean }[];
}

// Our own client code: the modules of our client components (the build's client reference
// manifest names them and gives their ids), cut out of the Turbopack chunks the page loads.
// Chunks mix them with next/link and next/image, so whole chunks would overstate it.
function ownModuleIds(distDir: string, route: string): Set<number> {
  const file = path.join(distDir, 'server', 'app', route, 'page_client-reference-manifest.js');
  const ids = new Set<number>();
  if (!fs.existsSync(file)) return ids;
  const text = fs.readFileSync(file, 'utf8');
  const manifest: { clientModules?: Record<string, { id?: number | string }> } = JSON.parse(
    text.slice(text.indexOf('= {') + 2, text.lastIndexOf('}') + 1),
  );
  for (const [name, entry] of Object.entries(manifest.clientModules ?? {})) {
    if (!name.startsWith('[project]/') || name.startsWith('[project]/node_modules/')) continue;
    if (entry.id !== undefined) ids.add(Number(entry.id));
  }
  return ids;
}

function ownModuleSources(chunk: string, ids: Set<number>): string[] {
  const sources: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    const record = node as Record<string, unknown> & { type?: string };
    if (record.type === 'ArrayExpression' && Array.isArray(record.elements)) {
      const elements = record.elements as (acorn.Node & { value?: unknown })[];
      elements.forEach((element, i) => {
        const next = elements[i + 1];
        if (element?.type === 'Literal' && ids.has(Number(element.value)) && next) {
          sources.push(chunk.slice(next.start, next.end));
        }
      });
    }
    for (const value of Object.values(record)) if (value && typeof value === 'object') walk(value);
  };
  walk(acorn.parse(chunk, { ecmaVersion: 'latest', sourceType: 'script' }));
  return sources;
}

async function pageBytes(base: string, pagePath: string, distDir: string): Promise<PageBytes> {
  const html = await (await fetch(base + pagePath)).text();
  const ids = ownModuleIds(distDir, 'articles/[slug]');
  const ownSources: string[] = [];
  const fetchText = async (url: string) => (await fetch(new URL(url, base))).text();
  const gzipOf = async (url: string) => gzipSync(await fetchText(url)).length;
  const scripts = await Promise.all(
    assetsOf(html, 'script').map(async (url) => {
      const text = await fetchText(url);
      const own = ownModuleSources(text, ids);
      ownSources.push(...own);
      return { url, gzip: gzipSync(text).length, own: own.length > 0 };
    }),
  );
  const css = await Promise.all(assetsOf(html, 'stylesheet').map(gzipOf));
  return {
    htmlGzip: gzipSync(html).length,
    jsGzip: scripts.reduce((sum, script) => sum + script.gzip, 0),
    cssGzip: css.reduce((sum, size) => sum + size, 0),
    ownJsGzip: ownSources.length ? gzipSync(ownSources.join('\n')).length : 0,
    scripts,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

type CardResult =
  | {
      medianMs: number;
      p95Ms: number;
      renders: number;
      cached?: { medianMs: number; p95Ms: number };
    }
  | { skipped: string };
type Article = import('../../lib/content/load').Article;

// The same cards through the on-disk card cache (lib/og/cache.ts), once it holds them: what a
// rebuild or a server pays for a card that has not changed.
async function cachedCardTimes(articles: Article[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-bench-card-cache-'));
  process.env.CARD_CACHE_DIR = dir;
  try {
    const { cachedCard } = await import('../../lib/og/cache');
    const { articleCard } = await import('../../lib/og/cards');
    const cards = articles.map((article) => articleCard(article));
    for (const card of cards) await cachedCard(card, 'og');
    const times: number[] = [];
    for (const card of cards) {
      const started = performance.now();
      await cachedCard(card, 'og');
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { medianMs: round(percentile(times, 50), 2), p95Ms: round(percentile(times, 95), 2) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Imported once CONTENT_DIR points at the generated corpus.
async function cardRenderer(): Promise<(article: Article) => Promise<Buffer>> {
  const { renderCard } = await import('../../lib/og/card');
  const { articleCard } = await import('../../lib/og/cards');
  return (article) => renderCard(articleCard(article), 'og');
}

async function cardBench(contentDir: string): Promise<CardResult> {
  const render = await cardRenderer();
  const { loadContent } = await import('@/lib/content/load');
  const { judgeBody } = await import('@/lib/content/body');
  const { defaultCacheFile } = await import('@/lib/content/verdicts');
  const { articles } = loadContent({
    judge: judgeBody,
    contentDir,
    publicDir: path.join(root, 'public'),
    now: new Date(),
    cacheFile: defaultCacheFile(contentDir),
  });
  const sample = articles.slice(0, 60);
  for (const article of sample.slice(0, 5)) await render(article);
  const times: number[] = [];
  for (const article of sample) {
    const started = performance.now();
    await render(article);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    medianMs: round(percentile(times, 50), 2),
    p95Ms: round(percentile(times, 95), 2),
    renders: times.length,
    cached: await cachedCardTimes(sample),
  };
}

async function contentCheck(contentDir: string, env: NodeJS.ProcessEnv) {
  const packageJson: { scripts?: Record<string, string> } = JSON.parse(
    fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
  );
  if (packageJson.scripts?.['content:check']) {
    const started = performance.now();
    const child = spawn('npm', ['run', '--silent', 'content:check'], {
      cwd: root,
      env,
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return {
      method: 'npm run content:check',
      seconds: round((performance.now() - started) / 1000, 2),
      exitCode: code,
    };
  }
  const { loadContent } = await import('@/lib/content/load');
  const { judgeBody } = await import('@/lib/content/body');
  const started = performance.now();
  const loaded = loadContent({
    contentDir,
    publicDir: path.join(root, 'public'),
    now: new Date(),
    judge: judgeBody,
  });
  const errors = loaded.issues.filter((issue) => issue.severity === 'error').length;
  if (errors) throw new Error(`the generated corpus has ${errors} content errors`);
  return {
    method: 'loadContent() in process',
    seconds: round((performance.now() - started) / 1000, 2),
    exitCode: 0,
  };
}

/** A correction to a published story: a new headline and a sentence added to the body. */
function editStory(file: string) {
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(
    file,
    text.replace(/^title: "(.*)"$/m, 'title: "$1, updated"') +
      '\nAn editor added this sentence after publication.\n',
  );
}

interface LiveEdit {
  slug: string;
  seconds: number;
  hookSeconds: number;
  cardsRendered: number;
  pathsRevalidated: number;
}

/**
 * One story edited under a running `next start`, published with `npm run revalidate`: seconds
 * from the edit until its page, its new card and the feed serve the new headline.
 */
async function liveEdit(
  env: NodeJS.ProcessEnv,
  options: Options,
  slug: string,
  contentDir: string,
) {
  const token = 'bench-revalidate-token';
  const base = `http://localhost:${options.port}`;
  const server = startServer([nextBin, 'start', '-p', String(options.port)], {
    ...env,
    REVALIDATE_TOKEN: token,
  });
  try {
    const articlePath = `/articles/${slug}`;
    await waitFor(base + articlePath);
    const cardOf = (html: string) => /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
    const before = cardOf(await (await fetch(base + articlePath)).text());
    log(`live edit: ${articlePath}`);
    const startedAt = Date.now();
    const started = performance.now();
    editStory(path.join(contentDir, 'articles', `${slug}.mdx`));
    const cli = spawn(
      process.execPath,
      [
        path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        'scripts/revalidate.ts',
        '--url',
        base,
      ],
      { cwd: root, env: { ...env, REVALIDATE_TOKEN: token }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let said = '';
    cli.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => cli.on('close', resolve));
    if (code !== 0) throw new Error(`npm run revalidate failed (${code})`);
    const hookSeconds = (performance.now() - started) / 1000;
    const until = Date.now() + 300_000;
    for (;;) {
      const html = await (await fetch(base + articlePath)).text();
      const card = cardOf(html);
      const feed = await (await fetch(base + '/feed.xml')).text();
      if (html.includes(', updated') && card && card !== before && feed.includes(', updated')) {
        const image = await fetch(new URL(new URL(card).pathname, base));
        if (image.ok) break;
      }
      if (Date.now() > until) throw new Error('the edited story did not go live within 300 s');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return {
      slug,
      seconds: round((performance.now() - started) / 1000, 2),
      hookSeconds: round(hookSeconds, 2),
      cardsRendered: cardsWrittenSince(env.CARD_CACHE_DIR ?? '', startedAt),
      pathsRevalidated: Number(/(\d+) paths revalidated/.exec(said)?.[1]),
    };
  } finally {
    await stopServer(server);
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const contentDir = path.join(os.tmpdir(), `meridian-bench-${options.articles}`);
  const distName = '.next-bench';
  const distDir = path.join(root, distName);
  const cardCacheDir = path.join(root, CACHE_DIR, 'bench-cards');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    CONTENT_DIR: contentDir,
    NEXT_DIST_DIR: distName,
    NEXT_TELEMETRY_DISABLED: '1',
    SITE_URL: `http://localhost:${options.port}`,
    CARD_CACHE_DIR: cardCacheDir,
    ...(options.prerenderNewest !== undefined && {
      PRERENDER_NEWEST: String(options.prerenderNewest),
    }),
  };
  process.env.CONTENT_DIR = contentDir;

  log(`generating ${options.articles} articles in ${contentDir}`);
  const images = await writeBenchImages(path.join(root, 'public'));
  const corpus = generateCorpus({ articles: options.articles, dir: contentDir, images });
  if (options.reuseBuild && !fs.existsSync(path.join(distDir, 'BUILD_ID'))) {
    throw new Error(`--reuse-build needs an earlier build in ${distName}/`);
  }
  const check = await contentCheck(contentDir, env);
  log(`content check: ${check.seconds} s (${check.method})`);

  if (!options.reuseBuild) {
    fs.rmSync(distDir, { recursive: true, force: true });
    fs.rmSync(cardCacheDir, { recursive: true, force: true });
  }
  const first: BuildResult = options.reuseBuild
    ? { wallSeconds: NaN, peakRssBytes: NaN, phases: {}, cardsRendered: NaN, log: '' }
    : await build(env, 'full build (cold cache)');
  log(`build: ${round(first.wallSeconds)} s, peak RSS ${mb(first.peakRssBytes)} MB`);
  const prerender: { routes?: Record<string, unknown> } = JSON.parse(
    fs.readFileSync(path.join(distDir, 'prerender-manifest.json'), 'utf8'),
  );
  const routes = Object.keys(prerender.routes ?? {}).length;
  const outputBytes = dirSize(distDir, (name) => name === 'cache');
  const cacheBytes = fs.existsSync(path.join(distDir, 'cache'))
    ? dirSize(path.join(distDir, 'cache'))
    : 0;

  const card = await cardBench(contentDir);
  log(`cards: ${'skipped' in card ? card.skipped : `${card.medianMs} ms median`}`);

  const articleSlug = corpus.slugs[Math.floor(corpus.slugs.length / 2)] as string;
  const articlePath = `/articles/${articleSlug}`;
  let page: PageBytes | undefined;
  let serving: { client: string; next: Throughput; nginx: Throughput; ratio: number } | undefined;
  if (options.serve) {
    const nextUrl = `http://localhost:${options.port}`;
    const server = startServer([nextBin, 'start', '-p', String(options.port)], env);
    try {
      await waitFor(nextUrl + articlePath);
      page = await pageBytes(nextUrl, articlePath, distDir);
      const html = await (await fetch(nextUrl + articlePath)).text();
      const staticRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-static-'));
      fs.mkdirSync(path.join(staticRoot, 'articles'));
      fs.writeFileSync(path.join(staticRoot, 'articles', `${articleSlug}.html`), html);
      log(
        `load (${loadClient}): next start, ${options.duration} s × ${options.connections} connections`,
      );
      const nextLoad = await load(nextUrl + articlePath, options);
      await stopServer(server);
      const staticPort = options.port + 1;
      const nginx = startNginx(staticRoot, staticPort);
      try {
        const staticUrl = `http://localhost:${staticPort}${articlePath}`;
        await waitFor(staticUrl);
        log('load: nginx');
        const staticLoad = await load(staticUrl, options);
        serving = {
          client: loadClient,
          next: nextLoad,
          nginx: staticLoad,
          ratio: round(nextLoad.requestsPerSecond / staticLoad.requestsPerSecond, 3),
        };
      } finally {
        await stopServer(nginx);
        fs.rmSync(staticRoot, { recursive: true, force: true });
      }
    } finally {
      await stopServer(server);
    }
  }

  let live: LiveEdit | undefined;
  if (options.liveEdit) {
    // The 11th newest story: recent enough to be in the feed, which carries the latest 50.
    const slug = corpus.slugs[Math.min(10, corpus.slugs.length - 1)] as string;
    live = await liveEdit(env, options, slug, contentDir);
    log(`live edit: ${live.seconds} s, ${live.cardsRendered} cards rendered`);
  }

  let unchanged: BuildResult | undefined;
  let oneEdit: BuildResult | undefined;
  if (options.rebuilds) {
    unchanged = await build(env, 'rebuild, nothing changed');
    const edited = path.join(contentDir, 'articles', `${articleSlug}.mdx`);
    editStory(edited);
    oneEdit = await build(env, 'rebuild, one article edited');
  }

  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      memoryGb: round(os.totalmem() / 1024 ** 3),
      node: process.version,
      loadAverage: os.loadavg().map((v) => round(v, 2)),
    },
    articles: options.articles,
    words: corpus.words,
    build: {
      wallSeconds: round(first.wallSeconds),
      compileSeconds: first.phases['compile'],
      generateSeconds: first.phases['static generation'],
      peakRssMb: mb(first.peakRssBytes),
      staticPages: first.staticPages,
      prerenderedRoutes: routes,
      outputMb: mb(outputBytes),
      cacheMb: mb(cacheBytes),
      msPerArticle: round((first.wallSeconds * 1000) / options.articles, 2),
      generateMsPerPage:
        first.phases['static generation'] && first.staticPages
          ? round((first.phases['static generation'] * 1000) / first.staticPages, 2)
          : undefined,
      routesPerArticle: round(routes / options.articles, 2),
      cardsRendered: first.cardsRendered,
      phases: first.phases,
      prerenderNewest: options.prerenderNewest ?? 'default (lib/site.ts)',
    },
    rebuild: unchanged &&
      oneEdit && {
        unchangedSeconds: round(unchanged.wallSeconds),
        unchangedPeakRssMb: mb(unchanged.peakRssBytes),
        unchangedCardsRendered: unchanged.cardsRendered,
        oneEditSeconds: round(oneEdit.wallSeconds),
        oneEditCardsRendered: oneEdit.cardsRendered,
      },
    liveEdit: live,
    contentCheck: check,
    card,
    articlePage: page && {
      path: articlePath,
      htmlGzipKb: kb(page.htmlGzip),
      jsGzipKb: kb(page.jsGzip),
      ownJsGzipKb: kb(page.ownJsGzip),
      cssGzipKb: kb(page.cssGzip),
      scripts: page.scripts.map((s) => ({ ...s, gzip: kb(s.gzip) })),
    },
    serving,
  };

  const rows: [string, string][] = [
    ['articles (words)', `${options.articles} (${corpus.words})`],
    [
      'build wall time',
      `${results.build.wallSeconds} s (compile ${results.build.compileSeconds ?? '?'} s, static generation ${results.build.generateSeconds ?? '?'} s)`,
    ],
    ['peak RSS, process tree', `${results.build.peakRssMb} MB`],
    [
      'build phases',
      Object.entries(first.phases)
        .map(([name, seconds]) => `${name} ${seconds} s`)
        .join(', '),
    ],
    [
      'routes generated',
      `${results.build.staticPages ?? '?'} static pages, ${routes} prerendered routes (${results.build.routesPerArticle} per article)`,
    ],
    ['cards rendered', String(first.cardsRendered)],
    ['output size', `${results.build.outputMb} MB (+ ${results.build.cacheMb} MB cache)`],
    [
      'time per article',
      `${results.build.msPerArticle} ms (generation ${results.build.generateMsPerPage ?? '?'} ms per page)`,
    ],
    [
      'card render (warm)',
      'skipped' in card
        ? card.skipped
        : `median ${card.medianMs} ms, p95 ${card.p95Ms} ms over ${card.renders}${card.cached ? `; from the card cache: median ${card.cached.medianMs} ms, p95 ${card.cached.p95Ms} ms` : ''}`,
    ],
    [
      'article page, gzip',
      page
        ? `HTML ${kb(page.htmlGzip)} KB, JS ${kb(page.jsGzip)} KB (own ${kb(page.ownJsGzip)} KB), CSS ${kb(page.cssGzip)} KB`
        : 'skipped',
    ],
    ['content check', `${check.seconds} s (${check.method})`],
    [
      'serving, next start',
      serving
        ? `${serving.next.requestsPerSecond} req/s, p99 ${serving.next.latencyP99Ms} ms, ${serving.next.errors} errors, ${serving.next.non2xx} non-2xx`
        : 'skipped',
    ],
    [
      'serving, nginx (same HTML file)',
      serving
        ? `${serving.nginx.requestsPerSecond} req/s, p99 ${serving.nginx.latencyP99Ms} ms, ${serving.nginx.errors} errors, ${serving.nginx.non2xx} non-2xx`
        : 'skipped',
    ],
    ['serving ratio next/nginx', serving ? `${serving.ratio} (client: ${loadClient})` : 'skipped'],
    [
      'one story edited, live via revalidate',
      live
        ? `${live.seconds} s (hook ${live.hookSeconds} s, ${live.pathsRevalidated} paths), ${live.cardsRendered} cards rendered`
        : 'skipped',
    ],
    [
      'rebuild, nothing changed',
      results.rebuild
        ? `${results.rebuild.unchangedSeconds} s, ${results.rebuild.unchangedCardsRendered} cards rendered`
        : 'skipped',
    ],
    [
      'rebuild, one article edited',
      results.rebuild
        ? `${results.rebuild.oneEditSeconds} s, ${results.rebuild.oneEditCardsRendered} cards rendered`
        : 'skipped',
    ],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`\n| ${'measure'.padEnd(width)} | result |\n| ${'-'.repeat(width)} | ------ |`);
  for (const [name, value] of rows) console.log(`| ${name.padEnd(width)} | ${value} |`);

  const outDir = path.join(root, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(
    outDir,
    `bench-${options.articles}-${results.date.replace(/[:.]/g, '-')}.json`,
  );
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  fs.writeFileSync(
    path.join(outDir, `latest-${options.articles}.json`),
    JSON.stringify(results, null, 2) + '\n',
  );
  const logs = [first, unchanged, oneEdit].map((result) => result?.log ?? '').join('\n\n');
  fs.writeFileSync(file.replace(/\.json$/, '.build.log'), logs);
  log(`wrote ${path.relative(root, file)}`);
  if (!options.keep) fs.rmSync(contentDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
