// Runs a TypeScript script from an esbuild bundle kept in CACHE_DIR, rebuilt when one of
// its source files changed. Loading one bundle is several times faster than tsx compiling and
// resolving each module on every run, which is most of a warm `content:check`.
// Usage: node scripts/run-bundled.mjs <script.ts> [-- arguments]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE_DIR } from '../lib/settings.js';

const root = path.resolve(import.meta.dirname, '..');
const [main, separator, ...args] = process.argv.slice(2);
if (!main || main === '--' || (separator !== undefined && separator !== '--')) {
  console.error('usage: node scripts/run-bundled.mjs <script.ts> [-- arguments]');
  process.exit(2);
}
// The worker threads a script starts (lib/worker-thread.ts), bundled beside it.
const WORKERS = {
  'scripts/content-check.ts': ['lib/content/check-worker.ts'],
  'scripts/search-index.ts': ['lib/search/index-worker.ts'],
};
const entries = [main, ...(WORKERS[main] ?? [])];
const name = path.basename(main, '.ts');
const outdir = path.join(root, CACHE_DIR, 'bundled', name);
const stampFile = path.join(outdir, 'inputs.json');

function isFresh() {
  try {
    const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    return (
      JSON.stringify(stamp.entries) === JSON.stringify(entries) &&
      Object.entries(stamp.inputs).every(
        ([file, mtime]) => fs.statSync(path.join(root, file)).mtimeMs === mtime,
      )
    );
  } catch {
    return false;
  }
}

if (!isFresh()) {
  const { build } = await import('esbuild');
  const staging = `${outdir}.${process.pid}`;
  const result = await build({
    absWorkingDir: root,
    entryPoints: entries,
    entryNames: '[name]',
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node}`,
    // CommonJS dependencies bundled into ES modules still call require().
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    outExtension: { '.js': '.mjs' },
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.fromEntries(
    [...Object.keys(result.metafile.inputs), path.relative(root, import.meta.filename)].map(
      (file) => [file, fs.statSync(path.join(root, file)).mtimeMs],
    ),
  );
  fs.writeFileSync(path.join(staging, 'inputs.json'), JSON.stringify({ entries, inputs }));
  // Two runs may rebuild at once: each builds apart and the last rename wins.
  fs.rmSync(outdir, { recursive: true, force: true });
  try {
    fs.renameSync(staging, outdir);
  } catch {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

process.argv = [process.argv[0] ?? 'node', path.join(root, main), ...args];
await import(pathToFileURL(path.join(outdir, `${name}.mjs`)).href);
