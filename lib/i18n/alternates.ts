import { absoluteUrl, defaultLocale, type Locale, localeInfo, localePath, locales } from '../site';

/** One page of a translation set: its language and its site path. */
export interface LocalizedPage {
  locale: Locale;
  url: string;
}

export interface Alternate {
  hreflang: string;
  href: string;
}

function ordered<T extends LocalizedPage>(pages: readonly T[]): T[] {
  const rank = (locale: Locale) => locales.findIndex((info) => info.code === locale);
  return [...pages].sort((a, b) => rank(a.locale) - rank(b.locale));
}

/**
 * The `hreflang` links every member of a set carries, the same on each (so they are reciprocal):
 * one per language, absolute, and `x-default` on the default language's page (or the first).
 * A page alone in its language set has none.
 */
export function hreflangAlternates(pages: readonly LocalizedPage[]): Alternate[] {
  if (pages.length < 2) return [];
  const sorted = ordered(pages);
  const fallback = sorted.find((page) => page.locale === defaultLocale) ?? sorted[0];
  return [
    ...sorted.map((page) => ({
      hreflang: localeInfo(page.locale).tag,
      href: absoluteUrl(page.url),
    })),
    ...(fallback ? [{ hreflang: 'x-default', href: absoluteUrl(fallback.url) }] : []),
  ];
}

/** The same links in the shape Next's metadata takes (`alternates.languages`). */
export function metadataLanguages(pages: readonly LocalizedPage[]): Record<string, string> {
  return Object.fromEntries(hreflangAlternates(pages).map((link) => [link.hreflang, link.href]));
}

/** `og:locale` for the page's own language, `og:locale:alternate` for the others of its set. */
export function openGraphLocales(locale: Locale, pages: readonly LocalizedPage[]) {
  return {
    locale: localeInfo(locale).ogLocale,
    alternateLocale: ordered(pages)
      .filter((page) => page.locale !== locale)
      .map((page) => localeInfo(page.locale).ogLocale),
  };
}

/** One entry of the header's language switcher. */
export interface SwitcherLink {
  locale: Locale;
  href: string;
}

/**
 * Where the language switcher sends a reader of `current`: for every other language, this page's
 * version in it (`pages`, the page's translation set), else that language's front page.
 */
export function switcherLinks(current: Locale, pages: readonly LocalizedPage[]): SwitcherLink[] {
  return locales
    .filter((info) => info.code !== current)
    .map((info) => ({
      locale: info.code,
      href: pages.find((page) => page.locale === info.code)?.url ?? localePath(info.code, '/'),
    }));
}

/** The same path in every language (front pages, search pages): each one's set. */
export function everyLocalePage(path: string): LocalizedPage[] {
  return locales.map((info) => ({ locale: info.code, url: localePath(info.code, path) }));
}
