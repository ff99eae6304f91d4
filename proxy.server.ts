import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type NextRequest, NextResponse } from 'next/server';
import { sharedPage } from '@/lib/cache-handler.js';
import { getArticleAnyStatus } from '@/lib/content';
import { isReadMethod, jsonError, methodNotAllowed, REVALIDATING_CACHE_CONTROL } from '@/lib/http';
import { onDemandPage } from '@/lib/on-demand';
import { publisherAnswer } from '@/lib/publisher/serving';
import { checkPreview, PREVIEW_HEADERS, PREVIEW_PREFIX, previewSlug } from '@/lib/preview';
import { clientAddress, RateLimit } from '@/lib/rate-limit';
import { allowsWasm, contentSecurityPolicy, inlineScriptHashes } from '@/lib/security';
import { settings } from '@/lib/settings.js';
import { site } from '@/lib/site';
import { SURROGATE_KEY_HEADER, surrogateKeys } from '@/lib/surrogate-keys';

const pagesDir = path.join(
  /* turbopackIgnore: true */ process.cwd(),
  settings.NEXT_DIST_DIR || '.next',
  'server',
  'app',
);
const hashCache = new Map<string, { mtimeMs: number; hashes: string[] }>();
const RENDER_HEADER = 'x-meridian-render';
// The proxy's own rendering request carries this process's token, so that a preview it renders
// to hash is not counted against the reader (a client cannot know the token).
const RENDER_TOKEN = randomUUID();
// Per server instance, in memory (docs/preview-links.md): the one route that checks a secret.
const previewLimit = new RateLimit(30, 60_000);
// Matches no route, so Next answers it with the prerendered not-found page.
const NOT_FOUND_PATH = '/_meridian/not-found';

