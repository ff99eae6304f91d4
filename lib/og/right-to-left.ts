import reshaper from 'arabic-persian-reshaper';
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;

/**
 * Satori lays text left to right only (vercel/satori#74), and its own Arabic shaping throws on
 * the lookups of Noto Sans Arabic. So every card draws text already in the order and shapes it is
 * seen in: Arabic letters replaced by their joined presentation forms (arabic-persian-reshaper),
 * then reordered and mirrored by the Unicode bidi algorithm (bidi-js) for a paragraph of the
 * card's direction. Text with no right-to-left letter is returned as it is.
 */
export function visualOrder(text: string, direction: 'ltr' | 'rtl'): string {
  if (!RIGHT_TO_LEFT.test(text)) return text;
  const shaped = reshaper.ArabicShaper.convertArabic(text);
  return bidi.getReorderedString(shaped, bidi.getEmbeddingLevels(shaped, direction));
}
