import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { refusedMethod } from '@/lib/http';
import { isDecodable, knownPageOf, pageOnRequest, responseHeaders } from '@/lib/page-headers';
import { PREVIEW_PREFIX } from '@/lib/preview';
import { isPublisherPath } from '@/lib/publisher/serving';
import { securityHeaders } from '@/lib/security-headers.js';

/**
 * The request gate: what the server answers or decorates before Next routes a request, in plain
 * Node, because Next's proxy (middleware) path costs more per request than serving a cached page
 * (docs/decisions/0323-a-request-gate-before-next.md). It refuses the methods the site does not
 * serve, and gives a read of a cached or built page (or a file, feed, card) its headers; it marks
 * such a request with GATE_HEADER, which the proxy's matcher skips. Everything else (previews,
 * publisher files, bad addresses, missing pages, pages not rendered yet) goes on to the proxy.
 */
export const GATE_HEADER = 'x-meridian-gate';

// Dot segments and doubled slashes are normalised by Next: leave such paths to the proxy.
const PLAIN_PATH = /^(?!.*(?:\/\.\.?(?:\/|$)|\/\/|#))\//;

// What Next's router reads to answer a client-side navigation with flight data, not the page.
const ROUTER_HEADERS = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
];

// Next's own headers on an answer from its cache, Vary among them, so that the edge keeps pages
// and navigation data apart; Server-Timing tells that the gate sent it.
const CACHED_HEADERS = {
  Vary: ROUTER_HEADERS.join(', '),
  'x-nextjs-cache': 'HIT',
  'Server-Timing': 'gate',
};

/** A request for the page (or route answer) itself, not a navigation, without a query. */
function wantsPage(req: IncomingMessage): boolean {
  return !(req.url ?? '').includes('?') && ROUTER_HEADERS.every((name) => !req.headers[name]);
}

/**
 * The headers of a read the gate can answer for, or undefined to leave it to the proxy. A page
 * served from the shared cache gets the entity tag of that entry (Next's own, `generateEtags`,
 * which hashed the whole page on every request, is off with the shared cache; next.config.js),
 * and its bytes when the request is for the page itself, which the gate then sends.
 */
async function readHeaders(
  req: IncomingMessage,
  pathname: string,
): Promise<
  | { headers: Record<string, string>; body?: Buffer; bodyHeaders?: Record<string, string> }
  | undefined
> {
  if (pathname.startsWith('/_next/')) return { headers: {} };
  if (!isDecodable(pathname) || pathname.startsWith(PREVIEW_PREFIX) || isPublisherPath(pathname)) {
    return undefined;
  }
  const onDemand = pageOnRequest(pathname);
  if (onDemand === 'missing') return undefined;
  const known = await knownPageOf(pathname, onDemand);
  if (known === 'render') return undefined;
  const headers = responseHeaders(pathname, known?.hashes);
  // A client-side navigation (RSC) gets the same entry's flight data, another representation.
  if (!known || req.headers.rsc) return { headers };
  if (known.etag) headers.ETag = known.etag;
  if (!known.body || !wantsPage(req)) return { headers };
  return { headers, body: known.body, bodyHeaders: known.headers };
}

/** Whether an If-None-Match header names `etag` (weak comparison, RFC 9110 13.1.2). */
function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function setSecurityHeaders(res: ServerResponse) {
  for (const { key, value } of securityHeaders(true)) res.setHeader(key, value);
}

async function send(res: ServerResponse, answer: Response) {
  res.statusCode = answer.status;
  setSecurityHeaders(res);
  answer.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await answer.arrayBuffer()));
}

/** Whether the gate answered the request itself; otherwise Next is to handle it. */
export async function gate(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  delete req.headers[GATE_HEADER];
  const pathname = (req.url ?? '').split('?', 1)[0] ?? '';
  const refused = refusedMethod(req.method ?? 'GET', pathname);
  if (refused) {
    await send(res, refused);
    return true;
  }
  if (!PLAIN_PATH.test(pathname) || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  const read = await readHeaders(req, pathname);
  if (!read) return false;
  const { headers, body, bodyHeaders } = read;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (headers.ETag && ifNoneMatch(req.headers['if-none-match'], headers.ETag)) {
    setSecurityHeaders(res);
    res.statusCode = 304;
    res.end();
    return true;
  }
  if (body) {
    setSecurityHeaders(res);
    // The site's headers above win over a route's own, as they do when Next sends it.
    for (const [name, value] of Object.entries(bodyHeaders ?? {})) {
      if (!res.hasHeader(name)) res.setHeader(name, value);
    }
    for (const [name, value] of Object.entries(CACHED_HEADERS)) res.setHeader(name, value);
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
  req.headers[GATE_HEADER] = '1';
  return false;
}

const INSTALLED = Symbol.for('meridian.requestGate');

/**
 * Puts the gate in front of every HTTP server of this process (the one Next started): Next offers
 * no hook before its router other than the proxy, whose cost the gate avoids. Returns what takes
 * it away again (for tests, which share the process with other servers).
 */
export function installRequestGate(): () => void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return () => {};
  proto[INSTALLED] = true;
  const own = Object.hasOwn(proto, 'emit');
  const emit = proto.emit;
  const call = emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== 'request') return call.call(this, event, ...args);
    const [req, res] = args as [IncomingMessage, ServerResponse];
    gate(req, res).then(
      (answered) => answered || call.call(this, event, req, res),
      (error: unknown) => {
        console.error('Request gate:', error);
        delete req.headers[GATE_HEADER];
        if (!res.headersSent) call.call(this, event, req, res);
      },
    );
    return true;
  } as typeof proto.emit;
  return () => {
    if (own) proto.emit = emit;
    else Reflect.deleteProperty(proto, 'emit');
    delete proto[INSTALLED];
  };
}