function isDecodable(pathname: string): boolean {
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
 * The hashes of a prerendered file, or (with `hash` false) only whether it exists as
 * an empty list.
 */
function scriptHashes(file: string, hash = true): string[] | undefined {
  // Most paths are not prerendered files: no exception (and its stack trace) per request.
  const mtimeMs = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  if (mtimeMs === undefined) return undefined;
  if (!hash) return [];
  // Keyed by modification time: a revalidated page is rewritten with new inline scripts.
  const cached = hashCache.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.hashes;
  const hashes = inlineScriptHashes(fs.readFileSync(file, 'utf8'));
  hashCache.set(file, { mtimeMs, hashes });
  return hashes;
}

// This instance itself when its port is known (behind an edge the Host is the edge's).
const selfOrigin = settings.PORT ? `http://127.0.0.1:${settings.PORT}` : undefined;

/**
 * A page not prerendered has no HTML to hash yet: render it once through Next (which caches it),
 * hash that HTML, and let this request be served the same cached page.
 */
async function renderedHashes(request: NextRequest): Promise<string[] | undefined> {
  if (request.method !== 'GET' || request.headers.has(RENDER_HEADER)) return undefined;
  const { pathname, search } = request.nextUrl;
  const url = selfOrigin ? new URL(pathname + search, selfOrigin) : request.nextUrl;
  const response = await fetch(url, { headers: { [RENDER_HEADER]: RENDER_TOKEN } });
  if (!response.ok || !response.headers.get('content-type')?.startsWith('text/html')) {
    return undefined;
  }
  return inlineScriptHashes(await response.text());
}

function pageOnRequest(pathname: string) {
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
function policy(pathname: string, hashes: string[]): string {
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

const sharedHashes = new WeakMap<object, string[]>();

/**
 * With a shared cache (several instances, docs/deployment-cluster.md) a page's HTML is whatever
 * entry Redis holds, rendered by any instance, not the build's file: hash that entry. Null when
 * none is cached yet; undefined without a shared cache.
 */
async function cachedHashes(pathname: string): Promise<string[] | null | undefined> {
  const entry = await sharedPage(decodeURIComponent(pathname));
  if (!entry) return entry;
  let hashes = sharedHashes.get(entry.value);
  if (!hashes) {
    hashes = inlineScriptHashes(entry.value.html);
    sharedHashes.set(entry.value, hashes);
  }
  return hashes;
}

/**
 * The hashes of the page Next is about to serve: the shared cache's entry, else (one server) the
 * build's file, else a first render of a page that exists; undefined for anything else.
 */
async function pageHashes(request: NextRequest, onDemand: 'exists' | undefined) {
  const { pathname } = request.nextUrl;
  const cached = await cachedHashes(pathname);
  if (cached) return cached;
  const file = prerenderedFile(pathname);
  const built = file ? scriptHashes(file, cached === undefined) : undefined;
  if (cached === undefined && built) return built;
  if (onDemand === 'exists' || built) return renderedHashes(request);
  return undefined;
}

const notFoundHashes = () => scriptHashes(path.join(pagesDir, '_not-found.html')) ?? [];

/**
 * A preview link (lib/preview.ts): rate-limited per client address, checked before Next renders
 * anything, every bad link answered with the site's one 404 page. Every answer is private.
 */
async function previewAnswer(request: NextRequest): Promise<Response> {
  if (request.headers.get(RENDER_HEADER) !== RENDER_TOKEN) {
    // Elapsed time, not the date: the one clock may be pinned by BUILD_TIME.
    const limit = previewLimit.take(clientAddress(request.headers), performance.now());
    if (!limit.allowed) {
      return jsonError(429, 'too many preview requests from this address; wait a minute', {
        ...PREVIEW_HEADERS,
        'Retry-After': String(limit.retryAfter),
        'Content-Security-Policy': "default-src 'none'",
      });
    }
  }
  const { pathname, searchParams } = request.nextUrl;
  const preview = checkPreview(
    {
      slug: previewSlug(pathname) ?? '',
      exp: searchParams.get('exp'),
      sig: searchParams.get('sig'),
    },
    { find: getArticleAnyStatus, secret: settings.PREVIEW_SECRET },
  );
  let answer: NextResponse;
  let hashes: string[] | undefined;
  if (preview.kind === 'published') {
    answer = NextResponse.redirect(new URL(preview.url, request.url), 307);
  } else if (preview.kind === 'preview') {
    answer = NextResponse.next();
    if (process.env.NODE_ENV !== 'development') hashes = await renderedHashes(request);
  } else {
    answer = NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url));
  }
  for (const [name, value] of Object.entries(PREVIEW_HEADERS)) answer.headers.set(name, value);
  if (process.env.NODE_ENV !== 'development') {
    answer.headers.set('Content-Security-Policy', policy(pathname, hashes ?? notFoundHashes()));
  }
  return answer;
}

/**
 * Sets the Content-Security-Policy. The policy allows exactly the inline bootstrap scripts Next
 * wrote into that page's prerendered (or first-request) HTML, by hash, and no others.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // Next's development tools post to the dev server; production serves reads only.
  // The revalidate hook (app/api/revalidate) is the one POST, behind its own bearer token.
  const write = !isReadMethod(request.method) && pathname !== '/api/revalidate';
  if (write && process.env.NODE_ENV !== 'development') {
    return methodNotAllowed(request.method);
  }
  // Hashed assets and the image optimiser keep Next's own answers and headers.
  if (pathname.startsWith('/_next/')) return NextResponse.next();
  const published = publisherAnswer(request);
  if (published) return published;
  if (!isDecodable(pathname)) {
    // Next answers an undecodable dynamic segment (/articles/%ff) with a 500; it is a bad request.
    return jsonError(400, 'the address is not valid: it has a malformed %-escape', {
      'Content-Security-Policy': "default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
    });
  }
  if (pathname.startsWith(PREVIEW_PREFIX)) return previewAnswer(request);
  const response = NextResponse.next();
  if (process.env.NODE_ENV === 'development') return response;
  const onDemand = pageOnRequest(pathname);
  const missing = onDemand === 'missing';
  const hashes = (missing ? undefined : await pageHashes(request, onDemand)) ?? notFoundHashes();
  const answer = missing ? NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url)) : response;
  answer.headers.set('Content-Security-Policy', policy(pathname, hashes));
  if (!pathname.startsWith('/cards/'))
    answer.headers.set('Cache-Control', REVALIDATING_CACHE_CONTROL);
  const keys = missing ? [] : keysOf(decodeURIComponent(pathname));
  if (keys.length) answer.headers.set(SURROGATE_KEY_HEADER, keys.join(' '));
  return answer;
}
