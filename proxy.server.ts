import fs from 'node:fs';
import path from 'node:path';
import { type NextRequest, NextResponse } from 'next/server';
import { isReadMethod, jsonError, methodNotAllowed, REVALIDATING_CACHE_CONTROL } from '@/lib/http';
import { allowsWasm, contentSecurityPolicy, inlineScriptHashes } from '@/lib/security';
import { site } from '@/lib/site';

const pagesDir = path.join(
  /* turbopackIgnore: true */ process.cwd(),
  process.env.NEXT_DIST_DIR || '.next',
  'server',
  'app',
);
const hashCache = new Map<string, string[]>();

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

function scriptHashes(file: string): string[] | undefined {
  const cached = hashCache.get(file);
  if (cached) return cached;
  let html: string;
  try {
    html = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const hashes = inlineScriptHashes(html);
  hashCache.set(file, hashes);
  return hashes;
}

/**
 * Sets the Content-Security-Policy. Every page is prerendered, so the policy allows exactly the
 * inline bootstrap scripts Next wrote into that page's HTML (by hash), and no others.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // Next's development tools post to the dev server; production serves reads only.
  if (!isReadMethod(request.method) && process.env.NODE_ENV !== 'development') {
    return methodNotAllowed(request.method);
  }
  // Hashed assets and the image optimiser keep Next's own answers and headers.
  if (pathname.startsWith('/_next/')) return NextResponse.next();
  if (!isDecodable(pathname)) {
    // Next answers an undecodable dynamic segment (/articles/%ff) with a 500; it is a bad request.
    return jsonError(400, 'the address is not valid: it has a malformed %-escape', {
      'Content-Security-Policy': "default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
    });
  }
  const response = NextResponse.next();
  if (process.env.NODE_ENV === 'development') return response;
  const page = prerenderedFile(pathname);
  const hashes =
    (page ? scriptHashes(page) : undefined) ??
    scriptHashes(path.join(pagesDir, '_not-found.html')) ??
    [];
  response.headers.set(
    'Content-Security-Policy',
    contentSecurityPolicy({
      scriptHashes: hashes,
      https: site.url.protocol === 'https:',
      wasm: allowsWasm(pathname),
    }),
  );
  if (!pathname.startsWith('/cards/'))
    response.headers.set('Cache-Control', REVALIDATING_CACHE_CONTROL);
  return response;
}
