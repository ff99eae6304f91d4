import fs from 'node:fs';
import path from 'node:path';
import { type ContentIssue, schemaIssues } from './issues';
import {
  ARTICLE_FIELDS,
  AUTHOR_FIELDS,
  articleFrontmatterSchema,
  authorFrontmatterSchema,
  type ArticleFrontmatter,
  type AuthorFrontmatter,
  type Section,
  sectionsFileSchema,
  SLUG_PATTERN,
} from './schema';
import { idleWarning, type LiveCoverage, parseLive, strayUpdates } from './live';
import { countWords, WORDS_PER_MINUTE } from './reading-time';
import { slugify } from './slug';
import { defaultLocale, type Locale, localePath, locales, site } from '../site';
import {
  articlesFolder,
  type TranslationEntry,
  translationIssues,
  unknownLocaleFolders,
} from './translations';
import { withBodyFromFile } from './article-body';
import { decodeUtf8, parseFrontmatterFile, parseYaml, type Position } from './source';
import type { BodyVerdict } from './sanitise';
import { type BodyJudge, bodyKey, type Judging, startJudging } from './verdicts';

export type PublicationStatus = 'published' | 'draft' | 'scheduled';

export type SectionEntry = Section & { url: string };

export type Author = AuthorFrontmatter & {
  slug: string;
  url: string;
  bio: string;
  body: string;
  bodyLine: number;
};

export interface Tag {
  name: string;
  slug: string;
  url: string;
}

export type { LiveCoverage, LiveUpdate } from './live';

export type Article = Omit<ArticleFrontmatter, 'authors' | 'section' | 'tags' | 'live'> & {
  slug: string;
  /** The language it is written in: content/articles/ is the default's, content/<locale>/articles/ another's. */
  locale: Locale;
  url: string;
  file: string;
  status: PublicationStatus;
  authors: Author[];
  section: SectionEntry;
  tags: Tag[];
  /** Read from the file when asked for (see articleBody), so a large archive is not held in memory. */
  readonly body: string;
  bodyLine: number;
  /** The body's key in the verdict cache: what it was when loaded. */
  bodyHash: string;
  published: Date;
  modified: Date;
  /** `updated`, or the newest live update when that is later, as written (with its offset). */
  dateModified: string;
  live?: LiveCoverage;
  readingTime: { minutes: number; words: number; text: string };
};

export interface SourceBody {
  file: string;
  line: number;
  key: string;
}

export interface LoadedContent {
  files: number;
  /** The body of every article and author file whose frontmatter could be read. */
  bodies: SourceBody[];
  /** The pipeline's verdict on each of those bodies. */
  verdicts: Map<SourceBody, BodyVerdict>;
  articles: Article[];
  authors: Author[];
  sections: SectionEntry[];
  issues: ContentIssue[];
}

export interface LoadOptions {
  contentDir: string;
  publicDir: string;
  now: Date;
  /** `judgeBody` from body.ts: the content check passes it only once it has bodies to parse. */
  judge: BodyJudge;
  /** Where verdicts on bodies are kept between runs (see verdicts.ts); none when undefined. */
  cacheFile?: string;
  /**
   * A body the pipeline refuses is an error, so no build mode can publish it. Only the end-to-end
   * suite lowers it to a warning, to prove that such a body still renders inert everywhere.
   */
  refusedBodies?: 'error' | 'warning';
  /** Judge only the bodies of these files (content-relative names, as in issues). */
  judgeOnly?: ReadonlySet<string>;
}

interface Collected {
  files: number;
  bodies: SourceBody[];
  verdicts: Map<SourceBody, BodyVerdict>;
  judging: Judging;
  judgeOnly?: ReadonlySet<string>;
}

/** Notes a body and, unless `judgeOnly` leaves it to the caller, judges it now (not kept). */
function collectBody(collected: Collected, file: string, body: string, line: number, key: string) {
  const source = { file, line, key };
  collected.bodies.push(source);
  if (collected.judgeOnly && !collected.judgeOnly.has(file)) return;
  collected.verdicts.set(source, collected.judging.verdict(body, line, key));
}

export const HEADLINE_WARN_LENGTH = 110;
export const SUMMARY_WARN_LENGTH = 200;

const SECTIONS_FILE = 'sections.yaml';

interface FileEntry {
  relative: string;
  absolute: string;
  slug: string;
  text: string;
}

function relativeName(options: LoadOptions, absolute: string): string {
  return path.join(path.basename(options.contentDir), path.relative(options.contentDir, absolute));
}

