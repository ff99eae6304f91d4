/** Small JSON error answers: bad input is a 4xx, never a 5xx. Every one has the shape {error}. */
export function jsonError(status: number, message: string, headers?: HeadersInit): Response {
  const all = new Headers({ 'Cache-Control': 'no-store' });
  for (const [name, value] of new Headers(headers)) all.set(name, value);
  return Response.json({ error: message }, { status, headers: all });
}

/** The one 404 answer of route handlers (pages use Next's notFound() and app/not-found.tsx). */
export function notFoundResponse(message: string): Response {
  return jsonError(404, message);
}

/** Every route of the site only reads. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'OPTIONS'] as const;

/** 405 with Allow, or for OPTIONS a 204 that lists the methods. */
export function methodNotAllowed(method: string): Response {
  const allow = ALLOWED_METHODS.join(', ');
  if (method === 'OPTIONS') return new Response(null, { status: 204, headers: { Allow: allow } });
  return jsonError(405, `method ${method} is not allowed; use GET or HEAD`, { Allow: allow });
}

export function isReadMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

/**
 * The answer to a method the site does not serve at `pathname`, if it is one. Production serves
 * reads only; the revalidate hook (app/api/revalidate) is the one POST, behind its own bearer
 * token. Next's development tools post to the dev server.
 */
export function refusedMethod(method: string, pathname: string): Response | undefined {
  if (isReadMethod(method) || pathname === '/api/revalidate') return undefined;
  return process.env.NODE_ENV === 'development' ? undefined : methodNotAllowed(method);
}

/** Next answers an undecodable dynamic segment (/articles/%ff) with a 500; it is a bad request. */
export function malformedAddress(): Response {
  return jsonError(400, 'the address is not valid: it has a malformed %-escape', {
    'Content-Security-Policy': "default-src 'none'",
    'X-Content-Type-Options': 'nosniff',
  });
}

/**
 * Pages, feeds, sitemaps and JSON are prerendered but not immutable: a correction must reach
 * readers within minutes, so caches keep them 5 minutes (and may serve them 5 more while they
 * revalidate). Only content-hashed files (/_next/static, /cards/<hash>/) are immutable.
 */
export const REVALIDATING_CACHE_CONTROL =
  'public, max-age=0, s-maxage=300, stale-while-revalidate=300';
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
