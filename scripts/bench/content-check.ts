import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkContent } from '../../lib/content/check';
import { generateCorpus } from './generate-corpus';

const count = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 3);
const root = path.resolve(import.meta.dirname, '..', '..');
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
  // CPU of the child processes (and their threads), from /proc on Linux.
  const childCpu = () => {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[13]) + Number(fields[14])) * 10;
  };
  const cli = (...args: string[]) => {
    const cpuStart = childCpu();
    const wallStart = performance.now();
    execFileSync(
      process.execPath,
      ['scripts/run-bundled.mjs', 'scripts/content-check.ts', '--', ...args],
      { cwd: root, stdio: 'ignore', env: { ...process.env, CONTENT_CHECK_CACHE: cacheFile } },
    );
    return { wall: performance.now() - wallStart, cpu: childCpu() - cpuStart };
  };
  const median = (runs: { wall: number; cpu: number }[]) => {
    const middle = (values: number[]) =>
      values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const wall = middle(runs.map((run) => run.wall));
    const cpu = middle(runs.map((run) => run.cpu));
    return `${(wall / 1000).toFixed(2)} s wall, ${(cpu / 1000).toFixed(2)} s CPU`;
  };
  const oneFile = path.join(dir, 'articles', `${corpus.slugs[0] ?? ''}.mdx`);
  cli(oneFile); // builds the bundle if a source changed
  const single: { wall: number; cpu: number }[] = [];
  const cold: { wall: number; cpu: number }[] = [];
  const warm: { wall: number; cpu: number }[] = [];
  for (let run = 0; run < runs; run++) {
    fs.rmSync(cacheFile, { force: true });
    cold.push(cli(dir));
    warm.push(cli(dir));
    single.push(cli(oneFile));
  }
  console.log(
    `${count} articles (${(bytes / 1e6).toFixed(1)} MB), ${result.files} files, ${result.errors} errors, ${result.warnings} warnings`,
  );
  console.log(
    `checkContent in this thread, no cache: ${(inProcess / 1000).toFixed(2)} s wall, ${(cpuMs / 1000).toFixed(2)} s CPU`,
  );
  console.log(
    `content:check, median of ${runs} runs (${os.availableParallelism()} worker threads): no cache ${median(cold)}; every body from the cache ${median(warm)}; one file ${median(single)}`,
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
