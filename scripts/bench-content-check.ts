import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkContent } from '../lib/content/check';
import { generateCorpus } from './bench/generate-corpus';

const count = Number(process.argv[2] ?? 1000);
const root = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-bench-'));

try {
  const corpus = generateCorpus({ articles: count, dir });
  const bytes = corpus.slugs.reduce(
    (sum, slug) => sum + fs.statSync(path.join(dir, 'articles', `${slug}.mdx`)).size,
    0,
  );
  const options = { contentDir: dir, publicDir: path.join(root, 'public'), now: new Date() };
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await checkContent(options);
  const inProcess = performance.now() - start;
  const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000;
  const cacheFile = path.join(dir, 'cache.json');
  const cli = () => {
    const cliStart = performance.now();
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/content-check.ts', dir], {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, CONTENT_CHECK_CACHE: cacheFile },
    });
    return performance.now() - cliStart;
  };
  const cold = cli();
  const warm = cli();
  console.log(
    `${count} articles (${(bytes / 1e6).toFixed(1)} MB), ${result.files} files, ${result.errors} errors, ${result.warnings} warnings`,
  );
  console.log(
    `checkContent in this thread, no cache: ${(inProcess / 1000).toFixed(2)} s wall, ${(cpuMs / 1000).toFixed(2)} s CPU`,
  );
  console.log(
    `content:check in a new process (${os.availableParallelism()} worker threads): ${(cold / 1000).toFixed(2)} s wall with no cache, ${(warm / 1000).toFixed(2)} s with the cache of unchanged bodies`,
  );
  console.log(
    `load average: ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')} on ${os.cpus().length} CPUs`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
