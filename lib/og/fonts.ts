import fs from 'node:fs';
import path from 'node:path';
import { create, type Font } from 'fontkit';

const fontDir = path.join(process.cwd(), 'lib', 'og', 'fonts');

function read(file: string): Buffer {
  return fs.readFileSync(path.join(/* turbopackIgnore: true */ fontDir, file));
}

const regular = read('NotoSansKR-Regular.ttf');
const bold = read('NotoSansKR-Bold.ttf');
const arabicRegular = read('noto-sans-arabic-arabic-400-normal.woff');
const arabicBold = read('noto-sans-arabic-arabic-700-normal.woff');

const ARABIC_FAMILY = 'Noto Sans Arabic';
// Satori takes a glyph from the first family in the list that has it.
export const CARD_FONT_FAMILY = `Noto Sans KR, ${ARABIC_FAMILY}`;

// Satori caches parsed fonts per options object, so this array must stay the same object.
export const cardFonts = [
  { name: 'Noto Sans KR', data: regular, weight: 400 as const, style: 'normal' as const },
  { name: 'Noto Sans KR', data: bold, weight: 700 as const, style: 'normal' as const },
  { name: ARABIC_FAMILY, data: arabicRegular, weight: 400 as const, style: 'normal' as const },
  { name: ARABIC_FAMILY, data: arabicBold, weight: 700 as const, style: 'normal' as const },
];

function parse(buffer: Buffer): Font {
  const font = create(buffer);
  if ('fonts' in font) throw new Error('expected a single font, not a collection');
  return font;
}

const metrics = [parse(bold), parse(arabicBold)];

function fontFor(code: number): Font | undefined {
  return metrics.find((font) => font.hasGlyphForCodePoint(code));
}

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
    else if (fontFor(code)) out += char;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** Width of the text in em of the bold card fonts (no kerning: a slight overestimate). */
export function textWidthEm(text: string): number {
  let em = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const font = fontFor(code) ?? metrics[0];
    if (font) em += font.glyphForCodePoint(code).advanceWidth / font.unitsPerEm;
  }
  return em;
}
