import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { log, nextBin, root, round } from './common';
import { sampleTreeRss } from './process-tree';

export interface BuildResult {
  wallSeconds: number;
  peakRssBytes: number;
  staticPages?: number;
  phases: Record<string, number>;
  cardsRendered: number;
  log: string;
}

/** Rendered cards are files in the card cache (lib/og/cache.ts): those written since `since`. */
export function cardsWrittenSince(dir: string, since: number): number {
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

export function buildPhases(lines: { at: number; text: string }[], total: number) {
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

export async function build(env: NodeJS.ProcessEnv, label: string): Promise<BuildResult> {
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