/** The collection's files, each read as it is reached, so the loader never holds them all. */
function* readCollection(
  options: LoadOptions,
  folder: string,
  kind: string,
  issues: ContentIssue[],
  collected: Collected,
): Generator<FileEntry> {
  const dir = path.join(options.contentDir, folder);
  if (!fs.existsSync(dir)) {
    issues.push({
      file: relativeName(options, dir),
      line: 1,
      column: 1,
      severity: 'error',
      message: `the folder is missing: ${kind.replace(/^an? /, '')} files live in ${folder}/`,
    });
    return;
  }
  const seen = new Map<string, string>();
  for (const dirent of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (dirent.name.startsWith('.')) continue;
    collected.files++;
    const absolute = path.join(dir, dirent.name);
    const relative = relativeName(options, absolute);
    const problem = (message: string) =>
      issues.push({ file: relative, line: 1, column: 1, severity: 'error', message });
    if (!dirent.isFile() || !dirent.name.endsWith('.mdx')) {
      problem(`is not ${kind} file: everything in ${folder}/ must be a .mdx file`);
      continue;
    }
    const slug = dirent.name.slice(0, -'.mdx'.length);
    const twin = seen.get(slug.toLowerCase());
    if (twin) {
      problem(
        twin.endsWith(dirent.name)
          ? `has the same slug as ${twin}`
          : `has the same slug as ${twin} apart from letter case; URLs are lowercase, so one must be renamed`,
      );
      continue;
    }
    seen.set(slug.toLowerCase(), relative);
    if (!SLUG_PATTERN.test(slug)) {
      problem(
        `the file name is the URL slug and must use only lowercase letters, digits and single hyphens (like ${suggestSlug(slug)}.mdx)`,
      );
      continue;
    }
    const decoded = decodeUtf8(fs.readFileSync(absolute));
    if ('error' in decoded) {
      problem(`the file ${decoded.error}`);
      continue;
    }
    yield { relative, absolute, slug, text: decoded.text };
  }
}

function suggestSlug(name: string): string {
  return slugify(name) || 'my-story';
}

function loadSections(
  options: LoadOptions,
  issues: ContentIssue[],
  collected: Collected,
): SectionEntry[] {
  const absolute = path.join(options.contentDir, SECTIONS_FILE);
  const file = relativeName(options, absolute);
  if (!fs.existsSync(absolute)) {
    issues.push({
      file,
      line: 1,
      column: 1,
      severity: 'error',
      message: 'the sections file is missing: declare the sections (slug, name, description) here',
    });
    return [];
  }
  collected.files++;
  const decoded = decodeUtf8(fs.readFileSync(absolute));
  if ('error' in decoded) {
    issues.push({ file, line: 1, column: 1, severity: 'error', message: `the file ${decoded.error}` });
    return [];
  }
  const parsed = parseYaml(decoded.text.replace(/^\uFEFF/, ''));
  if (parsed.problems.length) {
    issues.push(...parsed.problems.map((p) => ({ file, ...p, severity: 'error' as const })));
    return [];
  }
  const result = sectionsFileSchema.safeParse(parsed.data);
  if (!result.success) {
    issues.push(
      ...schemaIssues(result.error, {
        ...parsed,
        file,
        allowedFields: ['slug', 'name', 'description'],
      }),
    );
    return [];
  }
  const sections: SectionEntry[] = [];
  const seen = new Set<string>();
  result.data.forEach((section, index) => {
    if (seen.has(section.slug)) {
      issues.push({
        file,
        ...parsed.locate([index, 'slug']),
        severity: 'error',
        message: `section "${section.slug}" is declared twice`,
      });
      return;
    }
    seen.add(section.slug);
    sections.push({ ...section, url: `/sections/${section.slug}` });
  });
  return sections;
}

function checkImage(
  options: LoadOptions,
  image: string | undefined,
  at: Position,
  field: string,
  file: string,
  issues: ContentIssue[],
) {
  if (!image) return;
  if (/^https:\/\//i.test(image)) {
    const host = URL.canParse(image) ? new URL(image).hostname : '';
    if (!site.remoteImageHosts.includes(host)) {
      issues.push({
        file,
        ...at,
        severity: 'error',
        message: `"${field}" is on ${host || 'an unreadable host'}, which is not in remoteImageHosts in lib/image-hosts.js; add the host there (the image optimiser fetches only from listed hosts) or copy the image under public/`,
      });
    }
    return;
  }
  if (!image.startsWith('/')) return;
  const onDisk = path.join(options.publicDir, decodeURI(image));
  if (!onDisk.startsWith(options.publicDir) || !fs.existsSync(onDisk)) {
    issues.push({
      file,
      ...at,
      severity: 'error',
      message: `"${field}" points to ${image}, but there is no file public${image}`,
    });
  }
}

function loadAuthors(options: LoadOptions, issues: ContentIssue[], collected: Collected): Author[] {
  const authors: Author[] = [];
  for (const entry of readCollection(options, 'authors', 'an author', issues, collected)) {
    const source = parseFrontmatterFile(entry.text);
    if (source.problems.length) {
      issues.push(
        ...source.problems.map((p) => ({ file: entry.relative, ...p, severity: 'error' as const })),
      );
      continue;
    }
    collectBody(
      collected,
      entry.relative,
      source.body,
      source.bodyLine,
      bodyKey(source.body, source.bodyLine),
    );
    const result = authorFrontmatterSchema.safeParse(source.data);
    if (!result.success) {
      issues.push(
        ...schemaIssues(result.error, {
          ...source,
          file: entry.relative,
          allowedFields: AUTHOR_FIELDS,
        }),
      );
      continue;
    }
    checkImage(options, result.data.avatar, source.locate(['avatar']), 'avatar', entry.relative, issues);
    authors.push({
      ...result.data,
      slug: entry.slug,
      url: `/authors/${entry.slug}`,
      bio: source.body.trim(),
      body: source.body,
      bodyLine: source.bodyLine,
    });
  }
  return authors;
}

