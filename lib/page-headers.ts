import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sharedEntry } from '@/lib/cache-handler.js';
import { REVALIDATING_CACHE_CONTROL } from '@/lib/http';
import { onDemandPage } from '@/lib/on-demand';
import { allowsWasm, contentSecurityPolicy, inlineScriptHashes } from '@/lib/security';
import { settings } from '@/lib/settings.js';
import { site } from '@/lib/site';
import { SURROGATE_KEY_HEADER, surrogateKeys } from '@/lib/surrogate-keys';

/**
 * The headers a page, feed, card or file gets from this server (not from next.config):
 * its Content-Security-Policy, `Cache-Control` and surrogate keys. Used by the request gate
 * (lib/request-gate.ts) for what it can answer before Next routes, and by the proxy for the rest.
 */

const pagesDir = path.join(
  /* turbopackIgnore: true */ process.cwd(),
  settings.NEXT_DIST_DIR || '.next',
  'server',
  'app',
);
/**
 * What is known of a page's HTML: its inline scripts' hashes and, for a shared-cache entry, an
 * entity tag. A build's file gets none: after a revalidation Next serves a newer copy from
 * `route-cache/`, which only Next knows where to find, so only Next may tag it.
 */
export interface KnownPage {
  /** The inline scripts' hashes of an HTML page (none for a route's answer: a feed, JSON, card). */
  hashes?: string[];
  etag?: string;
  /** A shared-cache entry's bytes, when it is a 200: the request gate may send them itself. */
  body?: Buffer;
  /** The headers Next sends with those bytes: a page's type, a route's own (a card's Cache-Control). */
  headers?: Record<string, string>;
}

const fileCache = new Map<string, KnownPage & { mtimeMs: number }>();

export function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function prerenderedFile(pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  if (decoded.includes('\0') || decoded.length > 1000) return undefined;
  const name = decoded === '/' ? '/index' : decoded.replace(/\/+$/, '');
  const file = path.join(pagesDir, `${name}.html`);
  return file.startsWith(pagesDir + path.sep) ? file : undefined;
}

/**
 * What is known of a prerendered file, or (with `read` false) only whether it exists, as
 * undefined hashes.
 */
function builtPage(file: string, read = true): KnownPage | null | undefined {
  // Most paths are not prerendered files: no exception (and its stack trace) per request.
  const mtimeMs = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  if (mtimeMs === undefined) return undefined;
  if (!read) return null;
  // Keyed by modification time: a revalidated page is rewritten with new inline scripts.
  const cached = fileCache.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached;
  const known = { hashes: inlineScriptHashes(fs.readFileSync(file, 'utf8')), mtimeMs };
  fileCache.set(file, known);
  return known;
}

export function pageOnRequest(pathname: string) {
  try {
    return onDemandPage(pathname);
  } catch {
    // Content that does not load cannot say; Next renders the page and reports the problem.
    return undefined;
  }
}

function keysOf(pathname: string): string[] {
  try {
    return surrogateKeys(pathname);
  } catch {
    return [];
  }
}

const policies = new WeakMap<string[], { plain?: string; wasm?: string }>();

/** The policy for a list of hashes, made once per list (each list is made once per page). */
export function policy(pathname: string, hashes: string[]): string {
  const wasm = allowsWasm(pathname);
  const made = policies.get(hashes) ?? {};
  const variant = wasm ? 'wasm' : 'plain';
  made[variant] ??= contentSecurityPolicy({
    scriptHashes: hashes,
    https: site.url.protocol === 'https:',
    wasm,
  });
  policies.set(hashes, made);
  return made[variant];
}

const sharedPages = new WeakMap<object, KnownPage>();

const ok = (status: number | undefined) => status === undefined || status === 200;

function page({ html, status }: { html: string; status?: number }): KnownPage {
  const digest = createHash('sha1').update(html).digest('base64url');
  const known: KnownPage = { hashes: inlineScriptHashes(html), etag: `"${digest}"` };
  if (ok(status)) {
    known.body = Buffer.from(html);
    known.headers = { 'Content-Type': 'text/html; charset=utf-8' };
  }
  return known;
}

// Next's tags for its own cache, which it does not send.
const INTERNAL_HEADERS = new Set(['x-next-cache-tags']);

function routeAnswer(value: {
  body: Buffer;
  status?: number;
  headers?: Record<string, unknown>;
}): KnownPage {
  if (!ok(value.status)) return {};
  const headers = Object.entries(value.headers ?? {}).flatMap(([name, header]) =>
    typeof header === 'string' && !INTERNAL_HEADERS.has(name.toLowerCase()) ? [[name, header]] : [],
  );
  return { body: value.body, headers: Object.fromEntries(headers) };
}

/**
 * With a shared cache (several instances, docs/deployment-cluster.md) a page's HTML is whatever
 * entry Redis holds, rendered by any instance, not the build's file: what is known of that
 * entry, worked out once per entry. Null when none is cached yet; undefined without a shared
 * cache.
 */
async function cachedPage(pathname: string): Promise<KnownPage | null | undefined> {
  const entry = await sharedEntry(decodeURIComponent(pathname));
  if (!entry) return entry;
  let known = sharedPages.get(entry.value);
  if (!known) {
    known = entry.value.kind === 'APP_ROUTE' ? routeAnswer(entry.value) : page(entry.value);
    sharedPages.set(entry.value, known);
  }
  return known;
}

/**
 * The page Next is about to serve: the shared cache's entry, else (one server) the build's file;
 * 'render' for a page that exists but has no HTML yet (a first render must make it); undefined
 * for anything else.
 */
export async function knownPageOf(
  pathname: string,
  onDemand: 'exists' | undefined,
): Promise<KnownPage | 'render' | undefined> {
  const cached = await cachedPage(pathname);
  if (cached) return cached;
  const file = prerenderedFile(pathname);
  const built = file ? builtPage(file, cached === undefined) : undefined;
  if (built) return built;
  if (onDemand === 'exists' || built === null) return 'render';
  return undefined;
}

export const notFoundHashes = () => builtPage(path.join(pagesDir, '_not-found.html'))?.hashes ?? [];

/**
 * The headers of a response with the hashes of its HTML (the site's 404 page's when none); a
 * missing page (answered with that 404 page) has no surrogate keys.
 */
export function responseHeaders(pathname: string, hashes: string[] | undefined, missing = false) {
  const headers: Record<string, string> = {
    'Content-Security-Policy': policy(pathname, hashes ?? notFoundHashes()),
  };
  if (!pathname.startsWith('/cards/')) headers['Cache-Control'] = REVALIDATING_CACHE_CONTROL;
  const keys = missing ? [] : keysOf(decodeURIComponent(pathname));
  if (keys.length) headers[SURROGATE_KEY_HEADER] = keys.join(' ');
  return headers;
}
