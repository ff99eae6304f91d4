import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  hreflangAlternates,
  metadataLanguages,
  openGraphLocales,
  switcherLinks,
} from '@/lib/i18n/alternates';
import { urlsetXml } from '@/lib/sitemaps';
import { absoluteUrl } from '@/lib/site';

const set = [
  { locale: 'ar' as const, url: '/ar/articles/qissa' },
  { locale: 'en' as const, url: '/articles/story' },
  { locale: 'ko' as const, url: '/ko/articles/story' },
];

describe('hreflang alternates', () => {
  it('lists every language of the set, absolute, in declaration order, and x-default on the original', () => {
    expect(hreflangAlternates(set)).toEqual([
      { hreflang: 'en', href: absoluteUrl('/articles/story') },
      { hreflang: 'ko', href: absoluteUrl('/ko/articles/story') },
      { hreflang: 'ar', href: absoluteUrl('/ar/articles/qissa') },
      { hreflang: 'x-default', href: absoluteUrl('/articles/story') },
    ]);
    expect(metadataLanguages([...set].reverse())).toEqual(metadataLanguages(set));
  });

  it('falls back to the first language for x-default when the original is not in the set', () => {
    expect(hreflangAlternates(set.slice(0, 1).concat(set.slice(2))).at(-1)).toEqual({
      hreflang: 'x-default',
      href: absoluteUrl('/ko/articles/story'),
    });
  });

  it('gives a page without translations no links', () => {
    expect(hreflangAlternates(set.slice(1, 2))).toEqual([]);
  });

  it("links the switcher to the page's own version in each language, whatever its slug", () => {
    expect(switcherLinks('ko', set)).toEqual([
      { locale: 'en', href: '/articles/story' },
      { locale: 'ar', href: '/ar/articles/qissa' },
    ]);
    expect(switcherLinks('ar', set).map((link) => link.href)).toEqual([
      '/articles/story',
      '/ko/articles/story',
    ]);
  });

  it("links the switcher to a language's front page where the page has no version in it", () => {
    expect(switcherLinks('en', set.slice(1, 2))).toEqual([
      { locale: 'ko', href: '/ko' },
      { locale: 'ar', href: '/ar' },
    ]);
    expect(switcherLinks('ko', set.slice(2))).toEqual([
      { locale: 'en', href: '/' },
      { locale: 'ar', href: '/ar' },
    ]);
  });

  it('names og:locale and the other languages as og:locale:alternate', () => {
    expect(openGraphLocales('ko', set)).toEqual({
      locale: 'ko_KR',
      alternateLocale: ['en_US', 'ar_AR'],
    });
  });

  it('writes them into the sitemap as xhtml:link, with the namespace', () => {
    const alternates = hreflangAlternates(set);
    const xml = urlsetXml([
      { url: absoluteUrl('/articles/story'), alternates },
      { url: absoluteUrl('/articles/alone') },
    ]);
    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const [story, alone] = parsed.urlset.url;
    expect(story['xhtml:link'].map((link: Record<string, string>) => link['@_hreflang'])).toEqual([
      'en',
      'ko',
      'ar',
      'x-default',
    ]);
    expect(story['xhtml:link'][2]).toEqual({
      '@_rel': 'alternate',
      '@_hreflang': 'ar',
      '@_href': absoluteUrl('/ar/articles/qissa'),
    });
    expect(alone['xhtml:link']).toBeUndefined();
    expect(urlsetXml([{ url: absoluteUrl('/x') }])).not.toContain('xmlns:xhtml');
  });
});
