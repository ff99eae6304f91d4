import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { getArticles } from '@/lib/content';
import { renderCard } from '@/lib/og/card';
import { articleCard, findCard } from '@/lib/og/cards';
import { visualOrder } from '@/lib/og/right-to-left';

const [arabic] = getArticles('ar');
const [korean] = getArticles('ko');

/** Columns of the card's headline band that hold ink (darker than the paper). */
async function inkedColumns(bytes: Buffer, top: number, height: number) {
  const { data, info } = await sharp(bytes)
    .extract({ left: 0, top, width: 1200, height })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const columns: number[] = [];
  for (let x = 0; x < info.width; x++) {
    for (let y = 0; y < info.height; y++) {
      if ((data[y * info.width + x] ?? 255) < 100) {
        columns.push(x);
        break;
      }
    }
  }
  return columns;
}

describe('cards in the story language', { timeout: 60_000 }, () => {
  it('joins Arabic letters and puts them in right-to-left order, mirroring brackets', () => {
    // لا is one ligature; م at the start of a word takes its initial form (U+FEE3).
    expect(visualOrder('لا', 'rtl')).toBe('\ufefb');
    expect(visualOrder('مرحبا', 'rtl')).toMatch(/\ufee3$/u);
    // Logical "(ب": the opening bracket comes first, on the right, so it is drawn facing left.
    expect(visualOrder('(ب', 'rtl')).toBe('\ufe8f)');
    // In a left-to-right card an Arabic word is shaped and turned; the rest is left as it is.
    expect(visualOrder('Hi بب', 'ltr')).toBe('Hi \ufe90\ufe91');
    expect(visualOrder('Hello, 세계', 'ltr')).toBe('Hello, 세계');
  });

  it('finds and draws the Arabic sample translation right to left, in Arabic', async () => {
    if (!arabic) throw new Error('the sample content has no Arabic translation');
    const card = articleCard(arabic);
    expect(card.dir).toBe('rtl');
    expect(card.kicker).toBe(arabic.section.names?.ar ?? '(no Arabic section name)');
    expect(findCard('article', card.hash)).toEqual(card);
    const bytes = await renderCard(card, '4x3');
    const info = await sharp(bytes).metadata();
    expect(info).toMatchObject({ width: 1200, height: 900 });
    expect(bytes.length).toBeLessThan(300 * 1024);
    // The headline is drawn (not dropped for want of glyphs), and flush with the right margin.
    const inked = await inkedColumns(bytes, 300, 300);
    expect(inked.length).toBeGreaterThan(400);
    expect(Math.max(...inked)).toBeGreaterThan(1200 - 64 - 40);
  });

  it('draws Arabic words inside a left-to-right headline', async () => {
    if (!korean) throw new Error('the sample content has no Korean translation');
    const card = {
      ...articleCard(korean),
      title: 'Écriture: 한국어 기사, עברית, العربية and emoji',
    };
    const info = await sharp(await renderCard(card, 'og')).metadata();
    expect(info).toMatchObject({ width: 1200, height: 630 });
  });

  it('keeps a left-to-right translation flush left', async () => {
    if (!korean) throw new Error('the sample content has no Korean translation');
    const card = articleCard(korean);
    expect(card.dir).toBeUndefined();
    expect(findCard('article', card.hash)).toEqual(card);
    const inked = await inkedColumns(await renderCard(card, '4x3'), 300, 300);
    expect(Math.min(...inked)).toBeLessThan(64 + 10);
  });
});
