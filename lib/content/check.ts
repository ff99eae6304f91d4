import fs from 'node:fs';
import path from 'node:path';
import { type ContentIssue, formatIssue } from './issues';
import { type Article, type LoadOptions, loadContent, tagSlug } from './load';
import type { BodyLink } from './body';

export interface CheckResult {
  files: number;
  issues: ContentIssue[];
  errors: number;
  warnings: number;
}

interface SiteIndex {
  articles: Map<string, Article>;
  redirects: Set<string>;
  authors: Set<string>;
  sections: Set<string>;
  tags: Set<string>;
  publicDir: string;
}

const LISTING_PATH = /^\/(articles|authors|tags|sections)\/([^/]+)(?:\/page\/\d+)?\/?$/;

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function linkProblem(
  link: BodyLink,
  site: SiteIndex,
  from: Article | undefined,
): { severity: 'error' | 'warning'; message: string } | undefined {
  if (!link.url.startsWith('/') || link.url.startsWith('//')) return undefined;
  const pathname = link.url.split(/[?#]/)[0] ?? '';
  const match = LISTING_PATH.exec(pathname);
  if (!match) {
    if (link.kind === 'image' || /\.[a-z0-9]+$/i.test(pathname)) {
      const file = decodeSegment(pathname);
      const onDisk = file === undefined ? '' : path.join(site.publicDir, file);
      if (!onDisk.startsWith(site.publicDir + path.sep) || !fs.existsSync(onDisk)) {
        return {
          severity: 'error',
          message: `${link.kind === 'image' ? 'the image' : 'the link'} ${link.url} points to a file that does not exist (no public${pathname})`,
        };
      }
    }
    return undefined;
  }
  const kind = match[1];
  const slug = decodeSegment(match[2] ?? '') ?? '';
  const broken = (what: string) => ({
    severity: 'error' as const,
    message: `the link ${link.url} is broken: there is no ${what} "${slug}"`,
  });
  if (kind === 'articles') {
    const target = site.articles.get(slug);
    if (!target) return site.redirects.has(slug) ? undefined : broken('article');
    if (from?.status === 'published' && target.status !== 'published') {
      return {
        severity: 'warning',
        message: `the link ${link.url} goes to a ${target.status === 'draft' ? 'draft' : 'scheduled article'}, so it will be broken until that article is published`,
      };
    }
    return undefined;
  }
  if (kind === 'authors') return site.authors.has(slug) ? undefined : broken('author');
  if (kind === 'sections') return site.sections.has(slug) ? undefined : broken('section');
  return site.tags.has(tagSlug(slug)) ? undefined : broken('published article with the tag');
}

export type CheckOptions = LoadOptions;

/** Everything `npm run content:check` verifies: the loader's checks (bodies included) plus links. */
export function checkContent(options: CheckOptions): CheckResult {
  const loaded = loadContent(options);
  const issues = [...loaded.issues];
  const published = loaded.articles.filter((article) => article.status === 'published');
  const site: SiteIndex = {
    articles: new Map(loaded.articles.map((article) => [article.slug, article])),
    redirects: new Set(loaded.articles.flatMap((article) => article.redirectFrom)),
    authors: new Set(loaded.authors.map((author) => author.slug)),
    sections: new Set(loaded.sections.map((section) => section.slug)),
    tags: new Set(published.flatMap((article) => article.tags.map((tag) => tag.slug))),
    publicDir: path.resolve(options.publicDir),
  };
  const byFile = new Map(loaded.articles.map((article) => [article.file, article]));
  for (const [source, verdict] of loaded.verdicts) {
    for (const link of verdict.links) {
      const problem = linkProblem(link, site, byFile.get(source.file));
      if (problem) issues.push({ file: source.file, line: link.line, column: link.column, ...problem });
    }
  }
  issues.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.message.localeCompare(b.message),
  );
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return { files: loaded.files, issues, errors, warnings: issues.length - errors };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function formatReport(result: CheckResult): string {
  return [
    ...result.issues.map(formatIssue),
    `${plural(result.files, 'file')}, ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}`,
  ].join('\n');
}