function loadArticles(
  options: LoadOptions,
  authors: Map<string, Author>,
  sections: Map<string, SectionEntry>,
  sectionsKnown: boolean,
  issues: ContentIssue[],
  collected: Collected,
  locale: Locale,
  translations: TranslationEntry[],
): Article[] {
  const articles: Article[] = [];
  const folder = articlesFolder(locale);
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
    let valid = true;
    const articleAuthors: Author[] = [];
    data.authors.forEach((slug, index) => {
      const author = authors.get(slug);
      if (author) articleAuthors.push(author);
      else {
        valid = false;
        fileIssue(
          source.locate(['authors', index]),
          `"authors" names "${slug}", but there is no author file content/authors/${slug}.mdx (known authors: ${[...authors.keys()].join(', ') || 'none'})`,
        );
      }
    });
    const section = sections.get(data.section);
    if (!section) {
      valid = false;
      if (sectionsKnown) {
        fileIssue(
          source.locate(['section']),
          `"section" is "${data.section}", which is not declared in content/${SECTIONS_FILE} (sections: ${[...sections.keys()].join(', ')})`,
        );
      }
    }
    const tags = new Map<string, Tag>();
    data.tags.forEach((name, index) => {
      const slug = slugify(name);
      if (!slug) {
        valid = false;
        fileIssue(
          source.locate(['tags', index]),
          `tag "${name}" has no letters or digits, so it cannot have a page`,
        );
      } else if (!tags.has(slug)) {
        tags.set(slug, { name, slug, url: localePath(locale, `/tags/${encodeURIComponent(slug)}`) });
      }
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
    const url = localePath(locale, `/articles/${entry.slug}`);
    translations.push({
      file: entry.relative,
      locale,
      slug: entry.slug,
      translationOf: data.translationOf,
      date: data.date,
      updated: data.updated,
      locate: source.locate,
    });
    const live = data.live
      ? parseLive(data.live, source.body, source.bodyLine, options.now, url)
      : { coverage: undefined, problems: strayUpdates(source.body, source.bodyLine) };
    for (const p of live.problems) fileIssue(p, p.message);
    const idle = live.coverage && !data.draft && idleWarning(live.coverage, options.now);
    if (idle) fileIssue(source.locate(['live']), idle, 'warning');
    if (!valid || !section) continue;
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
      authors: articleAuthors,
      section,
      tags: [...tags.values()],
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

function checkRedirects(articles: Article[], issues: ContentIssue[]) {
  const live = new Set(articles.map((article) => article.slug));
  const claimed = new Map<string, string>();
  for (const article of articles) {
    for (const old of article.redirectFrom) {
      if (live.has(old)) {
        issues.push({
          file: article.file,
          line: 1,
          column: 1,
          severity: 'error',
          message: `"redirectFrom" lists "${old}", which is the slug of a live article; remove it or rename that article`,
        });
      }
      const other = claimed.get(old);
      if (other) {
        issues.push({
          file: article.file,
          line: 1,
          column: 1,
          severity: 'error',
          message: `"redirectFrom" lists "${old}", which ${other} already redirects`,
        });
      }
      claimed.set(old, article.file);
    }
  }
}

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

export function loadContent(options: LoadOptions): LoadedContent {
  const issues: ContentIssue[] = [];
  const collected: Collected = {
    files: 0,
    bodies: [],
    verdicts: new Map(),
    judging: startJudging(options.cacheFile, options.judge),
    judgeOnly: options.judgeOnly,
  };
  const sections = loadSections(options, issues, collected);
  const authors = loadAuthors(options, issues, collected);
  const translations: TranslationEntry[] = [];
  const articles = locales.flatMap((info) =>
    loadArticles(
      options,
      new Map(authors.map((author) => [author.slug, author])),
      new Map(sections.map((section) => [section.slug, section])),
      sections.length > 0,
      issues,
      collected,
      info.code,
      translations,
    ),
  );
  issues.push(...unknownLocaleFolders(options.contentDir), ...translationIssues(translations));
  checkRedirects(
    articles.filter((article) => article.locale === defaultLocale),
    issues,
  );
  collected.judging.finish();
  const { verdicts } = collected;
  issues.push(...bodyIssues(verdicts, options));
  articles.sort(
    (a, b) => b.published.getTime() - a.published.getTime() || a.slug.localeCompare(b.slug),
  );
  return {
    files: collected.files,
    bodies: collected.bodies,
    verdicts,
    articles,
    authors,
    sections,
    issues,
  };
}
