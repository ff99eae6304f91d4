import { IMMUTABLE_CACHE_CONTROL, notFoundResponse } from '@/lib/http';
import { renderCard } from '@/lib/og/card';
import { allCards, findCard, RENDITION_NAMES, RENDITIONS, renditionOf } from '@/lib/og/cards';

type Context = { params: Promise<{ kind: string; hash: string; file: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return allCards().flatMap((card) =>
    RENDITION_NAMES.map((rendition) => ({
      kind: card.kind,
      hash: card.hash,
      file: RENDITIONS[rendition].file,
    })),
  );
}

export async function GET(_request: Request, { params }: Context) {
  const { kind, hash, file } = await params;
  const rendition = renditionOf(file);
  const card = rendition && findCard(kind, hash);
  if (!rendition || !card) return notFoundResponse('no such card');
  const png = await renderCard(card, rendition);
  return new Response(new Uint8Array(png), {
    headers: {
      'Content-Type': 'image/png',
      // The hash in the URL covers everything the card draws.
      'Cache-Control': IMMUTABLE_CACHE_CONTROL,
    },
  });
}
