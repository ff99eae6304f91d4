/** Small JSON error answers for route handlers: bad input is a 4xx, never a 5xx. */
export function jsonError(status: number, message: string, headers?: HeadersInit): Response {
  return Response.json(
    { error: message },
    {
      status,
      headers: { 'Cache-Control': 'no-store', ...Object.fromEntries(new Headers(headers)) },
    },
  );
}

export function methodNotAllowed(allowed: readonly string[]): Response {
  const allow = [...new Set([...allowed, 'HEAD', 'OPTIONS'])].join(', ');
  return jsonError(405, `method not allowed; use ${allowed.join(' or ')}`, { Allow: allow });
}

export const MAX_QUERY_LENGTH = 2048;

export type QueryResult = { ok: true; params: URLSearchParams } | { ok: false; response: Response };

/**
 * Reads a request's query string defensively: oversized queries, repeated parameters and
 * parameters outside `allowed` are refused with 400 instead of reaching the handler.
 */
export function readQuery(request: Request, allowed: readonly string[]): QueryResult {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { ok: false, response: jsonError(400, 'the request URL cannot be read') };
  }
  if (url.search.length > MAX_QUERY_LENGTH) {
    return { ok: false, response: jsonError(414, 'the query string is too long') };
  }
  const params = url.searchParams;
  for (const key of new Set(params.keys())) {
    if (!allowed.includes(key)) {
      return { ok: false, response: jsonError(400, `unknown parameter "${key}"`) };
    }
    if (params.getAll(key).length > 1) {
      return { ok: false, response: jsonError(400, `parameter "${key}" is given more than once`) };
    }
  }
  return { ok: true, params };
}
