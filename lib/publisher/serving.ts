import fs from 'node:fs';
import path from 'node:path';
import { NextResponse, type NextRequest } from 'next/server';
import { SEARCH_BUNDLE_PATH } from '@/lib/search/paths';
import { settings } from '@/lib/settings.js';

/** Where the proxy sends search files when the publisher keeps the index (SEARCH_LIVE_DIR). */
export const LIVE_SEARCH_ROUTE = '/api/search-files/';

/** What of the publisher's `pathname` is: its IndexNow key file, a live search file, or neither. */
function publisherRoute(pathname: string): 'key' | 'search' | undefined {
  const key = settings.INDEXNOW_KEY;
  if (key && pathname === `/${key}.txt`) return 'key';
  if (settings.SEARCH_LIVE_DIR && pathname.startsWith(SEARCH_BUNDLE_PATH)) return 'search';
  return undefined;
}

/** Whether the publisher answers `pathname` (publisherAnswer), not the site. */
export function isPublisherPath(pathname: string): boolean {
  return publisherRoute(pathname) !== undefined;
}

/**
 * What the server answers for the publisher before anything else: the IndexNow key file
 * (`/<key>.txt`), and the search bundle from the folder the publisher swaps. `next start` lists
 * `public/` once when it starts, so a rebuilt index's new files would not be served from there.
 */
export function publisherAnswer(request: NextRequest): Response | undefined {
  const { pathname } = request.nextUrl;
  const route = publisherRoute(pathname);
  if (route === 'key') {
    return new Response(settings.INDEXNOW_KEY, {
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  if (route === 'search') {
    const rest = pathname.slice(SEARCH_BUNDLE_PATH.length);
    return NextResponse.rewrite(new URL(`${LIVE_SEARCH_ROUTE}${rest}`, request.url));
  }
  return undefined;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** A file of the live search index, read through its folder's symlink on each request. */
export function liveSearchFile(parts: string[]): Response | undefined {
  const root = settings.SEARCH_LIVE_DIR;
  if (!root) return undefined;
  const base = path.resolve(root);
  const file = path.resolve(base, ...parts);
  if (!file.startsWith(base + path.sep)) return undefined;
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  return new Response(new Uint8Array(data), {
    headers: {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'public, max-age=0, must-revalidate',
    },
  });
}
