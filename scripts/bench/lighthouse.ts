import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

// Lighthouse (mobile, its default) on pages of a production build, served by next start.
// Usage: npm run bench:lighthouse -- [--url http://host/path]… [--path /articles/slug]…
//   [--runs n] (the median run by performance score is reported per page)
// Without --url it serves the build in NEXT_DIST_DIR (default .next) on port 3118, and without
// --path it audits the home page, the seed article, the live story, a section page and search.
// Each page's LCP element and its phases (from the median run) are printed under the table.
const root = path.resolve(import.meta.dirname, '..', '..');
const argv = process.argv.slice(2);
const values = (name: string) =>
  argv.flatMap((arg, at) => (arg === name ? [argv[at + 1] ?? ''] : []));
const DEFAULT_PATHS = [
  '/',
  '/articles/north-korea-volunteers-ukraine',
  '/articles/live-coverage-demonstration',
  '/sections/world',
  '/search',
];

/** A file name for a page's full Lighthouse report, e.g. `articles-some-slug` or `home`. */
const pageName = (url: string) =>
  new URL(url).pathname.replace(/^\/|\/$/g, '').replace(/[^a-z0-9]+/gi, '-') || 'home';

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

/** The LCP element's selector and Lighthouse's split of LCP into TTFB, load delay, load, render. */
function lcpBreakdown(lhr: Result): string {
  const audit = lhr.audits['largest-contentful-paint-element'];
  const details = audit?.details;
  if (details?.type !== 'list') return `no LCP element reported: ${audit?.errorMessage ?? 'none'}`;
  const [element, phases] = details.items;
  const node = element?.type === 'table' ? element.items[0]?.node : undefined;
  const label =
    node && typeof node === 'object' && 'selector' in node
      ? `${String(node.selector)} ${String('snippet' in node ? node.snippet : '').slice(0, 80)}`
      : 'unknown element';
  const split =
    phases?.type === 'table'
      ? phases.items.map((item) => `${String(item.phase)} ${Math.round(Number(item.timing))} ms`)
      : [];
  return `${label}\n    ${split.join(', ')}`;
}

async function waitFor(url: string) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer`);
}

async function main() {
  let server: ChildProcess | undefined;
  let urls = values('--url');
  const runs = Number(values('--runs')[0] ?? 1);
  if (urls.length === 0) {
    const distDir = process.env.NEXT_DIST_DIR || '.next';
    if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
      throw new Error(`no production build in ${distDir}/: run npm run build first`);
    }
    const port = Number(values('--port')[0] ?? 3118);
    const paths = values('--path');
    urls = (paths.length ? paths : DEFAULT_PATHS).map((p) => `http://localhost:${port}${p}`);
    server = spawn(
      process.execPath,
      [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)],
      {
        cwd: root,
        stdio: 'ignore',
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      },
    );
    await waitFor(urls[0] ?? '');
  }
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  const table = [];
  const lcp: string[] = [];
  try {
    for (const url of urls) {
      const results = [];
      for (let run = 0; run < runs; run++) {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
        });
        if (!result) throw new Error('Lighthouse returned no result');
        results.push(result.lhr);
      }
      results.sort(
        (a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0),
      );
      const lhr = results[Math.floor(results.length / 2)];
      if (!lhr) continue;
      const { categories, audits } = lhr;
      lcp.push(`  ${new URL(url).pathname} LCP: ${lcpBreakdown(lhr)}`);
      fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
      fs.writeFileSync(
        path.join(root, 'bench-results', `lighthouse-${pageName(url)}.json`),
        JSON.stringify(lhr),
      );
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      const ms = (id: string) => Math.round(audits[id]?.numericValue ?? NaN);
      table.push({
        page:
          urls.length > 1 && new Set(urls.map((u) => new URL(u).host)).size > 1
            ? url
            : new URL(url).pathname,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        fcpMs: ms('first-contentful-paint'),
        lcpMs: ms('largest-contentful-paint'),
        tbtMs: ms('total-blocking-time'),
        cls: audits['cumulative-layout-shift']?.numericValue,
        jsKb: Math.round(
          (audits['resource-summary']?.details?.type === 'table'
            ? Number(
                audits['resource-summary'].details.items.find(
                  (item) => item.resourceType === 'script',
                )?.transferSize ?? 0,
              )
            : 0) / 1024,
        ),
      });
      for (const [id, category] of Object.entries(categories)) {
        for (const ref of category.auditRefs) {
          const audit = audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
            console.log(
              `  ${new URL(url).pathname} ${id}: ${audit.id} (${audit.score}) ${audit.displayValue ?? ''}`,
            );
          }
        }
      }
    }
    console.table(table);
    console.log(lcp.join('\n'));
    fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'bench-results', 'lighthouse.json'),
      JSON.stringify(table, null, 2) + '\n',
    );
  } finally {
    chrome.kill();
    server?.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
