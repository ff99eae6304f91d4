import path from 'node:path';
import { checkContent, formatReport } from '../lib/content/check';
import { defaultCacheFile } from '../lib/content/verdicts';

const contentDir = path.resolve(process.argv[2] ?? process.env.CONTENT_DIR ?? 'content');
const publicDir = path.resolve(process.argv[3] ?? 'public');

const cacheFile = process.env.CONTENT_CHECK_CACHE ?? defaultCacheFile(contentDir);
const result = checkContent({
  contentDir,
  publicDir,
  now: new Date(),
  cacheFile: cacheFile === 'off' ? undefined : path.resolve(cacheFile),
});
console.log(formatReport(result));
process.exitCode = result.errors > 0 ? 1 : 0;
