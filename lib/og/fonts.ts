import fs from 'node:fs';
import path from 'node:path';
import { create, type Font } from 'fontkit';

const fontDir = path.join(process.cwd(), 'lib', 'og', 'fonts');

function read(file: string): Buffer {
  return fs.readFileSync(path.join(/* turbopackIgnore: true */ fontDir, file));
}

const regular = read('NotoSansKR-Regular.ttf');
const bold = read('NotoSansKR-Bold.ttf');

export const CARD_FONT_FAMILY = 'Noto Sans KR';

// Satori caches parsed fonts per options object, so this array must stay the same object.
export const cardFonts = [
  { name: CARD_FONT_FAMILY, data: regular, weight: 400 as const, style: 'normal' as const },
  { name: CARD_FONT_FAMILY, data: bold, weight: 700 as const, style: 'normal' as const },
];

function parse(buffer: Buffer): Font {
  const font = create(buffer);
  if ('fonts' in font) throw new Error('expected a single font, not a collection');
  return font;
}

const metrics = parse(bold);

const JOINERS = /[\u200d\ufe0e\ufe0f\u20e3]|\p{Emoji_Modifier}|[\u{e0020}-\u{e007f}]/gu;

/**
 * Satori asks a remote font service for any glyph our fonts lack (emoji included), which fails
 * offline and would draw boxes; so drawn text keeps only characters the card font has.
 */
export function drawable(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC').replace(JOINERS, '')) {
    const code = char.codePointAt(0) ?? 0;
    if (/\s/u.test(char)) out += ' ';
    else if (metrics.hasGlyphForCodePoint(code)) out += char;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** Width of the text in em of the bold card font (no kerning: a slight overestimate). */
export function textWidthEm(text: string): number {
  let units = 0;
  for (const char of text) {
    units += metrics.glyphForCodePoint(char.codePointAt(0) ?? 0).advanceWidth;
  }
  return units / metrics.unitsPerEm;
}
