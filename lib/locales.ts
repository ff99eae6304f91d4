/**
 * The languages the publication publishes in. Kept apart from lib/site.ts, which reads the settings,
 * so client components can format dates and build links without shipping the settings module (and
 * zod) to the browser; tests/client-imports.test.ts holds that line.
 */
export interface LocaleInfo {
  /** The folder under content/ and the URL prefix (none for the default). */
  code: string;
  /** BCP 47 tag for `lang`, `hreflang`, `inLanguage` and feeds. */
  tag: string;
  /** Open Graph's territory form. */
  ogLocale: string;
  dir: 'ltr' | 'rtl';
  /** The language's name in itself, for "Also in" and the switcher. */
  name: string;
  /** The Intl locale dates and numbers are formatted in. */
  format: string;
  timeZone: string;
}

/** Every language the publication publishes in; the first is the default, with unprefixed URLs. */
export const locales = [
  {
    code: 'en',
    tag: 'en',
    ogLocale: 'en_US',
    dir: 'ltr',
    name: 'English',
    format: 'en-GB',
    timeZone: 'UTC',
  },
  {
    code: 'ko',
    tag: 'ko',
    ogLocale: 'ko_KR',
    dir: 'ltr',
    name: '한국어',
    format: 'ko-KR',
    timeZone: 'Asia/Seoul',
  },
  {
    code: 'ar',
    tag: 'ar',
    ogLocale: 'ar_AR',
    dir: 'rtl',
    name: 'العربية',
    format: 'ar-u-nu-latn',
    timeZone: 'UTC',
  },
] as const satisfies readonly LocaleInfo[];

export type Locale = (typeof locales)[number]['code'];
export const defaultLocale: Locale = locales[0].code;
export const otherLocales = locales.slice(1).map((locale) => locale.code);

export function isLocale(code: string): code is Locale {
  return locales.some((locale) => locale.code === code);
}

export function localeInfo(code: Locale): LocaleInfo {
  return locales.find((locale) => locale.code === code) ?? locales[0];
}

/** A site path in a locale: `/articles/x` stays as it is for the default, `/ko/articles/x` otherwise. */
export function localePath(locale: Locale, path: string): string {
  if (locale === defaultLocale) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}
