import { textWidthEm } from './fonts';

const HEADLINE_SIZES = [80, 72, 64, 58, 52, 46, 42, 38];
export const LINE_HEIGHT = 1.18;
// The font's U+2026 is the centred CJK form, which looks wrong after Latin text.
const ELLIPSIS = '...';

/** Curly quotes: a line may break after a straight opening quote, never after “. */
export function typographic(text: string): string {
  return text.replace(/"([^"]*)"/g, '“$1”').replace(/(\p{L})'(\p{L})/gu, '$1’$2');
}

// Glyph advances ignore kerning and Satori's own wrapping; leave it some slack.
const WRAP_SLACK = 0.94;

function wrap(words: string[], size: number, boxWidth: number): number {
  const width = boxWidth * WRAP_SLACK;
  const space = textWidthEm(' ') * size;
  let lines = 1;
  let used = 0;
  for (const word of words) {
    const w = textWidthEm(word) * size;
    if (used > 0 && used + space + w > width) {
      lines += 1;
      used = 0;
    }
    if (w > width) {
      lines += Math.ceil(w / width) - 1;
      used = w % width;
    } else used += (used > 0 ? space : 0) + w;
  }
  return lines;
}

/** The largest size at which the text fits in maxLines; at the smallest, cut with an ellipsis. */
export function fitText(
  text: string,
  {
    width,
    height,
    maxLines = 5,
    sizes = HEADLINE_SIZES,
  }: { width: number; height: number; maxLines?: number; sizes?: number[] },
): { text: string; size: number; lines: number } {
  const words = text.split(' ').filter(Boolean);
  const linesAt = (size: number) =>
    Math.max(1, Math.min(maxLines, Math.floor(height / (size * LINE_HEIGHT))));
  for (const size of sizes) {
    const lines = wrap(words, size, width);
    if (lines <= linesAt(size)) return { text, size, lines };
  }
  const size = sizes[sizes.length - 1] ?? 38;
  const max = linesAt(size);
  const kept = [...words];
  while (kept.length > 1 && wrap([...kept, ELLIPSIS], size, width) > max) kept.pop();
  let last = kept.pop() ?? '';
  while (last.length > 1 && wrap([...kept, `${last}${ELLIPSIS}`], size, width) > max) {
    last = [...last].slice(0, -1).join('');
  }
  const cut = [...kept, last].join(' ').replace(/[\s,;:.–—-]+$/u, '');
  return { text: `${cut}${ELLIPSIS}`, size, lines: max };
}
