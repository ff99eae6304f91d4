import fs from 'node:fs';
import path from 'node:path';
import { withBodyFromFile } from './article-body';
import { type Collected, collectBody, readCollection } from './collection';
import { type ContentIssue, schemaIssues } from './issues';
import { idleWarning, parseLive, strayUpdates } from './live';
import { countWords, WORDS_PER_MINUTE } from './reading-time';
import { checkImage, type References, resolveReferences } from './references';
import { ARTICLE_FIELDS, articleFrontmatterSchema } from './schema';
import { parseFrontmatterFile, type Position } from './source';
import { defaultLocale, type Locale, localePath } from '../site';
import { articlesFolder, type TranslationEntry } from './translations';
import type { Article, LoadOptions } from './types';
import { bodyKey } from './verdicts';

export const HEADLINE_WARN_LENGTH = 110;
export const SUMMARY_WARN_LENGTH = 200;

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
    const source = parseFrontmatterFile(entry.text);
    const fileIssue = (at: Position, message: string, severity: 'error' | 'warning' = 'error') =>
      issues.push({ file: entry.relative, ...at, severity, message });
    if (source.problems.length) {
      for (const p of source.problems) fileIssue(p, p.message);
      continue;
    }
    const bodyHash = bodyKey(source.body, source.bodyLine);
    collectBody(collected, entry.relative, source.body, source.bodyLine, bodyHash);
    const result = articleFrontmatterSchema.safeParse(source.data);
    if (!result.success) {
      issues.push(
        ...schemaIssues(result.error, {
          ...source,
          file: entry.relative,
          allowedFields: ARTICLE_FIELDS,
        }),
      );
      continue;
    }
    const data = result.data;
    const resolved = resolveReferences(
      data,
      { ...known, locale },
      (at) => source.locate(at),
      fileIssue,
    );
    const url = localePath(locale, `/articles/${entry.slug}`);
    translations.push({
      file: entry.relative,
      locale,
      slug: entry.slug,
      translationOf: data.translationOf,
      date: data.date,
      updated: data.updated,
      locate: (at) => source.locate(at),
    });
    checkImage(options, data.image, source.locate(['image']), 'image', entry.relative, issues);
    if (data.title.length > HEADLINE_WARN_LENGTH) {
      fileIssue(
        source.locate(['title']),
        `"title" is ${data.title.length} characters; headlines over ${HEADLINE_WARN_LENGTH} are cut off in search results and share cards`,
        'warning',
      );
    }
    if (data.summary.length > SUMMARY_WARN_LENGTH) {
      fileIssue(
        source.locate(['summary']),
        `"summary" is ${data.summary.length} characters; keep it under ${SUMMARY_WARN_LENGTH} so previews show all of it`,
        'warning',
      );
    }
    const live = data.live
      ? parseLive(data.live, source.body, source.bodyLine, options.now, url)
      : { coverage: undefined, problems: strayUpdates(source.body, source.bodyLine) };
    for (const p of live.problems) fileIssue(p, p.message);
    const idle = live.coverage && !data.draft && idleWarning(live.coverage, options.now);
    if (idle) fileIssue(source.locate(['live']), idle, 'warning');
    const { section } = resolved;
    if (!resolved.valid || !section) continue;
    const published = new Date(data.date);
    const newest = live.coverage?.newest;
    const updated = data.updated ?? data.date;
    const dateModified =
      newest && newest.date.getTime() > Date.parse(updated) ? newest.time : updated;
    const words = countWords(source.body);
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
      bodyLine: source.bodyLine,
      bodyHash,
      published,
      modified: new Date(dateModified),
      dateModified,
      live: live.coverage,
      readingTime: { minutes, words, text: `${minutes} min read` },
    };
    articles.push(
      withBodyFromFile(fields, { absolute: entry.absolute, relative: entry.relative, hash: bodyHash }),
    );
  }
  return articles;
}
