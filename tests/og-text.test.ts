import { describe, expect, it } from 'vitest';
import { drawable } from '@/lib/og/fonts';
import { fitText, typographic } from '@/lib/og/text';

describe('drawable', () => {
  it('keeps Latin and Hangul and drops emoji the font cannot draw', () => {
    expect(drawable('북한군 파병 🇰🇵 1년 👋🏽 “quotes” & <tags>')).toBe(
      '북한군 파병 1년 “quotes” & <tags>',
    );
    expect(drawable('Keycap 1️⃣ and family 👨‍👩‍👧 and heart ❤️')).toBe('Keycap 1 and family and heart');
  });
});

describe('fitText', () => {
  const box = { width: 600, height: 300 };

  it('keeps a short headline whole at the largest size', () => {
    expect(fitText('Short', box)).toEqual({ text: 'Short', size: 80, lines: 1 });
  });

  it('shrinks a longer headline before cutting it', () => {
    const text = 'A headline of middling length that needs a few lines to fit';
    const fitted = fitText(text, box);
    expect(fitted.text).toBe(text);
    expect(fitted.size).toBeLessThan(80);
  });

  it('cuts a very long headline with an ellipsis at the smallest size', () => {
    const text = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const fitted = fitText(text, box);
    expect(fitted.size).toBe(38);
    expect(fitted.text.endsWith('...')).toBe(true);
    expect(fitted.text.length).toBeLessThan(text.length);
    expect(fitted.lines * fitted.size * 1.18).toBeLessThanOrEqual(box.height);
  });

  it('cuts Hangul too', () => {
    const text = '우크라이나 전선의 북한 병사들 '.repeat(20).trim();
    expect(fitText(text, box).text.endsWith('...')).toBe(true);
  });
});

describe('typographic', () => {
  it('curls straight quotes and apostrophes', () => {
    expect(typographic('He said "it\'s done"')).toBe('He said “it’s done”');
  });
});
