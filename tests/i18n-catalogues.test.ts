import { describe, expect, it } from 'vitest';
import { catalogueProblems, catalogues, translate } from '@/lib/i18n/messages';
import { locales } from '@/lib/site';

describe('interface catalogues', () => {
  it('every locale has a catalogue with every key of en.json, the same placeholders, none empty', () => {
    expect(Object.keys(catalogues).sort()).toEqual(locales.map((locale) => locale.code).sort());
    expect(catalogueProblems()).toEqual([]);
  });

  it('names a missing key, an extra key, an empty string and a lost placeholder', () => {
    const problems = catalogueProblems({
      en: { a: 'A', b: 'Page {page}', c: 'C' },
      ko: { a: '', b: '페이지', d: 'D' },
    });
    expect(problems).toEqual([
      'lib/i18n/messages/ko.json: "a" is empty',
      'lib/i18n/messages/ko.json: "b" must use the placeholders page like en.json',
      'lib/i18n/messages/ko.json: "c" is missing',
      'lib/i18n/messages/ko.json: "d" is not in en.json',
    ]);
  });

  it('fills placeholders in the locale asked for', () => {
    expect(translate('en', 'pagination.page', { page: 2, total: 5 })).toBe('Page 2 of 5');
    expect(translate('ko', 'pagination.page', { page: 2, total: 5 })).toBe('5페이지 중 2페이지');
    expect(translate('ar', 'article.readingTime', { minutes: 3 })).toBe('قراءة في 3 دقيقة');
  });
});
