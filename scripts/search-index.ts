// Builds the Pagefind search index from lib/content into public/pagefind/ (or SEARCH_INDEX_DIR),
// before `next build`, so next start, the standalone server and the export all serve it.
// SEARCH_SPLIT_ABOVE (default 20,000 stories) is where the archive splits into one bundle a year;
// SEARCH_RECENT_YEARS (default 2) years stay in the main bundle.
import path from 'node:path';
import { buildSearchIndex, DEFAULT_SPLIT_ABOVE } from '../lib/search/build-index';
import { everyLanguageRecords } from '../lib/search/records';
import { settings } from '../lib/settings.js';

const outputPath = path.resolve(settings.SEARCH_INDEX_DIR ?? 'public/pagefind');
const splitAbove = settings.SEARCH_SPLIT_ABOVE ?? DEFAULT_SPLIT_ABOVE;
const recentYears = settings.SEARCH_RECENT_YEARS;
const started = performance.now();
const records = everyLanguageRecords();
const read = performance.now();
const built = await buildSearchIndex(records, outputPath, { splitAbove, recentYears });
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const { archive, recentFrom } = built.manifest;
console.log(
  `search index: ${built.records} stories -> ${path.relative(process.cwd(), outputPath) || '.'} ` +
    (archive.length
      ? `(${recentFrom} on in the main bundle, ${archive.length} archive years, ` +
        `${built.rebuiltYears.length} rebuilt) `
      : '') +
    `in ${seconds(performance.now() - started)} s (content ${seconds(read - started)} s, ` +
    `pagefind ${seconds(performance.now() - read)} s)`,
);
