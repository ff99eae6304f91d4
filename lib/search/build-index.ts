import fs from 'node:fs';
import * as pagefind from 'pagefind';
import type { SearchRecord } from './records';

export interface BuiltIndex {
  records: number;
  outputPath: string;
}

const BATCH = 500;

function failOn(errors: string[], what: string): void {
  if (errors.length) throw new Error(`pagefind: ${what}: ${errors.join('; ')}`);
}

/** Writes a Pagefind bundle for `records` to `outputPath`, replacing what was there. */
export async function buildSearchIndex(
  records: SearchRecord[],
  outputPath: string,
): Promise<BuiltIndex> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  failOn(errors, 'createIndex');
  if (!index) throw new Error('pagefind: createIndex returned no index');
  try {
    for (let start = 0; start < records.length; start += BATCH) {
      const added = await Promise.all(
        records.slice(start, start + BATCH).map((record) => index.addCustomRecord(record)),
      );
      added.forEach((result, at) => failOn(result.errors, records[start + at]?.url ?? ''));
    }
    fs.rmSync(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    failOn(written.errors, 'writeFiles');
    return { records: records.length, outputPath };
  } finally {
    await pagefind.close();
  }
}
