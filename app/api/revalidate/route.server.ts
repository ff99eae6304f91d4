import { timingSafeEqual } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { revalidatePath } from 'next/cache';
import { after as afterResponse } from 'next/server';
import { getArticles, invalidateContent } from '@/lib/content';
import { purgeEdge } from '@/lib/edge';
import { jsonError } from '@/lib/http';
import { pathsToRevalidate, snapshot } from '@/lib/revalidate';
import { sitemapChunkParams } from '@/lib/sitemaps';

export const dynamic = 'force-dynamic';

const EDGE_REPURGE_MS = 1000;

function authorised(request: Request, token: string): boolean {
  const given = Buffer.from(request.headers.get('authorization') ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Publishes what changed in content/ without a rebuild: reloads the content, compares it with
 * what the server had, and revalidates only the pages, JSON, feeds and sitemaps it touches. Off
 * unless REVALIDATE_TOKEN is set; `npm run revalidate` calls it. Behind an edge (EDGE_URL), it
 * then purges the edge's copies by surrogate key, after Next's cache has let go of them.
 */
export async function POST(request: Request) {
  const token = process.env.REVALIDATE_TOKEN;
  if (!token) return jsonError(404, 'revalidation is off: REVALIDATE_TOKEN is not set');
  if (!authorised(request, token)) return jsonError(401, 'a valid bearer token is required');
  const before = snapshot(getArticles());
  invalidateContent();
  const after = snapshot(getArticles());
  const { changed, paths, keys } = pathsToRevalidate(before, after);
  if (paths.length) {
    for (const { file } of sitemapChunkParams()) paths.push(`/sitemaps/${file}`);
  }
  for (const path of paths) revalidatePath(path);
  const edge = await purgeEdge(keys);
  if (edge.status === 'failed') console.error(`Revalidate: edge purge failed: ${edge.error}`);
  // Next applies revalidatePath to the shared cache after this answer; an edge fetch between
  // the purge above and that would cache the old page again, so the keys are purged once more.
  if (edge.status !== 'off')
    afterResponse(() => delay(EDGE_REPURGE_MS).then(() => purgeEdge(keys)));
  return Response.json(
    { changed, revalidated: paths.length, paths, keys, edge },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

export function GET() {
  return jsonError(405, 'method GET is not allowed; use POST', { Allow: 'POST' });
}
