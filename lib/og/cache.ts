import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cachePath, settings } from '../settings.js';
import { renderCard } from './card';
import { type Card, cardFile, type Rendition } from './cards';

/**
 * Rendered cards on disk, kept across builds. A card's hash covers everything it draws, the
 * template's source, the fonts and the image bytes, so a file is reused only for an identical
 * card. `CARD_CACHE=off` turns it off; `CARD_CACHE_DIR` moves it.
 */
const cacheDir =
  settings.CARD_CACHE === 'off'
    ? undefined
    : path.resolve(/* turbopackIgnore: true */ settings.CARD_CACHE_DIR || cachePath('cards'));

export async function cachedCard(card: Card, rendition: Rendition): Promise<Buffer> {
  if (!cacheDir) return renderCard(card, rendition);
  const file = path.join(cacheDir, `${card.kind}-${card.hash}-${cardFile(card, rendition)}`);
  try {
    return await fs.promises.readFile(file);
  } catch {
    // not rendered yet
  }
  const bytes = await renderCard(card, rendition);
  // Build workers, and concurrent requests for one card, render in parallel: each writes its own
  // file aside, then renames it, so no reader sees half a file.
  const partial = `${file}.${process.pid}.${randomUUID()}.partial`;
  await fs.promises.mkdir(cacheDir, { recursive: true });
  await fs.promises.writeFile(partial, bytes);
  await fs.promises.rename(partial, file);
  return bytes;
}
