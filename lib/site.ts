import { remoteImageHosts } from './image-hosts.js';
import { DEFAULT_SITE_URL, settings } from './settings.js';

export { DEFAULT_SITE_URL };

export * from './locales';

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
