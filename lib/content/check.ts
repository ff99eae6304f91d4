import fs from 'node:fs';
import { contentFile, readManifest } from './blobs';
import path from 'node:path';
import { type ContentIssue, formatIssue } from './issues';
import { type Article, bodyIssues, type LoadOptions, loadContent, type SourceBody } from './load';
import { knownBody } from './parsed';
import type { BodyLink, BodyVerdict } from './sanitise';
import { defaultLocale, locales } from '../site';
import { slugify } from './slug';
import { articlesFolder } from './translations';
import { readBody } from './source';
import { SearchTextWriter, searchTextFile } from './search-texts';
import { bodyKey, knownVerdict, readCache, rememberVerdict, writeCache } from './verdicts';
import { startWorker } from '../worker-thread';

export interface CheckResult {
  files: number;
  issues: ContentIssue[];
  errors: number;
  warnings: number;
  /** Bodies parsed in this run, and bodies whose verdict came from the cache. */
  parsed: number;
  fromCache: number;
}

export interface BodyJob {
  key: string;
  body: string;
  line: number;
}

/** A body's key, the verdict on it and its search text. */
export type JudgedBody = [key: string, verdict: BodyVerdict, text: string];

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
  return site.tags.has(slugify(slug)) ? undefined : broken('published article with the tag');
}

export interface CheckOptions extends Omit<LoadOptions, 'judge'> {
  /** Parse bodies in this many worker threads (0: in this thread, inside loadContent). */
  workers?: number;
  /** Check only these files (absolute paths); the rest of the content is read for cross-references. */
  only?: readonly string[];
  onProgress?: (parsed: number, total: number) => void;
}

// Below this many bodies to parse, starting workers (each loads the pipeline) costs more than it saves.
const MIN_PARALLEL = 48;
const CHUNK = 16;
// Chunks in flight per worker: 4,000 bodies, more than the frontmatter of 10,000 files takes to load.
const WINDOW = 250;

/**
 * Judges bodies on a pool of worker threads, emptying `jobs`. Each worker is kept WINDOW chunks
 * ahead (round robin), so it keeps parsing while this thread loads the frontmatter; a body is let
 * go once posted, so a cold check of 100,000 stories does not hold every body in every thread.
 */
