// Same count as the reading-time package (each CJK character is a word, punctuation and spaces
// after one are skipped, any other run of non-space characters is a word), in one regex pass:
// the package walks the text a character at a time and allocates on each, about 1.5 ms an
// article, which at 10,000 articles cost every build worker 20 s just to load the index.
const CJK = '\\u3040-\\u309f\\u4e00-\\u9fff\\uac00-\\ud7a3';
const PUNCTUATION = '\\u0021-\\u002f\\u003a-\\u0040\\u005b-\\u0060\\u007b-\\u007e\\u3000-\\u303f\\uff00-\\uffef';
const WORD = new RegExp(`[${CJK}][${PUNCTUATION} \\n\\r\\t]*|[^${CJK} \\n\\r\\t]+`, 'g');

export const WORDS_PER_MINUTE = 200;

export function countWords(text: string): number {
  let words = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) words++;
  return words;
}
