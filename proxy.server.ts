import { randomUUID } from 'node:crypto';
import { type NextRequest, NextResponse } from 'next/server';
import { getArticleAnyStatus } from '@/lib/content';
import { jsonError, malformedAddress, refusedMethod } from '@/lib/http';
import {
  isDecodable,
  knownPageOf,
  notFoundHashes,
  pageOnRequest,
  policy,
  responseHeaders,
} from '@/lib/page-headers';
import { publisherAnswer } from '@/lib/publisher/serving';
import { checkPreview, PREVIEW_HEADERS, PREVIEW_PREFIX, previewSlug } from '@/lib/preview';
import { clientAddress, RateLimit } from '@/lib/rate-limit';
import { inlineScriptHashes } from '@/lib/security';
import { settings } from '@/lib/settings.js';

const RENDER_HEADER = 'x-meridian-render';
// The proxy's own rendering request carries this process's token, so that a preview it renders
// to hash is not counted against the reader (a client cannot know the token).
const RENDER_TOKEN = randomUUID();
// Per server instance, in memory (docs/preview-links.md): the one route that checks a secret.
const previewLimit = new RateLimit(30, 60_000);
// Matches no route, so Next answers it with the prerendered not-found page.
const NOT_FOUND_PATH = '/_meridian/not-found';

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

/**
 * The hashes of the page Next is about to serve: the cached or built HTML's, else a first render's
 * of a page that exists; undefined for anything else.
 */
async function pageHashes(request: NextRequest, onDemand: 'exists' | undefined) {
  const known = await knownPageOf(request.nextUrl.pathname, onDemand);
  return known === 'render' ? renderedHashes(request) : known?.hashes;
}

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
 * wrote into that page's prerendered (or first-request) HTML, by hash, and no others. In
 * production the request gate (lib/request-gate.ts) answers most reads itself first, and this
 * proxy is skipped for them (`config`): it sees writes before the gate is installed, previews,
 * publisher files, bad addresses, missing pages and pages not rendered yet.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const refused = refusedMethod(request.method, pathname);
  if (refused) return refused;
  // Hashed assets and the image optimiser keep Next's own answers and headers.
  if (pathname.startsWith('/_next/')) return NextResponse.next();
  const published = publisherAnswer(request);
  if (published) return published;
  if (!isDecodable(pathname)) return malformedAddress();
  if (pathname.startsWith(PREVIEW_PREFIX)) return previewAnswer(request);
  const response = NextResponse.next();
  if (process.env.NODE_ENV === 'development') return response;
  const onDemand = pageOnRequest(pathname);
  const missing = onDemand === 'missing';
  const hashes = missing ? undefined : await pageHashes(request, onDemand);
  const answer = missing ? NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url)) : response;
  for (const [name, value] of Object.entries(responseHeaders(pathname, hashes, missing))) {
    answer.headers.set(name, value);
  }
  return answer;
}

export const config = {
  // The gate marks each request it has fully handled; anything else, and any request when the
  // gate is not installed (development), goes through the proxy. `(.*)`, unlike `:path*`, also
  // matches empty segments (`//x`), as the proxy did with no matcher. Next reads this statically,
  // so the header is written out: GATE_HEADER (tests/request-gate.test.ts).
  matcher: [{ source: '/:path(.*)', missing: [{ type: 'header', key: 'x-meridian-gate' }] }],
};
