/** The search page: the only page whose policy lets WebAssembly compile (see lib/security.ts). */
export const SEARCH_PATH = '/search';

/** Where the built Pagefind bundle is served; the client loads `${SEARCH_BUNDLE_PATH}pagefind.js`. */
export const SEARCH_BUNDLE_PATH = '/pagefind/';
