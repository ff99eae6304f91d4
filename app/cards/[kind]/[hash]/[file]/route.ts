import { IMMUTABLE_CACHE_CONTROL, notFoundResponse } from '@/lib/http';
import { cachedCard } from '@/lib/og/cache';
import { findCard, prerenderedCards, RENDITIONS, renditionOf } from '@/lib/og/cards';

type Context = { params: Promise<{ kind: string; hash: string; file: string }> };

// Cards not prerendered (see prerenderedCards) render on first request and are then cached;
// an unknown or stale hash is a 404.
export function generateStaticParams() {
  return prerenderedCards().map(({ card, rendition }) => ({
    kind: card.kind,
    hash: card.hash,
    file: RENDITIONS[rendition].file,
  }));
}

export async function GET(_request: Request, { params }: Context) {
  const { kind, hash, file } = await params;
  const rendition = renditionOf(file);
  const card = rendition && findCard(kind, hash);
  if (!rendition || !card) return notFoundResponse('no such card');
  const png = await cachedCard(card, rendition);
  return new Response(new Uint8Array(png), {
    headers: {
      'Content-Type': 'image/png',
      // The hash in the URL covers everything the card draws.
      'Cache-Control': IMMUTABLE_CACHE_CONTROL,
    },
  });
}
