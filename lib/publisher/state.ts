import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MANIFEST_SUFFIX } from '@/lib/content/blobs';

const problem = z.object({
  file: z.string(),
  line: z.number(),
  column: z.number(),
  message: z.string(),
});

const publish = z.object({
  commit: z.string(),
  subject: z.string(),
  reason: z.string(),
  at: z.string(),
  seconds: z.number(),
  /** Seconds of each step: fetch, worktree, check, swap, load (the server loads the release), revalidate, purge (the edge). */
  steps: z.record(z.string(), z.number()).default({}),
  changed: z.array(z.string()),
  paths: z.number(),
});

const stateSchema = z.object({
  /** The commit the content path points to and the server has revalidated. */
  published: z.string().optional(),
  /** The server's time at that revalidation: what "before" means for the next one. */
  since: z.string().optional(),
  /** The next moment an embargo lifts or live coverage ends, as the server reported it. */
  next: z.string().nullable().default(null),
  history: z.array(publish).default([]),
  refused: z
    .object({ commit: z.string(), subject: z.string(), at: z.string(), problems: z.array(problem) })
    .optional(),
});

export type PublisherState = z.infer<typeof stateSchema>;
export type PublishRecord = z.infer<typeof publish>;

export const HISTORY_LENGTH = 20;

export function readState(file: string): PublisherState {
  try {
    return stateSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      console.error(`publisher: ${file} is unreadable (${String(error)}); starting afresh`);
    }
    return stateSchema.parse({});
  }
}

/** Written to a temporary file and renamed, so a kill leaves the old state or the new, whole. */
export function writeState(file: string, state: PublisherState): void {
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(partial, file);
}

/** Points `link` at `target` in one rename: a reader sees the old folder or the new, never neither. */
export function swapLink(link: string, target: string): void {
  const next = `${link}.next`;
  fs.rmSync(next, { force: true });
  fs.symlinkSync(path.relative(path.dirname(link), target), next);
  fs.renameSync(next, link);
}

export function linkTarget(link: string): string | undefined {
  try {
    return path.basename(fs.readlinkSync(link));
  } catch {
    return undefined;
  }
}

/** Removes a release folder and the list of its files beside it. */
export function removeRelease(dir: string, name: string): void {
  fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  fs.rmSync(path.join(dir, `${name}${MANIFEST_SUFFIX}`), { force: true });
}

/**
 * Removes the oldest folders in `dir` beyond `keep`, never one named in `protect`, with their
 * file lists, and the file lists left without a folder.
 */
export function prune(dir: string, keep: number, protect: string[]): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const folders = names
    .filter((name) => !name.endsWith(MANIFEST_SUFFIX))
    .map((name) => ({ name, time: fs.statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { name } of folders.slice(keep)) {
    if (!protect.includes(name)) removeRelease(dir, name);
  }
  for (const name of names) {
    const folder = name.slice(0, -MANIFEST_SUFFIX.length);
    if (name.endsWith(MANIFEST_SUFFIX) && !fs.existsSync(path.join(dir, folder))) {
      fs.rmSync(path.join(dir, name), { force: true });
    }
  }
}
