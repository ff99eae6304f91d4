import os from 'node:os';
import { cardTemplateHash } from './lib/og/template-hash.mjs';

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

const output = process.env.NEXT_OUTPUT;
if (output && output !== 'export' && output !== 'standalone') {
  throw new Error(`NEXT_OUTPUT must be "export" or "standalone", not "${output}"`);
}
const isExport = output === 'export';
const concurrency = Number(process.env.NEXT_STATIC_CONCURRENCY) || undefined;

/** @type {import('next').NextConfig} */
const nextConfig = {
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
  env: { MERIDIAN_CARD_TEMPLATE: cardTemplateHash(process.cwd()) },
  poweredByHeader: false,
  images: {
    // A static host has no image optimiser: the export serves the files from public/ as they are.
    unoptimized: isExport,
    remotePatterns: [{ protocol: 'https', hostname: '**' }],
  },
  // A static host serves its own headers; Next cannot attach them to exported files.
  ...(!isExport && {
    async headers() {
      return [
        { source: '/:path*', headers: securityHeaders },
        // Only the oEmbed player pages under /embed/ may be framed (see lib/security.ts).
        { source: '/((?!embed/).*)', headers: [{ key: 'X-Frame-Options', value: 'DENY' }] },
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

export default nextConfig;
