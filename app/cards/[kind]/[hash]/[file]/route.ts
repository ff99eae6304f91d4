import { IMMUTABLE_CACHE_CONTROL, notFoundResponse } from '@/lib/http';
import { cachedCard } from '@/lib/og/cache';
import {
  CARD_FORMATS,
  cardFile,
  cardFormat,
  findCard,
  prerenderedCards,
  renditionOf,
} from '@/lib/og/cards';

type Context = { params: Promise<{ kind: string; hash: string; file: string }> };

// Cards not prerendered (see prerenderedCards) render on first request and are then cached;
// an unknown or stale hash is a 404.
export function generateStaticParams() {
  return prerenderedCards().map(({ card, rendition }) => ({
    kind: card.kind,
    hash: card.hash,
    file: cardFile(card, rendition),
  }));
}

export async function GET(_request: Request, { params }: Context) {
  const { kind, hash, file } = await params;
  const card = findCard(kind, hash);
  const rendition = card && renditionOf(card, file);
  if (!card || !rendition) return notFoundResponse('no such card');
  const bytes = await cachedCard(card, rendition);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': CARD_FORMATS[cardFormat(card)].type,
      // The hash in the URL covers everything the card draws.
      'Cache-Control': IMMUTABLE_CACHE_CONTROL,
    },
  });
}
