import fs from 'node:fs';
import path from 'node:path';
import readingTime from 'reading-time';
import { describe, expect, it } from 'vitest';
import { countWords } from '@/lib/content/reading-time';

const samples = [
  'Three plain words',
  '  leading and trailing spaces\n\n',
  'tabs\tand\r\nnewlines\nsplit words',
  'hyphen-ated words — and dashes, “quotes” and (brackets).',
  '한국어 기사 제목입니다',
  '北朝鮮のニュースです。そして、続きます',
  '中文abc 中,abc 中。。 x',
  'abc中def',
  '중앙日報，記事 100,000 명',
  '',
  ' \n\t ',
  'a',
];

describe('countWords', () => {
  it.each(samples)('counts %j as the reading-time package does', (text) => {
    expect(countWords(text)).toBe(readingTime(text).words);
  });

  it('agrees with the reading-time package on every article in content/', () => {
    const dir = path.join(process.cwd(), 'content', 'articles');
    const files = fs.readdirSync(dir).filter((name) => name.endsWith('.mdx'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      expect(countWords(text), name).toBe(readingTime(text).words);
    }
  });

  it('gives the same answer when called twice (the regex keeps no state between calls)', () => {
    const text = 'one two three four';
    expect(countWords(text)).toBe(4);
    expect(countWords(text)).toBe(4);
  });
});
