import os from 'node:os';
import path from 'node:path';
import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import { site, siteUrlCheck } from './lib/site';
import { deviceSizes, imageSizes } from './lib/image-widths.js';
import { cardTemplateHash } from './lib/og/template-hash.mjs';
import { settings } from './lib/settings.js';

const production = process.env.NODE_ENV === 'production';

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value:
      'accelerometer=(), autoplay=(self "https://www.youtube-nocookie.com"), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()',
  },
  ...(production
    ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]
    : []),
];

const requestedOutput = process.env.NEXT_OUTPUT;
const isOutput = (value: string | undefined): value is NextConfig['output'] =>
  value === undefined || value === '' || value === 'export' || value === 'standalone';
if (!isOutput(requestedOutput)) {
  throw new Error(`NEXT_OUTPUT must be "export" or "standalone", not "${requestedOutput}"`);
}
const output = requestedOutput || undefined;
const isExport = output === 'export';
const concurrency = Number(process.env.NEXT_STATIC_CONCURRENCY) || undefined;

const nextConfig: NextConfig = {
  // With output: 'export' a custom distDir is where the static site is written (build artefacts go
  // to .next), so NEXT_DIST_DIR then names the export folder instead of out/.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  output,
  // Files named *.server.ts(x) need a running server (the oEmbed query endpoint, the CSP proxy); a
  // static export leaves them out instead of failing on them.
  pageExtensions: isExport
    ? ['tsx', 'ts', 'jsx', 'js']
    : ['server.tsx', 'server.ts', 'tsx', 'ts', 'jsx', 'js'],
  reactStrictMode: true,
  // Several instances share one cache (docs/deployment-cluster.md); Next's own in-memory copy
  // would keep serving a page another instance has revalidated.
  ...(settings.REDIS_URL && {
    cacheHandler: path.resolve('lib/cache-handler.js'),
    cacheMaxMemorySize: 0,
  }),
  env: { MERIDIAN_CARD_TEMPLATE: cardTemplateHash(process.cwd()) },
  poweredByHeader: false,
  images: {
    deviceSizes,
    imageSizes,
    // A static host has no image optimiser: the export points next/image at resized copies written
    // at build time (app/img/[width]/[...path]/route.ts).
    ...(isExport && { loader: 'custom' as const, loaderFile: './lib/image-loader.js' }),
    // Only hosts the site config names: the optimiser must not fetch and resize anything for
    // anyone (any other URL answers 400).
    remotePatterns: site.remoteImageHosts.map((hostname) => ({
      protocol: 'https' as const,
      hostname,
    })),
  },
  // A static host serves its own headers; Next cannot attach them to exported files.
  ...(!isExport && {
    async headers() {
      return [
        {
          source: '/:path*',
          headers: [...securityHeaders, { key: 'X-Frame-Options', value: 'DENY' }],
        },
      ];
    },
  }),
  experimental: {
    ...(concurrency && { staticGenerationMaxConcurrency: concurrency }),
    // Next leaves one core idle by default (one worker on a 2-core machine); prerendering is the
    // build's longest phase, so every core renders.
    cpus: Number(process.env.NEXT_BUILD_CPUS) || os.availableParallelism(),
  },
};

export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_BUILD) {
    const check = siteUrlCheck({
      SITE_URL: process.env.SITE_URL,
      NEXT_OUTPUT: process.env.NEXT_OUTPUT,
    });
    if (check.level === 'error') throw new Error(check.message);
    if (check.level === 'warning') console.warn(check.message);
  }
  return nextConfig;
}
