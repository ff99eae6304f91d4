import reshaper from 'arabic-persian-reshaper';
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/**
 * Satori neither joins Arabic letters nor lays text right to left (vercel/satori#74). So a
 * right-to-left card draws each piece of text already in the order and shapes it is seen in: the
 * letters replaced by their joined presentation forms (arabic-persian-reshaper), then reordered
 * and mirrored by the Unicode bidi algorithm (bidi-js) into left-to-right drawing order.
 */
export function visualOrder(text: string): string {
  const shaped = reshaper.ArabicShaper.convertArabic(text);
  return bidi.getReorderedString(shaped, bidi.getEmbeddingLevels(shaped, 'rtl'));
}
