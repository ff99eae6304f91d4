import {
  SEARCH_ARCHIVE_DIR,
  SEARCH_BUNDLE_PATH,
  SEARCH_MANIFEST,
  type SearchManifest,
} from '@/lib/search/paths';

/** The part of Pagefind's browser API (pagefind.js, written by the index build) used here. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(indexPath: string): Promise<void>;
  debouncedSearch(
    term: string,
    options: { filters?: Record<string, string> },
    debounceMs?: number,
  ): Promise<PagefindSearch | null>;
}

let loading: Promise<Pagefind> | undefined;

/** Loads the Pagefind bundle from the built index at run time; it is not part of the app bundle. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const url = `${SEARCH_BUNDLE_PATH}pagefind.js`;
    const pagefind = (await import(
      /* webpackIgnore: true */ /* turbopackIgnore: true */ url
    )) as Pagefind;
    await pagefind.options({ excerptLength: 28, excerptEllipsis: '…' });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** What the index build wrote about archive years; a one-bundle index has none. */
export async function loadManifest(): Promise<SearchManifest | undefined> {
  const response = await fetch(`${SEARCH_BUNDLE_PATH}${SEARCH_MANIFEST}`);
  return response.ok ? ((await response.json()) as SearchManifest) : undefined;
}

const merged = new Set<string>();

/** Adds the archive years' bundles to every later search (Pagefind merges their results). */
export async function mergeArchive(pagefind: Pagefind, manifest: SearchManifest): Promise<void> {
  await Promise.all(
    manifest.archive
      .filter(({ year }) => !merged.has(year))
      .map(async ({ year }) => {
        await pagefind.mergeIndex(`${SEARCH_BUNDLE_PATH}${SEARCH_ARCHIVE_DIR}/${year}/`);
        merged.add(year);
      }),
  );
}
