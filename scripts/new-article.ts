import path from 'node:path';
import { now } from '../lib/clock';
import { judgeBody } from '../lib/content/body';
import { loadContent } from '../lib/content/load';
import { scaffoldArticle } from '../lib/content/scaffold';
import { contentDir } from '../lib/settings.js';

const args = process.argv.slice(2);
const live = args.includes('--live');
const headline = args
  .filter((arg) => arg !== '--live')
  .join(' ')
  .trim();
if (!headline) {
  console.error('Usage: npm run new -- [--live] "Headline words"');
  process.exit(2);
}
const at = now();
const { authors, sections } = loadContent({
  contentDir,
  publicDir: path.resolve('public'),
  now: at,
  judge: judgeBody,
});
const result = scaffoldArticle({
  contentDir,
  headline,
  now: at,
  author: authors[0]?.slug ?? 'your-author-slug',
  section: sections[0]?.slug ?? 'your-section-slug',
  live,
});
if (!result.ok) {
  console.error(`error  ${result.message}`);
  process.exit(1);
}
console.log(
  `Created ${path.relative(process.cwd(), result.file)} (${live ? 'live story, ' : ''}draft, /articles/${result.slug})`,
);
console.log(`Authors: ${authors.map((a) => a.slug).join(', ')}`);
console.log(`Sections: ${sections.map((s) => s.slug).join(', ')}`);
console.log('Preview it with npm run dev, then run npm run content:check.');
