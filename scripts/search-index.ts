// Builds the Pagefind search index from lib/content into public/pagefind/ (or SEARCH_INDEX_DIR),
// before `next build`, so next start, the standalone server and the export all serve it.
import path from 'node:path';
import { buildSearchIndex } from '../lib/search/build-index';
import { searchRecords } from '../lib/search/records';

const outputPath = path.resolve(process.env.SEARCH_INDEX_DIR ?? 'public/pagefind');
const started = performance.now();
const records = searchRecords();
const read = performance.now();
const built = await buildSearchIndex(records, outputPath);
const seconds = (ms: number) => (ms / 1000).toFixed(1);
console.log(
  `search index: ${built.records} stories -> ${path.relative(process.cwd(), outputPath) || '.'} ` +
    `in ${seconds(performance.now() - started)} s (content ${seconds(read - started)} s, ` +
    `pagefind ${seconds(performance.now() - read)} s)`,
);
