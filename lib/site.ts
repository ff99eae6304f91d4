const siteUrl = new URL(process.env.SITE_URL || 'http://localhost:3000');

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
  socials: {
    x: '@TheMeridianNews',
  },
  logo: '/brand/logo.png',
} as const;

/** True while building the static export (npm run export): nothing can run per request. */
export const staticExport = process.env.NEXT_OUTPUT === 'export';

export function absoluteUrl(path: string): string {
  return new URL(path, site.url).toString();
}
