// Search figures at archive scale: npm run bench:search [-- --articles 1000,10000 --site .e2e-out]
// For each size it generates a corpus, builds the Pagefind index from it with the same script the
// build runs (no next build needed: the index comes from records), then serves a built static
// export with /pagefind/ swapped for that index and drives /search in Chromium.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { contentType, createStaticServer } from '../serve-static.mjs';
import { generateCorpus } from './generate-corpus';
import { sampleTreeRss } from './process-tree';

const root = path.resolve(import.meta.dirname, '..', '..');
const argv = process.argv.slice(2);
const value = (name: string) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const sizes = (value('--articles') ?? '1000,10000').split(',').map(Number);
const port = Number(value('--port') ?? process.env.BENCH_PORT ?? 3116);
const keep = argv.includes('--keep');
const splitAbove = value('--split-above');
const reuse = value('--reuse');
// Realistic queries (a headline word, a tag, a phrase), then the worst case for this corpus: the
// generator's vocabulary is ~150 words, so "housing" is in nearly every story's body.
const QUERIES = ['ceasefire', 'Nairobi', 'court ruling', 'housing'];

const log = (message: string) => console.log(`bench:search: ${message}`);
const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));
const mb = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));

function ensureSite(): string {
  const given = value('--site');
  const candidates = given ? [given] : ['.e2e-out', '.next-bench-search-site'];
  for (const dir of candidates) {
    if (fs.existsSync(path.join(root, dir, 'search.html'))) return path.join(root, dir);
  }
  if (given) throw new Error(`${given}/search.html not found: pass a built static export`);
  log('no static export found; building one of content/ into .next-bench-search-site/');
  const built = spawnSync('npx', ['next', 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_OUTPUT: 'export', NEXT_DIST_DIR: '.next-bench-search-site' },
  });
  if (built.status !== 0) throw new Error('next build (export) failed');
  return path.join(root, '.next-bench-search-site');
}

function walk(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = walk(full);
      bytes += inner.bytes;
      files += inner.files;
    } else {
      bytes += fs.statSync(full).size;
      files++;
    }
  }
  return { bytes, files };
}

