import fs from 'node:fs';
import path from 'node:path';
import { now } from '@/lib/clock';
import { contentDir, settings } from '@/lib/settings.js';
import { defaultLocale, type Locale, locales, site } from '@/lib/site';
import { judgeBody } from './body';
import { ContentError } from './issues';
import { type Article, type Author, loadContent, type SectionEntry, type Tag } from './load';
import { articleAt, nextChangeAfter } from './timing';
import { verdictCacheFile } from './verdicts';

export type {
  Article,
  Author,
  LiveCoverage,
  LiveUpdate,
  PublicationStatus,
  SectionEntry,
  Tag,
} from './load';
export { ContentError, formatIssue, type ContentIssue } from './issues';

export interface TagEntry extends Tag {
  count: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  totalPages: number;
}

/** One language's stories and the listings derived from them. */
interface LocaleIndex {
  articles: Article[];
  bySlug: Map<string, Article>;
  tags: TagEntry[];
  byTag: Map<string, Article[]>;
  positions: Map<Article, number>;
  tagPositions: Map<string, number[]>;
  bySection: Map<string, Article[]>;
  byAuthor: Map<string, Article[]>;
}

interface ContentIndex extends LocaleIndex {
  locales: Map<Locale, LocaleIndex>;
  /** Every story that loaded, drafts and scheduled ones too: only preview links reach these. */
  anyStatus: Map<string, Article>;
  sections: SectionEntry[];
  authors: Author[];
  redirects: Map<string, string>;
  /** Each translated story's published versions, keyed by the default-language slug. */
  translations: Map<string, Article[]>;
}

export { contentDir };
export const showUnpublished = process.env.NODE_ENV === 'development';

// Under `next dev` the content files are not part of the module graph, so nothing tells this
// module they changed: it compares names, sizes and modification times (microseconds for 1,000
// files) on every access and rebuilds when they differ. Production loads the content once.
function contentSignature(): string {
  if (!showUnpublished) return '';
  const parts: string[] = [];
  const visit = (dir: string) => {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      parts.push(`${dir}:missing`);
      return;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (stat?.isDirectory()) visit(file);
      else if (stat) parts.push(`${file}:${stat.size}:${stat.mtimeMs}`);
    }
  };
  visit(contentDir);
  return parts.join('\n');
}

/**
 * What a dynamic route's generateStaticParams returns. Under `next dev` it is empty: the dev server
 * serves a route's previous list while it recomputes it, so a file added since would answer 404
 * once; with no list every slug renders, and the page's own notFound() answers unknown ones.
 */
export function staticParams<T>(params: () => T[]): T[] {
  return showUnpublished ? [] : params();
}

function group(articles: Article[], keys: (article: Article) => string[]) {
  const map = new Map<string, Article[]>();
  for (const article of articles) {
    for (const key of keys(article)) {
      const list = map.get(key);
      if (list) list.push(article);
      else map.set(key, [article]);
    }
  }
  return map;
}

/** Everything read from one release of the content folder, drafts and scheduled stories too. */
interface Release {
  id: string;
  articles: Article[];
  sections: SectionEntry[];
  authors: Author[];
}

/** The release a content path shows: the name of the folder it resolves to (`releases/<commit>`). */
function releaseId(): string {
  try {
    return path.basename(fs.realpathSync(contentDir));
  } catch {
    return path.basename(contentDir);
  }
}

function loadRelease(): Release {
  const id = releaseId();
  const loaded = loadContent({
    contentDir,
    publicDir: path.join(process.cwd(), 'public'),
    now: now(),
    judge: judgeBody,
    cacheFile: verdictCacheFile(contentDir),
    refusedBodies: settings.UNSAFE_RENDER_REFUSED_BODIES ? 'warning' : 'error',
  });
  if (settings.UNSAFE_RENDER_REFUSED_BODIES) {
    const lowered = loaded.issues.filter((issue) => issue.severity === 'warning').length;
    console.warn(
      `UNSAFE_RENDER_REFUSED_BODIES=1 (end-to-end tests only): ${lowered} warnings, refused bodies among them, are rendered inert instead of stopping the build`,
    );
  }
  if (loaded.issues.some((issue) => issue.severity === 'error')) {
    throw new ContentError(loaded.issues);
  }
  return {
    id,
    articles: loaded.articles,
    sections: loaded.sections,
    authors: loaded.authors,
  };
}

function visibleAt(release: Release, at: Date): Article[] {
  return release.articles
    .map((article) => articleAt(article, at))
    .filter((article) => showUnpublished || article.status === 'published');
}

