import { remoteImageHosts } from './image-hosts.js';
import { DEFAULT_SITE_URL, settings } from './settings.js';

export { DEFAULT_SITE_URL };

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
const siteUrl = new URL(settings.SITE_URL || DEFAULT_SITE_URL);

export const site = {
  name: 'The Meridian',
  shortName: 'Meridian',
  tagline: 'Independent news, published from a git repository.',
  description:
    'The Meridian is an independent newsroom covering international affairs, and the handbook of how we publish.',
  url: siteUrl,
  language: 'en',
  locale: 'en_US',
  timeZone: 'UTC',
  themeColor: { light: '#ffffff', dark: '#121212' },
  pageSize: 10,
  feedSize: 50,
  newsSitemapHours: 48,
  /** How often an open live story asks for new updates. */
  liveRefreshSeconds: 60,
  /**
   * Live coverage with no update for this long is treated as ended at its last update (label,
   * polling, card, JSON-LD, live JSON); the content check warns about it.
   */
  liveIdleHours: 24,
  socials: {
    x: '@TheMeridianNews',
  },
  logo: '/brand/logo.png',
  /** Hosts whose https images articles may use (lib/image-hosts.js). */
  remoteImageHosts,
  /** A server build prerenders this many of the newest stories; older ones render on first request. */
  prerenderNewest: settings.PRERENDER_NEWEST,
  /**
   * A server build prerenders the first this many pages of each archive (`/page/N`,
   * `/tags/<tag>/page/N`…); deeper ones, which readers seldom reach, render on first request.
   */
  prerenderArchivePages: settings.PRERENDER_ARCHIVE_PAGES,
  /** The WebSub hub the feeds name (`<atom:link rel="hub">`); the publisher pings it. */
  websubHub: settings.WEBSUB_HUB,
} as const;

/** True while building the static export (npm run export): nothing can run per request. */
export const staticExport = settings.NEXT_OUTPUT === 'export';

export function absoluteUrl(path: string): string {
  return new URL(path, site.url).toString();
}
