import fs from 'node:fs';
import path from 'node:path';
import { withBodyFromFile } from './article-body';
import { type Collected, collectBody, readCollection } from './collection';
import type { ContentIssue } from './issues';
import { idleWarning, parseLive } from './live';
import { locator, parsedArticle } from './parsed';
import { WORDS_PER_MINUTE } from './reading-time';
import { checkImage, type References, resolveReferences } from './references';
import { readBody, type Position } from './source';
import { defaultLocale, type Locale, localePath } from '../site';
import { articlesFolder, type TranslationEntry } from './translations';
import type { Article, LoadOptions } from './types';

export function loadArticles(
  options: LoadOptions,
  known: References,
  issues: ContentIssue[],
  collected: Collected,
  locale: Locale = defaultLocale,
  translations: TranslationEntry[] = [],
): Article[] {
  const articles: Article[] = [];
  const folder = articlesFolder(locale);
  // Another language's folder is optional; the default's must exist (readCollection says so).
  if (locale !== defaultLocale && !fs.existsSync(path.join(options.contentDir, folder))) return [];
  for (const entry of readCollection(options, folder, 'an article', issues, collected)) {
    const parsed = parsedArticle(entry.file, collected);
    const fileIssue = (at: Position, message: string, severity: 'error' | 'warning' = 'error') =>
      issues.push({ file: entry.relative, ...at, severity, message });
    if (parsed.body) collectBody(collected, entry, parsed.body);
    for (const p of parsed.problems) fileIssue(p, p.message, p.severity);
    const { body, data } = parsed;
    if (!body || !data) continue;
    const locate = locator(parsed.positions);
    const resolved = resolveReferences(data, { ...known, locale }, locate, fileIssue);
    const url = localePath(locale, `/articles/${entry.slug}`);
    translations.push({
      file: entry.relative,
      locale,
      slug: entry.slug,
      translationOf: data.translationOf,
      date: data.date,
      updated: data.updated,
      locate,
    });
    checkImage(options, data.image, locate(['image']), 'image', entry.relative, issues);
    for (const p of parsed.notes) fileIssue(p, p.message, p.severity);
    // Live coverage depends on the time of the load: its body is read again, only for live stories.
    const live = data.live
      ? parseLive(data.live, readBody(entry.file.bytes())?.body ?? '', body.line, options.now, url)
      : { coverage: undefined, problems: [] };
    for (const p of live.problems) fileIssue(p, p.message);
    const idle = live.coverage && !data.draft && idleWarning(live.coverage, options.now);
    if (idle) fileIssue(locate(['live']), idle, 'warning');
    const { section } = resolved;
    if (!resolved.valid || !section) continue;
    const published = new Date(data.date);
    const newest = live.coverage?.newest;
    const updated = data.updated ?? data.date;
    const dateModified =
      newest && newest.date.getTime() > Date.parse(updated) ? newest.time : updated;
    const { words } = parsed;
    const minutes = Math.max(1, Math.round(words / WORDS_PER_MINUTE));
    const fields: Omit<Article, 'body'> = {
      ...data,
      slug: entry.slug,
      locale,
      url,
      file: entry.relative,
      status: data.draft ? 'draft' : published > options.now ? 'scheduled' : 'published',
      authors: resolved.authors,
      section,
      tags: resolved.tags,
      bodyLine: body.line,
      bodyHash: body.key,
      published,
      modified: new Date(dateModified),
      dateModified,
      live: live.coverage,
      readingTime: { minutes, words, text: `${minutes} min read` },
    };
    articles.push(
      withBodyFromFile(fields, { absolute: entry.absolute, relative: entry.relative, hash: body.key }),
    );
  }
  return articles;
}
