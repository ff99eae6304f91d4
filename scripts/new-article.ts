import path from 'node:path';
import { now } from '../lib/clock';
import { judgeBody } from '../lib/content/body';
import { loadContent } from '../lib/content/load';
import { scaffoldArticle, scaffoldTranslation } from '../lib/content/scaffold';
import { contentDir, publicDir } from '../lib/settings.js';
import { isLocale, localePath } from '../lib/site';

const USAGE =
  'Usage: npm run new -- [--live] "Headline words"\n       npm run new -- --translate <slug> --locale <language>';
const args = process.argv.slice(2);
const at = now();

function option(name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

if (args.includes('--translate')) {
  const slug = option('--translate');
  const locale = option('--locale');
  if (!slug || !locale) {
    console.error(USAGE);
    process.exit(2);
  }
  const result = scaffoldTranslation({ contentDir, slug, locale, now: at });
  if (!result.ok) {
    console.error(`error  ${result.message}`);
    process.exit(1);
  }
  console.log(
    `Created ${path.relative(process.cwd(), result.file)} (draft translation, ${isLocale(locale) ? localePath(locale, `/articles/${result.slug}`) : ''})`,
  );
  console.log('Translate the title, summary and body; then run npm run content:check.');
  process.exit(0);
}

const live = args.includes('--live');
const headline = args
  .filter((arg) => arg !== '--live')
  .join(' ')
  .trim();
if (!headline) {
  console.error(USAGE);
  process.exit(2);
}
const { authors, sections } = loadContent({
  contentDir,
  publicDir,
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
