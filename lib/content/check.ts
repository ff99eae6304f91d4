import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type ContentIssue, formatIssue } from './issues';
import { type Article, type LoadOptions, loadContent, tagSlug } from './load';
import type { MdxInspection, MdxLink } from './mdx';

export interface CheckResult {
  files: number;
  issues: ContentIssue[];
  errors: number;
  warnings: number;
  /** Bodies parsed in this run, and bodies whose result came from the cache. */
  parsed: number;
  fromCache: number;
}

export interface BodyJob {
  key: string;
  body: string;
  line: number;
}

// Below this many bodies, starting workers (each loads the parser) costs more than it saves.
const MIN_PARALLEL = 48;

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
  link: MdxLink,
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

export interface CheckOptions extends LoadOptions {
  /** Where to keep parsed bodies between runs, so unchanged files are not parsed again. */
  cacheFile?: string;
  /** Parse bodies in this many worker threads (0: in this thread). */
  workers?: number;
  /** Check only these files (absolute paths); the rest of the content is read for cross-references. */
  only?: readonly string[];
  onProgress?: (parsed: number, total: number) => void;
}

// Cached inspections are only valid for the rules that produced them: the key covers the source of
// the inspector and its URL rules and the parser versions, so changing any of them re-parses.
const CACHE_SOURCES = ['./mdx.ts', './urls.ts'];
const PARSER_PACKAGES = ['remark-parse', 'remark-mdx', 'remark-gfm', 'micromark'];

function cacheVersion(): string {
  const hash = createHash('sha256');
  for (const source of CACHE_SOURCES) hash.update(fs.readFileSync(new URL(source, import.meta.url)));
  for (const name of PARSER_PACKAGES) {
    try {
      hash.update(fs.readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url)));
    } catch {
      hash.update(`${name}@?`);
    }
  }
  return hash.digest('hex');
}

function readCache(file: string | undefined, version: string): Map<string, MdxInspection> {
  if (!file) return new Map();
  try {
    const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (Array.isArray(data) && data[0] === version && Array.isArray(data[1])) {
      return new Map(data[1]);
    }
  } catch {
    // A missing or unreadable cache only means every body is parsed again.
  }
  return new Map();
}

function writeCache(file: string | undefined, version: string, entries: Map<string, MdxInspection>) {
  if (!file) return;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify([version, [...entries]]));
  } catch {
    // The cache is an optimisation; failing to write it is not a content problem.
  }
}

async function inspectHere(
  jobs: BodyJob[],
  onDone: (job: BodyJob, inspection: MdxInspection) => void,
): Promise<void> {
  if (jobs.length === 0) return;
  const { inspectMdx } = await import('./mdx');
  for (const job of jobs) onDone(job, inspectMdx(job.body, job.line));
}

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

interface Pool {
  run(jobs: BodyJob[], onDone: (job: BodyJob, inspection: MdxInspection) => void): Promise<void>;
  close(): Promise<void>;
}

function startPool(count: number): Pool {
  const workers = Array.from({ length: count }, startWorker);
  return {
    async run(jobs, onDone) {
      const queue = [...jobs];
      const byKey = new Map(jobs.map((job) => [job.key, job]));
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              const next = () => {
                const chunk = queue.splice(0, CHUNK);
                if (chunk.length === 0) {
                  worker.off('message', receive);
                  worker.off('error', reject);
                  resolve();
                } else worker.postMessage(chunk);
              };
              const receive = (results: [string, MdxInspection][]) => {
                for (const [key, inspection] of results) {
                  const job = byKey.get(key);
                  if (job) onDone(job, inspection);
                }
                next();
              };
              worker.on('message', receive);
              worker.on('error', reject);
              next();
            }),
        ),
      );
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** Everything `npm run content:check` verifies: the loader's checks plus MDX bodies and links. */
export async function checkContent(options: CheckOptions): Promise<CheckResult> {
  const version = cacheVersion();
  const cached = readCache(options.cacheFile, version);
  const workers = options.workers ?? 0;
  // With no usable cache every body will be parsed: the workers load the parser while this thread
  // reads the frontmatter.
  let pool = workers > 0 && cached.size === 0 && !options.only ? startPool(workers) : undefined;
  try {
    return await check(options, version, cached, workers, () => (pool ??= startPool(workers)));
  } finally {
    await pool?.close();
  }
}

async function check(
  options: CheckOptions,
  version: string,
  cached: Map<string, MdxInspection>,
  workers: number,
  pool: () => Pool,
): Promise<CheckResult> {
  const loaded = loadContent(options);
  const only = options.only && new Set(options.only.map((file) => path.resolve(file)));
  const relative = (file: string) =>
    path.join(path.basename(options.contentDir), path.relative(options.contentDir, file));
  const wanted = only && new Set([...only].map(relative));
  const selected = (file: string) => !wanted || wanted.has(file);

  const used = new Map<string, MdxInspection>();
  const pending = new Map<string, BodyJob>();
  const bodies = loaded.bodies
    .filter((source) => selected(source.file))
    .map((source) => ({
      ...source,
      key: createHash('sha1').update(`${source.line}\n${source.body}`).digest('base64'),
    }));
  let fromCache = 0;
  for (const { key, body, line } of bodies) {
    const hit = cached.get(key);
    if (hit) {
      used.set(key, hit);
      fromCache++;
    } else pending.set(key, { key, body, line });
  }
  const jobs = [...pending.values()];
  let done = 0;
  const onDone = (job: BodyJob, inspection: MdxInspection) => {
    used.set(job.key, inspection);
    options.onProgress?.(++done, jobs.length);
  };
  if (workers > 0 && jobs.length >= MIN_PARALLEL) await pool().run(jobs, onDone);
  else await inspectHere(jobs, onDone);
  if (!only) writeCache(options.cacheFile, version, used);
  else if (options.cacheFile) writeCache(options.cacheFile, version, new Map([...cached, ...used]));

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
  for (const source of bodies) {
    const inspection = used.get(source.key);
    if (!inspection) continue;
    for (const problem of inspection.problems) {
      issues.push({ file: source.file, ...problem, severity: 'error' });
    }
    for (const link of inspection.links) {
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
    files: wanted ? wanted.size : loaded.files,
    issues,
    errors,
    warnings: issues.length - errors,
    parsed: bodies.length - fromCache,
    fromCache,
  };
}

function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}

export function formatReport(result: CheckResult): string {
  const bodies = result.parsed + result.fromCache;
  return [
    ...result.issues.map(formatIssue),
    `${plural(bodies, 'body', 'bodies')}: ${result.parsed} parsed, ${result.fromCache} from the cache`,
    `${plural(result.files, 'file')}, ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}`,
  ].join('\n');
}