async function buildIndex(contentDir: string, outDir: string) {
  const started = performance.now();
  const child = spawn('npm', ['run', '--silent', 'search:index'], {
    cwd: root,
    env: {
      ...process.env,
      CONTENT_DIR: contentDir,
      SEARCH_INDEX_DIR: outDir,
      ...(splitAbove && { SEARCH_SPLIT_ABOVE: splitAbove }),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const rss = sampleTreeRss(child.pid ?? 0, 100);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const peak = rss.stop();
  if (code !== 0) throw new Error(`search index build failed (${code}): ${output}`);
  const split = /content ([\d.]+) s, pagefind ([\d.]+) s/.exec(output);
  return {
    seconds: (performance.now() - started) / 1000,
    contentSeconds: Number(split?.[1]),
    pagefindSeconds: Number(split?.[2]),
    peakRss: peak,
  };
}

/** Serves the export, with /pagefind/ from `indexDir`, gzipping text as a CDN would. */
function serve(site: string, indexDir: string) {
  const siteHandler = createStaticServer(site).listeners('request')[0] as http.RequestListener;
  const traffic = { bytes: 0, requests: 0, lastEnd: 0 };
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (!pathname.startsWith('/pagefind/')) return siteHandler(req, res);
    const file = path.join(indexDir, path.normalize(pathname.slice('/pagefind/'.length)));
    if (!file.startsWith(indexDir) || !fs.existsSync(file)) return res.writeHead(404).end();
    let body = fs.readFileSync(file);
    const headers: Record<string, string> = { 'content-type': contentType(file) };
    // .pf_* chunks and the .pagefind wasm are gzip files already; the JS and JSON are not.
    if (/\.(js|json)$/.test(file) && /gzip/.test(String(req.headers['accept-encoding']))) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(body, () => {
      traffic.bytes += body.length;
      traffic.requests++;
      traffic.lastEnd = Date.now();
    });
  });
  return { server, traffic };
}

interface QueryFigure {
  query: string;
  results: number;
  kbTransferred: number;
  requests: number;
  msToResults: number;
  msAfterChunks: number;
}

async function measureQueries(
  base: string,
  traffic: { bytes: number; requests: number; lastEnd: number },
) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  });
  const figures: QueryFigure[] = [];
  const reset = () => Object.assign(traffic, { bytes: 0, requests: 0, lastEnd: 0 });
  const resultCount = async (page: import('@playwright/test').Page) => {
    const status = (await page.getByRole('status').textContent()) ?? '';
    return status.startsWith('No ') ? 0 : Number(status.split(' ')[0]);
  };
  const lastQuery = (page: import('@playwright/test').Page) =>
    page.evaluate(() => {
      const entry = performance.getEntriesByName('search:query').at(-1);
      return entry ? performance.timeOrigin + entry.startTime + entry.duration : 0;
    });
  try {
    for (const [i, query] of QUERIES.entries()) {
      // Each query but the first reuses the page of the one before: the engine is warm, as for
      // a reader's second search; the first lands cold on a shared /search?q= link.
      if (i === 0 || query === 'housing') {
        const context = await browser.newContext();
        const page = await context.newPage();
        reset();
        const started = Date.now();
        await page.goto(`${base}/search?q=${encodeURIComponent(query)}`);
        await page.waitForFunction(() => performance.getEntriesByName('search:query').length > 0);
        const done = await lastQuery(page);
        figures.push({
          query: `${query} (cold)`,
          results: await resultCount(page),
          kbTransferred: kb(traffic.bytes),
          requests: traffic.requests,
          msToResults: Math.round(done - started),
          msAfterChunks: Math.round(done - traffic.lastEnd),
        });
        if (i === 0) {
          const box = page.getByRole('searchbox', { name: 'Search stories' });
          const years = page.getByRole('checkbox', { name: /Also search/ });
          const steps: [string, () => Promise<void>][] = QUERIES.slice(1, -1).map((next) => [
            next,
            () => box.fill(next),
          ]);
          if (await years.count()) steps.push(['… + every archive year', () => years.check()]);
          for (const [label, act] of steps) {
            reset();
            const before = await page.evaluate(
              () => performance.getEntriesByName('search:query').length,
            );
            const typed = Date.now();
            await act();
            await page.waitForFunction(
              (count) => performance.getEntriesByName('search:query').length > count,
              before,
              { timeout: 120_000 },
            );
            const end = await lastQuery(page);
            figures.push({
              query: label,
              results: await resultCount(page),
              kbTransferred: kb(traffic.bytes),
              requests: traffic.requests,
              msToResults: Math.round(end - typed),
              msAfterChunks: traffic.lastEnd ? Math.round(end - traffic.lastEnd) : 0,
            });
          }
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return figures;
}

const site = ensureSite();
const rows = [];
for (const articles of sizes) {
  // --reuse <dir> (a folder left by --keep) skips generating the corpus again.
  const work = reuse
    ? path.resolve(reuse)
    : fs.mkdtempSync(path.join(os.tmpdir(), `meridian-search-bench-${articles}-`));
  const contentDir = path.join(work, 'content');
  const indexDir = path.join(work, 'pagefind');
  if (!reuse) {
    log(`generating ${articles} stories in ${work}`);
    generateCorpus({ articles, dir: contentDir });
  }
  log('building the index');
  const build = await buildIndex(contentDir, indexDir);
  const disk = walk(indexDir);
  const entry = JSON.parse(fs.readFileSync(path.join(indexDir, 'pagefind-entry.json'), 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(path.join(indexDir, 'archive.json'), 'utf8'));
  const { server, traffic } = serve(site, indexDir);
  await new Promise<void>((resolve) => server.listen(port, resolve));
  let queries: QueryFigure[];
  try {
    queries = await measureQueries(`http://localhost:${port}`, traffic);
  } finally {
    server.close();
  }
  const row = {
    articles,
    indexed: entry.languages.en.page_count as number,
    archiveYears: manifest.archive.length as number,
    buildSeconds: Number(build.seconds.toFixed(1)),
    contentSeconds: build.contentSeconds,
    pagefindSeconds: build.pagefindSeconds,
    peakRssMb: mb(build.peakRss),
    indexMb: mb(disk.bytes),
    indexFiles: disk.files,
    queries,
  };
  rows.push(row);
  console.log(
    `\n${articles} stories (${row.indexed} in the main bundle, ${row.archiveYears} archive years)`,
  );
  console.table([
    {
      'build s': row.buildSeconds,
      'content s': row.contentSeconds,
      'pagefind s': row.pagefindSeconds,
      'peak RSS MB': row.peakRssMb,
      'index MB': row.indexMb,
      files: row.indexFiles,
    },
  ]);
  console.table(queries);
  if (!keep && !reuse) fs.rmSync(work, { recursive: true, force: true });
}
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
const file = path.join(
  root,
  'bench-results',
  `search-${new Date().toISOString().replace(/:/g, '-')}.json`,
);
fs.writeFileSync(
  file,
  JSON.stringify({ date: new Date().toISOString(), load: os.loadavg(), site, rows }, null, 2),
);
log(
  `load average ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}; figures in ${path.relative(root, file)}`,
);
