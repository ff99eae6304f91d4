import * as pagefind from 'pagefind';
import type { SearchRecord } from './records';

/** One Pagefind bundle to write: its records and the empty folder it goes to. */
export interface BundleJob {
  records: SearchRecord[];
  outputPath: string;
}

const BATCH = 500;

function failOn(errors: string[], what: string): void {
  if (errors.length) throw new Error(`pagefind: ${what}: ${errors.join('; ')}`);
}

/** Writes one bundle with this thread's Pagefind service (started on first use). */
export async function writeBundle({ records, outputPath }: BundleJob): Promise<void> {
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
  const written = await index.writeFiles({ outputPath });
  failOn(written.errors, 'writeFiles');
  await index.deleteIndex();
}

/** Writes the bundles one after another, then stops this thread's Pagefind service. */
export async function writeBundles(jobs: BundleJob[]): Promise<void> {
  try {
    for (const job of jobs) await writeBundle(job);
  } finally {
    await pagefind.close();
  }
}
