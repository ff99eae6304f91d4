import fs from 'node:fs';
import path from 'node:path';
import { defaultLocale, isLocale, type Locale, locales } from '../site';
import type { ContentIssue } from './issues';
import type { Position } from './source';

/** The folder a locale's articles live in, relative to content/. */
export function articlesFolder(locale: Locale): string {
  return locale === defaultLocale ? 'articles' : path.join(locale, 'articles');
}

/** What the translation rules need of one loaded article file. */
export interface TranslationEntry {
  file: string;
  locale: Locale;
  slug: string;
  translationOf?: string;
  date: string;
  updated?: string;
  locate(path: readonly PropertyKey[]): Position;
}

const FOLDERS = new Set(['articles', 'authors']);

/**
 * Folders under content/ that look like a language's (they hold articles/) but name no declared
 * locale: their stories would never be published, so the check refuses them.
 */
export function unknownLocaleFolders(contentDir: string): ContentIssue[] {
  if (!fs.existsSync(contentDir)) return [];
  const declared = locales.map((locale) => locale.code).join(', ');
  return fs
    .readdirSync(contentDir, { withFileTypes: true })
    .filter(
      (dirent) =>
        dirent.isDirectory() &&
        !dirent.name.startsWith('.') &&
        !FOLDERS.has(dirent.name) &&
        !isLocale(dirent.name) &&
        fs.existsSync(path.join(contentDir, dirent.name, 'articles')),
    )
    .map((dirent) => ({
      file: path.join(path.basename(contentDir), dirent.name, 'articles'),
      line: 1,
      column: 1,
      severity: 'error' as const,
      message: `"${dirent.name}" is not a language the site publishes in (${declared}); declare it in lib/site.ts or move these files`,
    }));
}

/**
 * The content check's translation rules: `translationOf` in each language's folder names an
 * original in the default language, at most one translation per language, dated no earlier than
 * the original; a translation older than its original's last update is flagged.
 */
export function translationIssues(entries: readonly TranslationEntry[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const originals = new Map<string, TranslationEntry>();
  const translatedSlugs = new Map<string, TranslationEntry>();
  for (const entry of entries) {
    if (entry.locale === defaultLocale) originals.set(entry.slug, entry);
    else translatedSlugs.set(`${entry.locale}/${entry.slug}`, entry);
  }
  const issue = (
    entry: TranslationEntry,
    field: string,
    message: string,
    severity: 'error' | 'warning' = 'error',
  ) => issues.push({ file: entry.file, ...entry.locate([field]), severity, message });
  const claimed = new Map<string, TranslationEntry>();
  for (const entry of entries) {
    if (entry.locale === defaultLocale) {
      if (entry.translationOf !== undefined) {
        issue(
          entry,
          'translationOf',
          `"translationOf" is set on a ${defaultLocale} article; only a translation, under content/<language>/articles/, names its original`,
        );
      }
      continue;
    }
    const of = entry.translationOf;
    if (of === undefined) {
      issue(
        entry,
        'translationOf',
        `"translationOf" is missing: a translation names the ${defaultLocale} article it translates, like translationOf: <slug of content/articles/<slug>.mdx>`,
      );
      continue;
    }
    const original = originals.get(of);
    if (!original) {
      const chained = [...translatedSlugs.values()].find(
        (other) => other.slug === of && other.translationOf !== of,
      );
      issue(
        entry,
        'translationOf',
        chained
          ? `"translationOf" is "${of}", which is a translation (${chained.file}); name the original it translates${chained.translationOf ? `, "${chained.translationOf}"` : ''}`
          : `"translationOf" is "${of}", but there is no content/articles/${of}.mdx to translate`,
      );
      continue;
    }
    const key = `${entry.locale}/${of}`;
    const twin = claimed.get(key);
    if (twin) {
      issue(
        entry,
        'translationOf',
        `"${of}" already has a ${entry.locale} translation, ${twin.file}; a story has one translation per language`,
      );
      continue;
    }
    claimed.set(key, entry);
    if (Date.parse(entry.date) < Date.parse(original.date)) {
      issue(
        entry,
        'date',
        `"date" ${entry.date} is before the original's (${original.date}); a translation cannot be published before the story it translates`,
      );
    }
    const translated = entry.updated ?? entry.date;
    if (original.updated && Date.parse(original.updated) > Date.parse(translated)) {
      issue(
        entry,
        entry.updated ? 'updated' : 'date',
        `the original changed on ${original.updated}, after this translation (${translated}); bring it up to date and set "updated"`,
        'warning',
      );
    }
  }
  return issues;
}
