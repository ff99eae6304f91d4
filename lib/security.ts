import { createHash } from 'node:crypto';
import { SEARCH_BUNDLE_PATH, SEARCH_PATH } from '@/lib/search/paths';
import { THEME_SCRIPT } from '@/lib/theme';

/**
 * Whether a response may compile WebAssembly (`'wasm-unsafe-eval'`): the search page, and the
 * search bundle's own files, because Pagefind's Web Worker runs under the policy of the response
 * that delivered its script. No other page gets it.
 */
export function allowsWasm(pathname: string): boolean {
  return pathname === SEARCH_PATH || pathname.startsWith(SEARCH_BUNDLE_PATH);
}

export function sha256Source(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

const THEME_SCRIPT_HASH = sha256Source(THEME_SCRIPT);

const DATA_PUSH_SHAPES: [prefix: string, suffix: string][] = [
  ['self.__next_f.push(', ')'],
  ['(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(', ');'],
];
const EXACT_SCRIPTS = new Set([THEME_SCRIPT, '(self.__next_f=self.__next_f||[]).push([0])']);

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether an inline script is one the site itself emits: the theme script, or Next's bootstrap,
 * which only pushes one JSON literal onto a queue. Anything else (such as a script smuggled into
 * an article) is never hashed, so the browser refuses to run it.
 */
export function isTrustedInlineScript(script: string): boolean {
  if (EXACT_SCRIPTS.has(script)) return true;
  return DATA_PUSH_SHAPES.some(
    ([prefix, suffix]) =>
      script.startsWith(prefix) &&
      script.endsWith(suffix) &&
      isJson(script.slice(prefix.length, script.length - suffix.length)),
  );
}

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** CSP hash sources for the trusted inline scripts of a prerendered HTML page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const script = match[1] ?? '';
    if (script && isTrustedInlineScript(script)) hashes.add(sha256Source(script));
  }
  return [...hashes];
}

export interface PolicyOptions {
  scriptHashes: readonly string[];
  https: boolean;
  wasm?: boolean;
}

export function contentSecurityPolicy({
  scriptHashes,
  https,
  wasm = false,
}: PolicyOptions): string {
  const scriptSources = [
    "'self'",
    ...(wasm ? ["'wasm-unsafe-eval'"] : []),
    ...new Set([THEME_SCRIPT_HASH, ...scriptHashes]),
  ];
  const directives = [
    "default-src 'self'",
    `script-src ${scriptSources.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    'frame-src https://www.youtube-nocookie.com',
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}
