import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
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
const BATCH = 500;

function failOn(errors: string[], what: string): void {
  if (errors.length) throw new Error(`pagefind: ${what}: ${errors.join('; ')}`);
}

async function writeBundle(records: SearchRecord[], outputPath: string): Promise<void> {
  // No forced language: each record names its own, so each language gets its own index.
  const { index, errors } = await pagefind.createIndex({});
  failOn(errors, 'createIndex');
  if (!index) throw new Error('pagefind: createIndex returned no index');
  for (let start = 0; start < records.length; start += BATCH) {
    const added = await Promise.all(
      records.slice(start, start + BATCH).map((record) => index.addCustomRecord(record)),
    );
    added.forEach((result, at) => failOn(result.errors, records[start + at]?.url ?? ''));
  }
  fs.rmSync(outputPath, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath });
  failOn(written.errors, 'writeFiles');
  await index.deleteIndex();
}

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

/**
 * Writes the Pagefind bundle(s) for `records` to `outputPath`. A small archive is one bundle. A
 * large one is split by year; an archive year whose stories did not change since the last build
 * (same hash in the manifest, bundle still on disk) is kept as it is, so a daily build only
 * re-indexes the recent years.
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
  const kept = path.join(path.dirname(outputPath), `.${path.basename(outputPath)}-archive`);
  fs.rmSync(kept, { recursive: true, force: true });
  if (fs.existsSync(archiveRoot)) fs.renameSync(archiveRoot, kept);

  const manifest: SearchManifest = { stories: records.length, recentFrom, archive: [] };
  const rebuiltYears: string[] = [];
  try {
    await writeBundle(recent, outputPath);
    for (const [year, list] of archived) {
      const hash = digest(list);
      const target = path.join(archiveRoot, year);
      const old = path.join(kept, year);
      const unchanged = previous?.archive.some(
        (entry) => entry.year === year && entry.hash === hash,
      );
      if (unchanged && fs.existsSync(path.join(old, 'pagefind-entry.json'))) {
        fs.mkdirSync(archiveRoot, { recursive: true });
        fs.renameSync(old, target);
      } else {
        await writeBundle(list, target);
        rebuiltYears.push(year);
      }
      manifest.archive.push({ year, stories: list.length, hash });
    }
  } finally {
    await pagefind.close();
    fs.rmSync(kept, { recursive: true, force: true });
  }
  fs.writeFileSync(path.join(outputPath, SEARCH_MANIFEST), JSON.stringify(manifest));
  return { records: records.length, outputPath, manifest, rebuiltYears };
}