async function judgeInWorkers(
  jobs: BodyJob[],
  count: number,
  onDone: (results: JudgedBody[]) => void,
): Promise<void> {
  const queues: BodyJob[][][] = Array.from(
    { length: Math.min(count, Math.ceil(jobs.length / CHUNK)) },
    () => [],
  );
  for (let chunk = 0; jobs.length > 0; chunk++) {
    queues[chunk % queues.length]?.push(jobs.splice(0, CHUNK));
  }
  const workers = queues.map(() => startWorker(import.meta.url, 'check-worker'));
  try {
    await Promise.all(
      workers.map(
        (worker, index) =>
          new Promise<void>((resolve, reject) => {
            const queue = queues[index] ?? [];
            let pending = queue.length;
            const postNext = () => {
              const chunk = queue.shift();
              if (chunk) worker.postMessage(chunk);
            };
            worker.on('message', (results: JudgedBody[]) => {
              onDone(results);
              postNext();
              if (--pending === 0) resolve();
            });
            worker.on('error', reject);
            for (let posted = 0; posted < WINDOW; posted++) postNext();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** One file's body, read without parsing the frontmatter. */
function bodyJob(bytes: Uint8Array): BodyJob | undefined {
  const read = readBody(bytes);
  return read && { key: bodyKey(read.body, read.line), body: read.body, line: read.line };
}

/**
 * The body of every article and author file: the cached verdict when there is one, otherwise
 * the body itself to be judged (only those are kept, so a warm check holds no bodies). A file
 * version this process has parsed before is not even read when its body's verdict is known.
 */
function readBodies(contentDir: string, cached: ReadonlyMap<string, BodyVerdict>) {
  const jobs: BodyJob[] = [];
  const verdicts = new Map<string, BodyVerdict>();
  const manifest = readManifest(contentDir);
  let count = 0;
  for (const folder of ['authors', ...locales.map((locale) => articlesFolder(locale.code))]) {
    const dir = path.join(contentDir, folder);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith('.') || !name.endsWith('.mdx')) continue;
      const file = contentFile(path.join(dir, name), path.join(folder, name), manifest);
      const key = knownBody(file.id)?.key;
      const known = key === undefined ? undefined : (knownVerdict(key) ?? cached.get(key));
      if (key !== undefined && known) {
        count++;
        verdicts.set(key, known);
        continue;
      }
      const job = bodyJob(file.bytes());
      if (!job) continue;
      count++;
      const hit = knownVerdict(job.key) ?? cached.get(job.key);
      if (hit) verdicts.set(job.key, hit);
      else jobs.push(job);
    }
  }
  return { jobs, verdicts, count };
}

// The parser stack (body.ts) takes a while to load: it is imported only when a body must be parsed.
const pipeline = () => import('./body');

/**
 * The verdict on every body, from the cache or parsed (on worker threads when there are many,
 * started before the frontmatter is loaded so both run at once), and the loaded content. The
 * search text of each body parsed comes from the same parse, for the search index (search-texts.ts).
 */
async function loadWithCache(options: CheckOptions, cacheFile: string) {
  const cached = readCache(cacheFile);
  const { jobs, verdicts, count } = readBodies(options.contentDir, cached);
  const fromCache = verdicts.size;
  const total = jobs.length;
  const texts = new SearchTextWriter(searchTextFile(cacheFile));
  let done = 0;
  const judged = (results: JudgedBody[]) => {
    for (const [key, verdict] of results) {
      verdicts.set(key, verdict);
      options.onProgress?.(++done, total);
    }
    texts.add(results.map(([key, , text]) => [key, text]));
  };
  const workers = options.workers ?? 0;
  const judging = (
    workers > 0 && jobs.length >= MIN_PARALLEL
      ? judgeInWorkers(jobs, workers, judged)
      : jobs.length > 0
        ? pipeline().then(({ judgeWithText }) => {
            for (const job of jobs) {
              const { verdict, text } = judgeWithText(job.body, job.line);
              judged([[job.key, verdict, text]]);
            }
          })
        : undefined
  )?.finally(() => texts.close());
  const loaded = loadContent({
    ...options,
    judge: () => ({ problems: [], links: [] }),
    cacheFile: undefined,
    judgeOnly: new Set(),
  });
  await judging;
  const sources = new Map<SourceBody, BodyVerdict>();
  for (const source of loaded.bodies) {
    let verdict = verdicts.get(source.key);
    if (!verdict) {
      const job = bodyJob(fs.readFileSync(path.join(path.dirname(options.contentDir), source.file)));
      verdict = (await pipeline()).judgeBody(job?.body ?? '', source.line);
      verdicts.set(source.key, verdict);
    }
    sources.set(source, verdict);
    rememberVerdict(source.key, verdict);
  }
  if (total > 0 || verdicts.size !== cached.size) writeCache(cacheFile, verdicts);
  return {
    loaded: { ...loaded, verdicts: sources, issues: [...loaded.issues, ...bodyIssues(sources, options)] },
    counts: { parsed: count - fromCache, fromCache },
  };
}

/** Everything `npm run content:check` verifies: the loader's checks (bodies included) plus links. */
export async function checkContent(options: CheckOptions): Promise<CheckResult> {
  const relative = (file: string) =>
    path.join(path.basename(options.contentDir), path.relative(options.contentDir, path.resolve(file)));
  const only = options.only && new Set(options.only.map(relative));
  let counts: { parsed: number; fromCache: number };
  let loaded: ReturnType<typeof loadContent>;
  if (!only && options.cacheFile) {
    ({ loaded, counts } = await loadWithCache(options, options.cacheFile));
  } else {
    const { judgeBody } = await pipeline();
    loaded = loadContent({
      ...options,
      judge: judgeBody,
      ...(only && { cacheFile: undefined, judgeOnly: only }),
    });
    counts = { parsed: loaded.verdicts.size, fromCache: 0 };
  }
  const selected = (file: string) => !only || only.has(file);
  const issues = loaded.issues.filter((issue) => selected(issue.file));
  // Links like /articles/<slug> name default-language stories (another language's are prefixed).
  const originals = loaded.articles.filter((article) => article.locale === defaultLocale);
  const published = originals.filter((article) => article.status === 'published');
  const site: SiteIndex = {
    articles: new Map(originals.map((article) => [article.slug, article])),
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
  return {
    files: only ? only.size : loaded.files,
    issues,
    errors,
    warnings: issues.length - errors,
    ...counts,
  };
}

function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}

export function formatReport(result: CheckResult): string {
  return [
    ...result.issues.map(formatIssue),
    `${plural(result.parsed + result.fromCache, 'body', 'bodies')}: ${result.parsed} parsed, ${result.fromCache} from the cache`,
    `${plural(result.files, 'file')}, ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}`,
  ].join('\n');
}
