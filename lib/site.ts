import { DEFAULT_SITE_URL, settings } from './settings.js';

export { DEFAULT_SITE_URL };
const siteUrl = new URL(settings.SITE_URL || DEFAULT_SITE_URL);
const remoteImageHosts: readonly string[] = [];

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
  /** Hosts whose https images articles may use (`image`, author `avatar`); empty: local only. */
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

const BAR = '!'.repeat(100);

/**
 * Every absolute URL (canonical links, feeds, sitemaps, cards, oEmbed) comes from SITE_URL. A
 * production build without it is only right on this machine: plain `npm run build` warns (so
 * `npm ci && npm run build && npm start` still works on localhost); the export and standalone
 * builds, which exist to be deployed elsewhere, stop.
 */
export function siteUrlCheck(env: {
  SITE_URL?: string;
  NEXT_OUTPUT?: string;
}): { level: 'ok' } | { level: 'warning' | 'error'; message: string } {
  if (env.SITE_URL) {
    return URL.canParse(env.SITE_URL)
      ? { level: 'ok' }
      : {
          level: 'error',
          message: `SITE_URL="${env.SITE_URL}" is not an absolute URL, like https://news.example`,
        };
  }
  const consequence = `SITE_URL is not set, so every canonical link, feed, sitemap, share card and oEmbed answer of this build points to ${DEFAULT_SITE_URL}.`;
  if (env.NEXT_OUTPUT === 'export' || env.NEXT_OUTPUT === 'standalone') {
    return {
      level: 'error',
      message: `${consequence} The ${env.NEXT_OUTPUT} build is made to be deployed: set SITE_URL=https://your.domain (or SITE_URL=${DEFAULT_SITE_URL} to try it locally).`,
    };
  }
  return {
    level: 'warning',
    message: [
      BAR,
      `WARNING: ${consequence}`,
      'That is right only for trying the site on this machine. To deploy, build with SITE_URL=https://your.domain.',
      BAR,
    ].join('\n'),
  };
}

/** True while building the static export (npm run export): nothing can run per request. */
export const staticExport = settings.NEXT_OUTPUT === 'export';

export function absoluteUrl(path: string): string {
  return new URL(path, site.url).toString();
}
