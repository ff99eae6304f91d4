import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { now } from '../lib/clock';
import { checkContent, formatReport } from '../lib/content/check';
import { verdictCacheFile } from '../lib/content/verdicts';
import { contentDir as defaultDir, publicDir as defaultPublicDir } from '../lib/settings.js';

// `content:check` checks everything under CONTENT_DIR (or content/); `content:check -- <dir>
// [publicDir]` another content folder; `content:check -- <file.mdx|sections.yaml>…` only those files (the rest of
// their content folder is read so authors, sections and links can be checked).
const args = process.argv.slice(2);
const files = args.filter((arg) => fs.statSync(arg, { throwIfNoEntry: false })?.isFile());
const [dirArg, publicArg] = args.filter((arg) => !files.includes(arg));
const inside = (file: string, dir: string) => path.resolve(file).startsWith(dir + path.sep);
const contentDir = dirArg
  ? path.resolve(dirArg)
  : files.length === 0 || files.every((file) => inside(file, defaultDir))
    ? defaultDir
    : path.dirname(path.dirname(path.resolve(files[0] ?? '')));
const publicDir = publicArg ? path.resolve(publicArg) : defaultPublicDir;
for (const arg of args) {
  if (!fs.existsSync(arg)) {
    console.error(`content:check: ${arg} does not exist`);
    process.exit(2);
  }
}

const cacheFile = verdictCacheFile(contentDir);
const progress = process.stderr.isTTY
  ? (parsed: number, total: number) => {
      if (parsed === total || parsed % 25 === 0) {
        process.stderr.write(`\rparsing bodies ${parsed}/${total}${parsed === total ? '\n' : ''}`);
      }
    }
  : undefined;
const result = await checkContent({
  contentDir,
  publicDir,
  now: now(),
  cacheFile,
  workers: os.availableParallelism(),
  only: files.length ? files : undefined,
  onProgress: progress,
});
console.log(formatReport(result));
process.exitCode = result.errors > 0 ? 1 : 0;
