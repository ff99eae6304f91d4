import { createHash } from 'node:crypto';
import path from 'node:path';
import { checkContent, formatReport } from '../lib/content/check';

const contentDir = path.resolve(process.argv[2] ?? process.env.CONTENT_DIR ?? 'content');
const publicDir = path.resolve(process.argv[3] ?? 'public');

const cacheFile =
  process.env.CONTENT_CHECK_CACHE ??
  `node_modules/.cache/meridian/content-check-${createHash('sha1').update(contentDir).digest('hex').slice(0, 10)}.json`;
const result = checkContent({
  contentDir,
  publicDir,
  now: new Date(),
  cacheFile: cacheFile === 'off' ? undefined : path.resolve(cacheFile),
});
console.log(formatReport(result));
process.exitCode = result.errors > 0 ? 1 : 0;