function buildLocaleIndex(articles: Article[]): LocaleIndex {
  const byTag = group(articles, (article) => article.tags.map((tag) => tag.slug));
  const tagNames = new Map<string, Tag>();
  for (const article of articles) {
    for (const tag of article.tags) if (!tagNames.has(tag.slug)) tagNames.set(tag.slug, tag);
  }
  const positions = new Map(articles.map((article, position) => [article, position]));
  return {
    articles,
    bySlug: new Map(articles.map((article) => [article.slug, article])),
    tags: [...tagNames.values()]
      .map((tag) => ({ ...tag, count: byTag.get(tag.slug)?.length ?? 0 }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    byTag,
    positions,
    tagPositions: new Map(
      [...byTag].map(([slug, list]) => [slug, list.map((article) => positions.get(article) ?? -1)]),
    ),
    bySection: group(articles, (article) => [article.section.slug]),
    byAuthor: group(articles, (article) => article.authors.map((author) => author.slug)),
  };
}

function buildIndex(release: Release, at: Date): ContentIndex {
  const visible = visibleAt(release, at);
  const byLocale = new Map(
    locales.map((info) => [
      info.code,
      buildLocaleIndex(visible.filter((article) => article.locale === info.code)),
    ]),
  );
  const original = byLocale.get(defaultLocale) ?? buildLocaleIndex([]);
  const redirects = new Map<string, string>();
  for (const article of original.articles) {
    for (const old of article.redirectFrom) redirects.set(old, article.slug);
  }
  const translations = group(visible, (article) =>
    article.locale === defaultLocale
      ? [article.slug]
      : article.translationOf
        ? [article.translationOf]
        : [],
  );
  return {
    ...original,
    locales: byLocale,
    anyStatus: new Map(
      release.articles
        .filter((article) => article.locale === defaultLocale)
        .map((article) => [article.slug, articleAt(article, at)]),
    ),
    sections: release.sections,
    authors: release.authors,
    redirects,
    translations,
  };
}

function localeIndex(locale: Locale): LocaleIndex {
  const found = index().locales.get(locale);
  if (!found) throw new Error(`no content index for the language "${locale}"`);
  return found;
}

// Next bundles this module into each route separately; keeping the index on globalThis loads the
// content once per process, and lets invalidateContent() reach every route's copy.
const store = Symbol.for('meridian.content.index');
const storeKey = `${contentDir}\0${showUnpublished}`;

interface Entry {
  release: Release;
  /** The release before, kept so the revalidate hook can compare with what was published. */
  previous?: Release;
  signature: string;
  checkedAt: number;
  index: ContentIndex;
  validUntil: number;
}
type Loaded = Map<string, Entry>;

function loaded(): Loaded {
  const existing: Loaded | undefined = Reflect.get(globalThis, store);
  if (existing) return existing;
  const created: Loaded = new Map();
  Reflect.set(globalThis, store, created);
  return created;
}

// How often a production server looks at where the content path points: a publisher swaps a
// symlink to publish a commit, and every instance picks it up within this time, at the cost of
// one realpath a second.
const RELEASE_CHECK_MS = 1000;

function entry(forceReleaseCheck = false): Entry {
  const signature = contentSignature();
  let cached = loaded().get(storeKey);
  const at = now();
  const due = forceReleaseCheck || performance.now() - (cached?.checkedAt ?? 0) >= RELEASE_CHECK_MS;
  if (cached && !showUnpublished && due) {
    cached.checkedAt = performance.now();
    if (releaseId() !== cached.release.id) {
      try {
        const release = loadRelease();
        cached = { ...cached, previous: cached.release, release, validUntil: -Infinity };
      } catch (error) {
        // A release the publisher checked does not fail; if one does, keep serving the last.
        console.error(error);
      }
    }
  }
  if (!cached || cached.signature !== signature) {
    const release = loadRelease();
    cached = {
      release,
      signature,
      checkedAt: performance.now(),
      index: buildIndex(release, at),
      validUntil: nextChangeAfter(release.articles, at),
    };
  } else if (at.getTime() >= cached.validUntil) {
    cached = {
      ...cached,
      index: buildIndex(cached.release, at),
      validUntil: nextChangeAfter(cached.release.articles, at),
    };
  }
  loaded().set(storeKey, cached);
  return cached;
}

function index(): ContentIndex {
  return entry().index;
}

/** Forgets the loaded content, so the next read loads it again (the revalidate hook calls this). */
export function invalidateContent(): void {
  loaded().delete(storeKey);
}

/**
 * The release now published (the content folder's real name), the time, and the next moment a
 * story's embargo lifts or its live coverage ends.
 */
export function publishedRelease(): { release: string; at: Date; next?: Date } {
  const { release, validUntil } = entry(true);
  return {
    release: release.id,
    at: now(),
    ...(Number.isFinite(validUntil) ? { next: new Date(validUntil) } : {}),
  };
}

/**
 * The stories that were visible in `release` at `at`, if that release is the current one or the
 * one before it in this process; undefined otherwise (the caller then cannot tell what changed).
 */
export function articlesAt(release: string, at: Date): Article[] | undefined {
  const { release: current, previous } = entry();
  const found = [current, previous].find((candidate) => candidate?.id === release);
  return found && visibleAt(found, at);
}

export function getArticles(locale: Locale = defaultLocale): Article[] {
  return localeIndex(locale).articles;
}

export function getArticle(slug: string, locale: Locale = defaultLocale): Article | undefined {
  return localeIndex(locale).bySlug.get(slug);
}

/**
 * The published versions of a story in every language, itself included, in the order lib/site.ts
 * declares the languages; only itself when it has no translation.
 */
export function getTranslations(article: Article): Article[] {
  const key = article.locale === defaultLocale ? article.slug : article.translationOf;
  const set = (key !== undefined && index().translations.get(key)) || [article];
  const rank = (locale: Locale) => locales.findIndex((info) => info.code === locale);
  return [...set].sort((a, b) => rank(a.locale) - rank(b.locale));
}

/**
 * A story whatever its status, for the preview route alone (lib/preview.ts checks the link first).
 * Nothing public may call this: listings, feeds and pages read getArticle/getArticles.
 */
export function getArticleAnyStatus(slug: string): Article | undefined {
  return index().anyStatus.get(slug);
}

export function getSections(): SectionEntry[] {
  return index().sections;
}

export function getSection(slug: string): SectionEntry | undefined {
  return index().sections.find((section) => section.slug === slug);
}

export function getAuthors(): Author[] {
  return index().authors;
}

export function getAuthor(slug: string): Author | undefined {
  return index().authors.find((author) => author.slug === slug);
}

export function getTags(locale: Locale = defaultLocale): TagEntry[] {
  return localeIndex(locale).tags;
}

export function getTag(slug: string, locale: Locale = defaultLocale): TagEntry | undefined {
  return localeIndex(locale).tags.find((tag) => tag.slug === slug);
}

export function getArticlesBySection(slug: string, locale: Locale = defaultLocale): Article[] {
  return localeIndex(locale).bySection.get(slug) ?? [];
}

export function getArticlesByTag(slug: string, locale: Locale = defaultLocale): Article[] {
  return localeIndex(locale).byTag.get(slug) ?? [];
}

export function getArticlesByAuthor(slug: string, locale: Locale = defaultLocale): Article[] {
  return localeIndex(locale).byAuthor.get(slug) ?? [];
}

export function getRedirects(): { from: string; to: string }[] {
  return [...index().redirects].map(([from, to]) => ({ from, to }));
}

/** The live article an old slug (`redirectFrom`) now points to. */
export function getRedirectTarget(slug: string): Article | undefined {
  const target = index().redirects.get(slug);
  return target === undefined ? undefined : index().bySlug.get(target);
}

let sharedTags = new Uint16Array(0);

export function getRelatedArticles(article: Article, limit = 4): Article[] {
  const { articles, bySection, positions, tagPositions } = localeIndex(article.locale);
  // Counting shared tags in a typed array and keeping only the best `limit` candidates, rather
  // than a Map of every candidate sorted in full: a popular tag holds a third of a 10,000-story
  // archive, which made this 30 ms a page and the build quadratic.
  if (sharedTags.length < articles.length) sharedTags = new Uint16Array(articles.length);
  const self = positions.get(article);
  const touched: number[] = [];
  for (const tag of article.tags) {
    for (const position of tagPositions.get(tag.slug) ?? []) {
      if (position === self) continue;
      if (sharedTags[position] === 0) touched.push(position);
      sharedTags[position] = (sharedTags[position] ?? 0) + 1;
    }
  }
  const best: { other: Article; count: number; same: number; time: number }[] = [];
  const ranksBefore = (a: (typeof best)[number], b: (typeof best)[number]) =>
    a.count - b.count || a.same - b.same || a.time - b.time;
  for (const position of touched) {
    const other = articles[position];
    const count = sharedTags[position] ?? 0;
    sharedTags[position] = 0;
    if (!other) continue;
    const worst = best[limit - 1];
    if (worst && count < worst.count) continue;
    const candidate = {
      other,
      count,
      same: other.section.slug === article.section.slug ? 1 : 0,
      time: other.published.getTime(),
    };
    let at = best.length;
    for (let previous = best[at - 1]; previous && ranksBefore(candidate, previous) > 0; ) {
      at--;
      previous = best[at - 1];
    }
    if (at < limit) {
      best.splice(at, 0, candidate);
      if (best.length > limit) best.pop();
    }
  }
  const picked = new Set(best.map((entry) => entry.other));
  for (const pool of [bySection.get(article.section.slug) ?? [], articles]) {
    for (const other of pool) {
      if (picked.size >= limit) break;
      if (other !== article) picked.add(other);
    }
  }
  return [...picked];
}

export function paginate<T>(items: T[], page = 1, pageSize: number = site.pageSize): Page<T> | undefined {
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return undefined;
  return { items: items.slice((page - 1) * pageSize, page * pageSize), page, totalPages };
}

export function pageNumbers(count: number, pageSize: number = site.pageSize): number[] {
  const totalPages = Math.max(1, Math.ceil(count / pageSize));
  return Array.from({ length: totalPages - 1 }, (_, i) => i + 2);
}
