/**
 * Prints a signed, expiring preview link for a draft or scheduled story, or revokes them all.
 *   PREVIEW_SECRET=… npm run preview-link -- <slug> [--hours 48] [--note "for legal"]
 *   npm run preview-link -- --revoke <slug>
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { now } from '../lib/clock';
import { judgeBody } from '../lib/content/body';
import { formatIssue } from '../lib/content/issues';
import { loadContent } from '../lib/content/load';
import { bumpPreviewVersion } from '../lib/content/preview-version';
import { defaultCacheFile } from '../lib/content/verdicts';
import { formatDateTime } from '../lib/format';
import { DEFAULT_PREVIEW_HOURS, MAX_PREVIEW_HOURS, previewLink } from '../lib/preview';
import { CACHE_DIR, contentDir, publicDir, settings } from '../lib/settings.js';
import { absoluteUrl } from '../lib/site';

const USAGE =
  'Usage: npm run preview-link -- <slug> [--hours 48] [--note "for legal"]\n       npm run preview-link -- --revoke <slug>';

function fail(message: string, code = 1): never {
  console.error(`preview-link: ${message}`);
  process.exit(code);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    hours: { type: 'string', default: String(DEFAULT_PREVIEW_HOURS) },
    note: { type: 'string', default: '' },
    revoke: { type: 'boolean', default: false },
  },
});
const [slug, ...extra] = positionals;
if (!slug || extra.length) fail(USAGE, 2);

const ledger = path.join(CACHE_DIR, 'preview-links.jsonl');

if (values.revoke) {
  const file = path.join(contentDir, 'articles', `${slug}.mdx`);
  if (!fs.existsSync(file)) fail(`there is no story ${path.relative('.', file)}`);
  const { text, version } = bumpPreviewVersion(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(file, text);
  console.log(
    `preview-link: ${path.relative('.', file)} now has previewVersion: ${version}; every earlier link for "${slug}" stops working once the server has this change (deploy it, or npm run revalidate).`,
  );
  process.exit(0);
}

const hours = Number(values.hours);
if (!(hours > 0 && hours <= MAX_PREVIEW_HOURS)) {
  fail(
    `--hours "${values.hours}" must be a number of hours above 0 and at most ${MAX_PREVIEW_HOURS}`,
    2,
  );
}
const secret = settings.PREVIEW_SECRET;
if (!secret) {
  fail('set PREVIEW_SECRET to the secret the server runs with (at least 32 characters)', 2);
}
const loaded = loadContent({
  contentDir,
  publicDir,
  now: now(),
  judge: judgeBody,
  cacheFile: defaultCacheFile(contentDir),
  // Only this story's body: the link is for it, and judging a whole archive takes minutes.
  judgeOnly: new Set([path.join(path.basename(contentDir), 'articles', `${slug}.mdx`)]),
  refusedBodies: settings.UNSAFE_RENDER_REFUSED_BODIES ? 'warning' : 'error',
});
const errors = loaded.issues.filter((issue) => issue.severity === 'error');
if (errors.length) {
  fail(
    `the content has errors, so the server cannot show it:\n${errors.map(formatIssue).join('\n')}`,
  );
}
const article = loaded.articles.find((candidate) => candidate.slug === slug);
if (!article)
  fail(`there is no story "${slug}" in ${path.relative('.', contentDir) || '.'}/articles/`);
if (article.status === 'published') {
  fail(`"${slug}" is already published; share its address: ${absoluteUrl(article.url)}`);
}
const link = previewLink(article, hours, secret);
console.log(link.url);
console.error(
  `preview-link: ${article.status} "${article.title}", previewVersion ${article.previewVersion}, expires ${formatDateTime(link.expires)}${values.note ? `, ${values.note}` : ''}`,
);
fs.mkdirSync(CACHE_DIR, { recursive: true });
fs.appendFileSync(
  ledger,
  `${JSON.stringify({ slug, version: article.previewVersion, issued: now().toISOString(), expires: link.expires.toISOString(), note: values.note })}\n`,
);
