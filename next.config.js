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
  reactStrictMode: true,
  poweredByHeader: false,
  images: {
    // A static host has no image optimiser: the export serves the files from public/ as they are.
    unoptimized: isExport,
    remotePatterns: [{ protocol: 'https', hostname: '**' }],
  },
  experimental: {
    ...(concurrency && { staticGenerationMaxConcurrency: concurrency }),
    ...(process.env.NEXT_BUILD_CPUS && { cpus: Number(process.env.NEXT_BUILD_CPUS) }),
  },
};

export default nextConfig;
