const siteUrl = new URL(process.env.SITE_URL || 'http://localhost:3000');

function prerenderNewest(value = process.env.PRERENDER_NEWEST): number {
  if (value === undefined || value === '') return 10_000;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) {
    throw new Error(`PRERENDER_NEWEST must be a whole number, not "${value}"`);
  }
  return count;
}

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
  socials: {
    x: '@TheMeridianNews',
  },
  logo: '/brand/logo.png',
  /** A server build prerenders this many of the newest stories; older ones render on first request. */
  prerenderNewest: prerenderNewest(),
} as const;

/** True while building the static export (npm run export): nothing can run per request. */
export const staticExport = process.env.NEXT_OUTPUT === 'export';

export function absoluteUrl(path: string): string {
  return new URL(path, site.url).toString();
}
