import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { defaultLocale, isLocale, otherLocales } from '../site';
import { SLUG_PATTERN } from './schema';
import { slugify } from './slug';
import { splitFrontmatter } from './source';

/** ISO 8601 with the machine's own offset, e.g. 2026-11-27T14:05:00+01:00. */
export function localDateTime(date: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:00` +
    `${offset >= 0 ? '+' : '-'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

function yamlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export interface ScaffoldOptions {
  contentDir: string;
  headline: string;
  now: Date;
  author: string;
  section: string;
  /** A live story: coverage starting now, an introduction and a first update. */
  live?: boolean;
}

export function articleTemplate({ headline, now, author, section, live }: ScaffoldOptions): string {
  const slug = slugify(headline, 80);
  return `---
title: ${yamlString(headline.trim())}
summary: 'One or two sentences: the dek under the headline and the description in search results.'
date: ${localDateTime(now)}
# updated: ${localDateTime(now)}
authors: [${author}]
section: ${section}
tags: []
# image: /images/articles/${slug}.jpg
# imageAlt: 'What the picture shows, for readers who cannot see it.'
# imageCaption: 'Optional caption.'
# imageCredit: 'Photographer / Agency'
draft: true
corrections: []
# canonical: https://example.com/original-story
redirectFrom: []
${live ? liveTemplate(now) : '---\n\nWrite the story here, in Markdown. Remove `draft: true` when it is ready to publish.\n'}`;
}

function liveTemplate(now: Date): string {
  const time = localDateTime(now);
  return `live:
  start: ${time}
  # end: ${time}
---

The introduction: what is happening, in two or three sentences. It stays at the top; updates
appear under it, newest first.

<Update time="${time}" title="A short headline for this update" pinned>
What happened, in Markdown. Add each new update as another \`<Update>\` block with its own time
(with the offset), anywhere in the file. \`pinned\` lists it under "Key events"; leave it out
for ordinary updates. Remove \`draft: true\` to publish, and set \`end\` when coverage ends.
</Update>
`;
}

export type ScaffoldResult =
  | { ok: true; file: string; slug: string }
  | { ok: false; message: string };

export function scaffoldArticle(options: ScaffoldOptions): ScaffoldResult {
  const slug = slugify(options.headline, 80);
  if (!SLUG_PATTERN.test(slug)) {
    return {
      ok: false,
      message: `cannot make a URL slug from "${options.headline}": use a headline with some Latin letters or digits`,
    };
  }
  const file = path.join(options.contentDir, 'articles', `${slug}.mdx`);
  return writeNew(file, slug, articleTemplate(options), ' Choose another headline or edit that file.');
}

/** Writes a new file, never over an existing one. */
function writeNew(file: string, slug: string, text: string, ifTaken = ''): ScaffoldResult {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, { flag: 'wx' });
  } catch (error) {
    const code = error && typeof error === 'object' && 'code' in error ? error.code : undefined;
    return {
      ok: false,
      message:
        code === 'EEXIST'
          ? `${path.relative(process.cwd(), file)} already exists; it was not changed.${ifTaken}`
          : `cannot write ${file}: ${String(error)}`,
    };
  }
  return { ok: true, file, slug };
}

export interface TranslationScaffoldOptions {
  contentDir: string;
  /** The default-language story's slug. */
  slug: string;
  /** As typed by the editor: refused unless lib/site.ts declares it. */
  locale: string;
  now: Date;
}

/** Fields that belong to the original alone: the translation starts without them. */
const ORIGINAL_ONLY = ['updated', 'corrections', 'redirectFrom', 'previewVersion', 'canonical'];

/**
 * `npm run new -- --translate <slug> --locale ko`: a copy of the original under
 * content/<locale>/articles/ with its fields and body to overwrite, `translationOf` set, dated now
 * and a draft.
 */
export function scaffoldTranslation(options: TranslationScaffoldOptions): ScaffoldResult {
  const { contentDir, slug, locale, now } = options;
  if (!isLocale(locale) || locale === defaultLocale) {
    return {
      ok: false,
      message: `"${locale}" is not a language to translate into; use one of ${otherLocales.join(', ')} (lib/site.ts)`,
    };
  }
  const source = path.join(contentDir, 'articles', `${slug}.mdx`);
  if (!fs.existsSync(source)) {
    return { ok: false, message: `there is no content/articles/${slug}.mdx to translate` };
  }
  const split = splitFrontmatter(fs.readFileSync(source, 'utf8').replace(/\r\n?/g, '\n'));
  if (typeof split === 'string') {
    return { ok: false, message: `content/articles/${slug}.mdx has no readable frontmatter` };
  }
  const doc = parseDocument(split.yamlText);
  for (const key of ORIGINAL_ONLY) doc.delete(key);
  doc.set('date', localDateTime(now));
  doc.set('draft', true);
  doc.set('translationOf', slug);
  const file = path.join(contentDir, locale, 'articles', `${slug}.mdx`);
  return writeNew(file, slug, `---\n${doc.toString()}---\n${split.body}`);
}
