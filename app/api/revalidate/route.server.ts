import { timingSafeEqual } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { getArticles, invalidateContent } from '@/lib/content';
import { jsonError } from '@/lib/http';
import { settings } from '@/lib/settings.js';
import { pathsToRevalidate, snapshot } from '@/lib/revalidate';
import { sitemapChunkParams } from '@/lib/sitemaps';

export const dynamic = 'force-dynamic';

function authorised(request: Request, token: string): boolean {
  const given = Buffer.from(request.headers.get('authorization') ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Publishes what changed in content/ without a rebuild: reloads the content, compares it with
 * what the server had, and revalidates only the pages, JSON, feeds and sitemaps it touches. Off
 * unless REVALIDATE_TOKEN is set; `npm run revalidate` calls it.
 */
export async function POST(request: Request) {
  const token = settings.REVALIDATE_TOKEN;
  if (!token) return jsonError(404, 'revalidation is off: REVALIDATE_TOKEN is not set');
  if (!authorised(request, token)) return jsonError(401, 'a valid bearer token is required');
  const before = snapshot(getArticles());
  invalidateContent();
  const after = snapshot(getArticles());
  const { changed, paths } = pathsToRevalidate(before, after);
  if (paths.length) {
    for (const { file } of sitemapChunkParams()) paths.push(`/sitemaps/${file}`);
  }
  for (const path of paths) revalidatePath(path);
  return Response.json({ changed, revalidated: paths.length, paths });
}

export function GET() {
  return jsonError(405, 'method GET is not allowed; use POST', { Allow: 'POST' });
}
