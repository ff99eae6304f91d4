import { timingSafeEqual } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { revalidateShared } from '@/lib/cache-handler.js';
import {
  type Article,
  articlesAt,
  getArticles,
  invalidateContent,
  publishedRelease,
} from '@/lib/content';
import { purgeEdge } from '@/lib/edge';
import { jsonError } from '@/lib/http';
import { articleCard, cardPath, RENDITION_NAMES } from '@/lib/og/cards';
import { settings } from '@/lib/settings.js';
import { pathsToRevalidate, snapshot } from '@/lib/revalidate';
import { sitemapChunkParams } from '@/lib/sitemaps';
import { articleKey, FEEDS_KEY, HOME_KEY, SITEMAPS_KEY } from '@/lib/surrogate-keys';

export const dynamic = 'force-dynamic';

function authorised(request: Request, token: string): boolean {
  const given = Buffer.from(request.headers.get('authorization') ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const publisherBody = z.object({
  from: z.string().min(1),
  since: z.iso.datetime({ offset: true }),
});

async function publisherRequest(request: Request) {
  const text = await request.text();
  if (!text.trim()) return undefined;
  try {
    return publisherBody.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

/**
 * Publishes what changed in content/ without a rebuild: compares the stories visible now with
 * those visible before, and revalidates only the pages, JSON, feeds and sitemaps that touches.
 * "Before" is what the server had loaded (`npm run revalidate` after a `git pull`), or, from the
 * publisher, the release and time it last published ({from, since}): the content path may have
 * been swapped and an embargo lifted since. Behind an edge (EDGE_URL), it then purges the edge's
 * copies by surrogate key. Off unless REVALIDATE_TOKEN is set.
 */
export async function POST(request: Request) {
  const token = settings.REVALIDATE_TOKEN;
  if (!token) return jsonError(404, 'revalidation is off: REVALIDATE_TOKEN is not set');
  if (!authorised(request, token)) return jsonError(401, 'a valid bearer token is required');
  const asked = await publisherRequest(request);
  if (asked === null) {
    return jsonError(400, 'the body must be empty or {"from": "<release>", "since": "<ISO time>"}');
  }
  let before: Article[] | undefined;
  if (asked) {
    publishedRelease();
    before = articlesAt(asked.from, new Date(asked.since));
  } else {
    before = getArticles();
    invalidateContent();
  }
  const { release, at, next } = publishedRelease();
  const visible = getArticles();
  // Without a "before" everything is revalidated, so the edge drops every story, listing and feed.
  const result = before
    ? pathsToRevalidate(snapshot(before), snapshot(visible))
    : {
        changed: [],
        paths: ['/'],
        keys: [...visible.map((a) => articleKey(a.slug)), HOME_KEY, FEEDS_KEY, SITEMAPS_KEY],
      };
  const { changed, paths, keys } = result;
  if (!before) revalidatePath('/', 'layout');
  else if (paths.length) {
    for (const { file } of sitemapChunkParams()) paths.push(`/sitemaps/${file}`);
  }
  // A story taken down loses its card too (an edited story's old card URL keeps answering).
  const kept = new Set(visible.map((article) => article.slug));
  for (const gone of before?.filter((article) => !kept.has(article.slug)) ?? []) {
    for (const rendition of RENDITION_NAMES) paths.push(cardPath(articleCard(gone), rendition));
  }
  for (const path of paths) revalidatePath(path);
  // Next would apply these to the shared cache only after answering: an edge purge before that
  // lets the edge fetch the old page again. Once Redis has dropped them, one purge is enough.
  await revalidateShared(paths, !before);
  const edge = await purgeEdge(keys);
  if (edge.status === 'failed') console.error(`Revalidate: edge purge failed: ${edge.error}`);
  return Response.json(
    {
      everything: !before,
      changed,
      revalidated: paths.length,
      paths,
      keys,
      edge,
      release,
      at: at.toISOString(),
      next: next?.toISOString() ?? null,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

export function GET() {
  return jsonError(405, 'method GET is not allowed; use POST', { Allow: 'POST' });
}
