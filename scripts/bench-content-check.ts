import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkContent } from '../lib/content/check';

const count = Number(process.argv[2] ?? 1000);
const root = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-bench-'));

function article(i: number): string {
  const paragraphs = Array.from(
    { length: 8 },
    (_, p) =>
      `Paragraph ${p + 1} of story ${i} reports on **events** with a [link](/articles/story-${(i + 1) % count}), ` +
      `a [source](https://example.org/report/${i}) and the [section page](/sections/world). ` +
      'Officials said the talks would continue next week, and analysts expect a statement by Friday.',
  );
  return `---
title: 'Story number ${i}: a headline of ordinary length for the benchmark'
summary: 'A one-sentence summary of story ${i}, long enough to look like the real thing.'
date: 2026-01-${String((i % 28) + 1).padStart(2, '0')}T09:30:00+00:00
authors: [mina-seo]
section: world
tags: [benchmark, tag-${i % 50}]
---
${paragraphs.slice(0, 4).join('\n\n')}

<Callout type="note">A note inside story ${i}.</Callout>

## Background

${paragraphs.slice(4).join('\n\n')}

<PullQuote quote="A quotation from story ${i}." attribution="A source" />
`;
}

try {
  fs.cpSync(path.join(root, 'content/sections.yaml'), path.join(dir, 'sections.yaml'));
  fs.cpSync(path.join(root, 'content/authors'), path.join(dir, 'authors'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'articles'));
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const text = article(i);
    bytes += Buffer.byteLength(text);
    fs.writeFileSync(path.join(dir, 'articles', `story-${i}.mdx`), text);
  }
  const options = { contentDir: dir, publicDir: path.join(root, 'public'), now: new Date() };
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = checkContent(options);
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
    `checkContent: ${(inProcess / 1000).toFixed(2)} s wall, ${(cpuMs / 1000).toFixed(2)} s CPU`,
  );
  console.log(
    `content:check in a new process: ${(cold / 1000).toFixed(2)} s wall with no cache, ${(warm / 1000).toFixed(2)} s with the cache of unchanged bodies`,
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
