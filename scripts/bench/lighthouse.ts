import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

// Lighthouse (mobile, its default) on one page of a production build, served by next start.
// Usage: npm run bench:lighthouse -- [--url http://host/path] [--path /articles/slug]
// Without --url it serves the build in NEXT_DIST_DIR (default .next) on port 3118.
const root = path.resolve(import.meta.dirname, '..', '..');
const argv = process.argv.slice(2);
const value = (name: string) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};

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
  let url = value('--url');
  if (!url) {
    const distDir = process.env.NEXT_DIST_DIR || '.next';
    if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
      throw new Error(`no production build in ${distDir}/: run npm run build first`);
    }
    const port = Number(value('--port') ?? 3118);
    url = `http://localhost:${port}${value('--path') ?? '/articles/north-korea-volunteers-ukraine'}`;
    server = spawn(
      process.execPath,
      [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)],
      {
        cwd: root,
        stdio: 'ignore',
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      },
    );
    await waitFor(url);
  }
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const figures = {
      url,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      cls: audits['cumulative-layout-shift']?.numericValue,
      lcpMs: audits['largest-contentful-paint']?.numericValue,
      tbtMs: audits['total-blocking-time']?.numericValue,
    };
    console.table(figures);
    for (const [id, category] of Object.entries(categories)) {
      for (const ref of category.auditRefs) {
        const audit = audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          console.log(`  ${id}: ${audit.id} (${audit.score}) ${audit.displayValue ?? ''}`);
        }
      }
    }
    fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'bench-results', 'lighthouse.json'),
      JSON.stringify(figures, null, 2) + '\n',
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
