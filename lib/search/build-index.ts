import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { startWorker } from '../worker-thread';
import { type BundleJob, writeBundles } from './bundle';
import type { SearchRecord } from './records';
import { SEARCH_ARCHIVE_DIR, SEARCH_MANIFEST, type SearchManifest } from './paths';

export interface BuildOptions {
  /**
   * Past this many stories the archive is split: stories of the newest `recentYears` years go in
   * the main bundle, every older year in a bundle of its own under archive/<year>/, which the
   * search page merges in when the reader asks for older years (Pagefind's mergeIndex).
   */
  splitAbove?: number;
  recentYears?: number;
}

export interface BuiltIndex {
  records: number;
  outputPath: string;
  manifest: SearchManifest;
  /** Archive years written this time; the others were unchanged and kept from the last build. */
  rebuiltYears: string[];
}

export const DEFAULT_SPLIT_ABOVE = 20_000;

const yearOf = (record: SearchRecord) => (record.sort.date ?? '').slice(0, 4);

function digest(records: SearchRecord[]): string {
  const hash = createHash('sha256');
  for (const record of records) hash.update(JSON.stringify(record));
  return hash.digest('hex').slice(0, 16);
}

function readManifest(outputPath: string): SearchManifest | undefined {
  try {
    return JSON.parse(
      fs.readFileSync(path.join(outputPath, SEARCH_MANIFEST), 'utf8'),
    ) as SearchManifest;
  } catch {
    return undefined;
  }
}

/** Writes bundles from `queue` on a worker thread, one at a time, until the queue is empty. */
function inThread(queue: BundleJob[]): Promise<void> {
  const worker = startWorker(import.meta.url, 'index-worker');
  return new Promise<void>((resolve, reject) => {
    const next = () => worker.postMessage(queue.shift() ?? null);
    worker.on('message', (reply: { error?: string }) => {
      if (!reply.error) return next();
      // The other threads stop after their current bundle.
      queue.length = 0;
      reject(new Error(reply.error));
      next();
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`search index thread exited (${code})`)),
    );
    next();
  });
}

/**
 * Writes the bundles. One Pagefind service indexes on one core and does not index two bundles
 * faster than one after the other, so several bundles are written by worker threads, one per
 * core, each with its own service, taking the largest bundle left as each finishes one.
 */
async function writeAll(jobs: BundleJob[]): Promise<void> {
  const queue = [...jobs].sort((a, b) => b.records.length - a.records.length);
  const threads = Math.min(os.availableParallelism(), queue.length);
  if (threads < 2) return writeBundles(queue);
  const results = await Promise.allSettled(Array.from({ length: threads }, () => inThread(queue)));
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Writes the Pagefind bundle(s) for `records` to `outputPath`. A small archive is one bundle. A
 * large one is split by year; an archive year whose stories did not change since the last build
 * (same hash in the manifest, bundle still on disk) is kept as it is, so a daily build only
 * re-indexes the recent years. Bundles are written apart and moved into place when all are done.
 */
export async function buildSearchIndex(
  records: SearchRecord[],
  outputPath: string,
  { splitAbove = DEFAULT_SPLIT_ABOVE, recentYears = 2 }: BuildOptions = {},
): Promise<BuiltIndex> {
  const years = [...new Set(records.map(yearOf))].sort().reverse();
  const split = records.length > splitAbove && years.length > recentYears;
  const recentFrom = split ? (years[recentYears - 1] ?? '') : '';
  const recent = split ? records.filter((record) => yearOf(record) >= recentFrom) : records;
  const archived = new Map<string, SearchRecord[]>();
  if (split) {
    for (const record of records) {
      if (yearOf(record) >= recentFrom) continue;
      const list = archived.get(yearOf(record));
      if (list) list.push(record);
      else archived.set(yearOf(record), [record]);
    }
  }

  const previous = readManifest(outputPath);
  const archiveRoot = path.join(outputPath, SEARCH_ARCHIVE_DIR);
  const work = path.join(path.dirname(outputPath), `.${path.basename(outputPath)}-building`);
  const workArchive = path.join(work, SEARCH_ARCHIVE_DIR);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(workArchive, { recursive: true });

  const manifest: SearchManifest = { stories: records.length, recentFrom, archive: [] };
  const jobs: BundleJob[] = [{ records: recent, outputPath: path.join(work, 'main') }];
  const keptYears: string[] = [];
  for (const [year, list] of archived) {
    const hash = digest(list);
    const unchanged = previous?.archive.some((entry) => entry.year === year && entry.hash === hash);
    if (unchanged && fs.existsSync(path.join(archiveRoot, year, 'pagefind-entry.json'))) {
      keptYears.push(year);
    } else {
      jobs.push({ records: list, outputPath: path.join(workArchive, year) });
    }
    manifest.archive.push({ year, stories: list.length, hash });
  }
  try {
    await writeAll(jobs);
    for (const year of keptYears) {
      fs.renameSync(path.join(archiveRoot, year), path.join(workArchive, year));
    }
    fs.rmSync(outputPath, { recursive: true, force: true });
    fs.renameSync(path.join(work, 'main'), outputPath);
    if (archived.size > 0) fs.renameSync(workArchive, archiveRoot);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  fs.writeFileSync(path.join(outputPath, SEARCH_MANIFEST), JSON.stringify(manifest));
  const rebuiltYears = [...archived.keys()].filter((year) => !keptYears.includes(year));
  return { records: records.length, outputPath, manifest, rebuiltYears };
}
