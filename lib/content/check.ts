import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BodyLink, BodyVerdict } from './body';
import { type ContentIssue, formatIssue } from './issues';
import { type Article, type LoadOptions, loadContent } from './load';
import { slugify } from './slug';
import { decodeUtf8, splitFrontmatter } from './source';
import { bodyKey, readCache, writeCache } from './verdicts';

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

export interface CheckOptions extends LoadOptions {
  /** Parse bodies in this many worker threads (0: in this thread, inside loadContent). */
  workers?: number;
  /** Check only these files (absolute paths); the rest of the content is read for cross-references. */
  only?: readonly string[];
  onProgress?: (parsed: number, total: number) => void;
}

// Below this many bodies to parse, starting workers (each loads the pipeline) costs more than it saves.
const MIN_PARALLEL = 48;
const CHUNK = 16;

// The worker is TypeScript: under tsx (the npm scripts) or vitest it needs tsx's loader, which a
// worker thread does not inherit, so a one-line module registers it first.
function startWorker(): Worker {
  const entry = new URL('./check-worker.ts', import.meta.url).href;
  const tsx = pathToFileURL(
    createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}

/** Judges bodies on a pool of worker threads, handing out small chunks so the cores stay even. */
async function judgeInWorkers(
  jobs: BodyJob[],
  count: number,
  onDone: (key: string, verdict: BodyVerdict) => void,
): Promise<void> {
  const queue = [...jobs];
  const workers = Array.from({ length: Math.min(count, Math.ceil(jobs.length / CHUNK)) }, startWorker);
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const chunk = queue.splice(0, CHUNK);
              if (chunk.length === 0) resolve();
              else worker.postMessage(chunk);
            };
            worker.on('message', (results: [string, BodyVerdict][]) => {
              for (const [key, verdict] of results) onDone(key, verdict);
              next();
            });
            worker.on('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** The body of every article and author file, read without parsing the frontmatter. */
function readBodies(contentDir: string): BodyJob[] {
  const jobs: BodyJob[] = [];
  for (const folder of ['authors', 'articles']) {
    const dir = path.join(contentDir, folder);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith('.') || !name.endsWith('.mdx')) continue;
      const decoded = decodeUtf8(fs.readFileSync(path.join(dir, name)));
      if ('error' in decoded) continue;
      const split = splitFrontmatter(decoded.text.replace(/^\uFEFF/, ''));
      if (typeof split === 'string') continue;
      jobs.push({ key: bodyKey(split.body, split.bodyLine), body: split.body, line: split.bodyLine });
    }
  }
  return jobs;
}

/**
 * Fills the cache with a verdict for every body, parsing the ones it lacks on worker threads, so
 * that loadContent then finds them all there. Returns how many were parsed and how many cached.
 */
async function prejudge(options: CheckOptions): Promise<{ parsed: number; fromCache: number }> {
  const bodies = readBodies(options.contentDir);
  const cached = readCache(options.cacheFile);
  const verdicts = new Map<string, BodyVerdict>();
  const pending = new Map<string, BodyJob>();
  let fromCache = 0;
  for (const job of bodies) {
    const hit = cached.get(job.key);
    if (hit) {
      verdicts.set(job.key, hit);
      fromCache++;
    } else pending.set(job.key, job);
  }
  const jobs = [...pending.values()];
  if ((options.workers ?? 0) > 0 && jobs.length >= MIN_PARALLEL) {
    let done = 0;
    await judgeInWorkers(jobs, options.workers ?? 0, (key, verdict) => {
      verdicts.set(key, verdict);
      options.onProgress?.(++done, jobs.length);
    });
    writeCache(options.cacheFile, verdicts);
  }
  return { parsed: bodies.length - fromCache, fromCache };
}

/** Everything `npm run content:check` verifies: the loader's checks (bodies included) plus links. */
export async function checkContent(options: CheckOptions): Promise<CheckResult> {
  const relative = (file: string) =>
    path.join(path.basename(options.contentDir), path.relative(options.contentDir, path.resolve(file)));
  const only = options.only && new Set(options.only.map(relative));
  let counts = { parsed: 0, fromCache: 0 };
  if (!only && options.cacheFile) counts = await prejudge(options);
  const loaded = loadContent(
    only ? { ...options, cacheFile: undefined, judgeOnly: only } : options,
  );
  if (only || !options.cacheFile) counts = { parsed: loaded.verdicts.size, fromCache: 0 };
  const selected = (file: string) => !only || only.has(file);
  const issues = loaded.issues.filter((issue) => selected(issue.file));
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
