// @ts-check
import os from 'node:os';
import path from 'node:path';
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js';
import { remoteImageHosts } from './lib/image-hosts.js';
import { securityHeaders } from './lib/security-headers.js';
import { deviceSizes, imageSizes } from './lib/image-widths.js';
import { cardTemplateHash } from './lib/og/template-hash.mjs';
import { settings, siteUrlCheck } from './lib/settings.js';

const production = process.env.NODE_ENV === 'production';

const output = settings.NEXT_OUTPUT;
const isExport = output === 'export';
const concurrency = settings.NEXT_STATIC_CONCURRENCY;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // With output: 'export' a custom distDir is where the static site is written (build artefacts go
  // to .next), so NEXT_DIST_DIR then names the export folder instead of out/.
  distDir: settings.NEXT_DIST_DIR || '.next',
  output,
  // Files named *.server.ts(x) need a running server (the oEmbed query endpoint, the CSP proxy); a
  // static export leaves them out instead of failing on them. Files named *.export.tsx are the
  // export's alone: a server that matched every unknown path with the export's catch-all 404 page
  // would route each such request twice, and run the proxy twice for it.
  pageExtensions: isExport
    ? ['export.tsx', 'tsx', 'ts', 'jsx', 'js']
    : ['server.tsx', 'server.ts', 'tsx', 'ts', 'jsx', 'js'],
  reactStrictMode: true,
  // Several instances share one cache (docs/deployment-cluster.md); Next's own in-memory copy
  // would keep serving a page another instance has revalidated.
  ...(settings.REDIS_URL && {
    cacheHandler: path.resolve('lib/cache-handler.js'),
    cacheMaxMemorySize: 0,
    // Such instances run behind the edge, which gzips each object once when it stores it
    // (deploy/varnish/default.vcl); gzipping every page on every request was most of an
    // instance's per-request cost (docs/decisions/0310-origins-leave-compression-to-the-edge.md).
    compress: false,
    // Next hashes the whole page on every request for its ETag; the request gate gives a page
    // the tag of its shared-cache entry, worked out once per entry (lib/request-gate.ts,
    // docs/decisions/0324-entity-tags-from-the-gate.md).
    generateEtags: false,
  }),
  env: { MERIDIAN_CARD_TEMPLATE: cardTemplateHash(process.cwd()) },
  poweredByHeader: false,
  // npm run build (scripts/build.mjs) type-checks beside next build, off its critical path.
  typescript: { ignoreBuildErrors: settings.NEXT_TYPECHECK === 'off' },
  images: {
    deviceSizes,
    imageSizes,
    // A static host has no image optimiser: the export points next/image at resized copies written
    // at build time (app/img/[width]/[...path]/route.ts).
    ...(isExport && {
      loader: /** @type {const} */ ('custom'),
      loaderFile: './lib/image-loader.js',
    }),
    // Only hosts the site config names: the optimiser must not fetch and resize anything for
    // anyone (any other URL answers 400).
    remotePatterns: remoteImageHosts.map((hostname) => ({
      protocol: /** @type {const} */ ('https'),
      hostname,
    })),
  },
  // A static host serves its own headers; Next cannot attach them to exported files.
  ...(!isExport && {
    async headers() {
      return [
        {
          source: '/:path*',
          headers: securityHeaders(production),
        },
      ];
    },
  }),
  experimental: {
    ...(concurrency && { staticGenerationMaxConcurrency: concurrency }),
    // Next leaves one core idle by default (one worker on a 2-core machine); prerendering is the
    // build's longest phase, so every core renders.
    cpus: settings.NEXT_BUILD_CPUS || os.availableParallelism(),
    // Bundling a route's prefetch segments into one response renders every segment twice at build
    // time and gzips each to size it: a fifth of static generation, to spare a reader who points
    // at a link five small requests (docs/decisions/0906-prefetch-segments-unbundled.md).
    prefetchInlining: false,
  },
};

/**
 * @param {string} phase
 * @returns {import('next').NextConfig}
 */
export default function config(phase) {
  if (phase === PHASE_PRODUCTION_BUILD) {
    const check = siteUrlCheck(settings);
    if (check.level === 'error') throw new Error(check.message);
    if (check.level === 'warning') console.warn(check.message);
  }
  return nextConfig;
}
