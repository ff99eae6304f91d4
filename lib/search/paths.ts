/** The search page: the only page whose policy lets WebAssembly compile (see lib/security.ts). */
export const SEARCH_PATH = '/search';

/** Where the built Pagefind bundle is served; the client loads `${SEARCH_BUNDLE_PATH}pagefind.js`. */
export const SEARCH_BUNDLE_PATH = '/pagefind/';

/** Per-year bundles of an archive too large for one index, under the main bundle. */
export const SEARCH_ARCHIVE_DIR = 'archive';

/** Written next to pagefind.js by every index build: what the archive bundles hold. */
export const SEARCH_MANIFEST = 'archive.json';

export interface SearchManifest {
  stories: number;
  /** The first year in the main bundle; '' when the archive is one bundle. */
  recentFrom: string;
  /** Older years, newest first, each its own bundle at archive/<year>/. */
  archive: { year: string; stories: number; hash: string }[];
}
