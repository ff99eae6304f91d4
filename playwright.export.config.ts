import { defineConfig } from '@playwright/test';
import { E2E_BUILD_TIME } from './e2e/clock';
import base from './playwright.config';
import { E2E_PREVIEW_SECRET } from './e2e/preview-secret';

// The same specs against the static export (NEXT_OUTPUT=export) served by a plain static file
// server, as a CDN would serve it. Specs that need a server skip themselves with isExport.
const port = Number(process.env.E2E_EXPORT_PORT || process.env.E2E_PORT || 3100);
const baseURL = `http://localhost:${port}`;
const outDir = '.e2e-out';

export default defineConfig<{ isExport: boolean }>({
  ...base,
  outputDir: './test-results/export',
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report/export' }]],
  use: { ...base.use, baseURL, isExport: true },
  webServer: {
    command: `node scripts/prepare-e2e-content.mjs && npm run -s search:index && next build && node scripts/serve-static.mjs ${outDir} ${port}`,
    url: baseURL,
    timeout: 600_000,
    // The build takes minutes; its output shows that it is running and what failed.
    stdout: 'pipe',
    reuseExistingServer: false,
    env: {
      CONTENT_DIR: '.e2e-content',
      UNSAFE_RENDER_REFUSED_BODIES: '1',
      NEXT_OUTPUT: 'export',
      // Set, to prove the export has no preview route even then.
      PREVIEW_SECRET: E2E_PREVIEW_SECRET,
      NEXT_DIST_DIR: outDir,
      SITE_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: '1',
      BUILD_TIME: E2E_BUILD_TIME,
    },
  },
});
