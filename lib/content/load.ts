import { loadArticles } from './articles';
import { readManifest } from './blobs';
import { loadAuthors } from './authors';
import type { Collected } from './collection';
import type { ContentIssue } from './issues';
import { checkRedirects } from './redirects';
import type { BodyVerdict } from './sanitise';
import { finishLoad, startLoad } from './memo';
import { loadSections } from './sections';
import { loadTagNames } from './tags';
import type { LoadedContent, LoadOptions, SourceBody } from './types';
import { defaultLocale, locales } from '../site';
import { type TranslationEntry, translationIssues, unknownLocaleFolders } from './translations';
import { startJudging } from './verdicts';

export type {
  Article,
  Author,
  LiveCoverage,
  LiveUpdate,
  LoadedContent,
  LoadOptions,
  PublicationStatus,
  SectionEntry,
  SourceBody,
  Tag,
} from './types';
export { HEADLINE_WARN_LENGTH, SUMMARY_WARN_LENGTH } from './parsed';

/** What the pipeline refused in each body, as issues (errors unless `refusedBodies` lowers them). */
export function bodyIssues(
  verdicts: ReadonlyMap<SourceBody, BodyVerdict>,
  options: Pick<LoadOptions, 'refusedBodies'>,
): ContentIssue[] {
  return [...verdicts].flatMap(([source, verdict]) =>
    verdict.problems.map((problem) => ({
      file: source.file,
      ...problem,
      severity: options.refusedBodies ?? 'error',
    })),
  );
}

/**
 * Reads, validates and resolves the content folder: sections, then authors, then stories. A file
 * version this process has read before (the same blob id, see blobs.ts and parsed.ts) is not
 * parsed again; what depends on the other files, the public folder or the time is redone.
 */
export function loadContent(options: LoadOptions): LoadedContent {
  startLoad();
  const issues: ContentIssue[] = [];
  const manifest = readManifest(options.contentDir);
  const collected: Collected = {
    files: 0,
    read: 0,
    parsed: 0,
    bodies: [],
    verdicts: new Map(),
    judging: startJudging(options.cacheFile, options.judge),
    judgeOnly: options.judgeOnly,
    ...(manifest ? { manifest } : {}),
  };
  const sections = loadSections(options, issues, collected);
  const authors = loadAuthors(options, issues, collected);
  const tagNames = loadTagNames(options, issues, collected);
  const known = {
    tagNames,
    authors: new Map(authors.map((author) => [author.slug, author])),
    sections: new Map(sections.map((section) => [section.slug, section])),
    sectionsKnown: sections.length > 0,
  };
  const translations: TranslationEntry[] = [];
  const articles = locales.flatMap((info) =>
    loadArticles(options, known, issues, collected, info.code, translations),
  );
  issues.push(...unknownLocaleFolders(options.contentDir), ...translationIssues(translations));
  checkRedirects(
    articles.filter((article) => article.locale === defaultLocale),
    issues,
  );
  collected.judging.finish();
  finishLoad();
  const { verdicts } = collected;
  issues.push(...bodyIssues(verdicts, options));
  articles.sort(
    (a, b) => b.published.getTime() - a.published.getTime() || a.slug.localeCompare(b.slug),
  );
  return {
    files: collected.files,
    read: collected.read,
    parsed: collected.parsed,
    bodies: collected.bodies,
    verdicts,
    articles,
    authors,
    sections,
    issues,
  };
}
