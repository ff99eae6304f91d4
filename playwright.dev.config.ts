import { defineConfig, devices } from '@playwright/test';
import { E2E_BUILD_TIME } from './e2e/clock';
import base from './playwright.config';

// The editors' preview loop: `next dev` over a copy of the content that the spec edits, adds to
// and breaks (never content/ itself).
const port = Number(process.env.E2E_DEV_PORT || Number(process.env.E2E_PORT || 3100) + 2);
const baseURL = `http://localhost:${port}`;
export const devContentDir = '.e2e-dev-content';

export default defineConfig({
  ...base,
  testIgnore: undefined,
  testMatch: '**/*.dev.spec.ts',
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  outputDir: './test-results/dev',
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report/dev' }]],
  workers: 1,
  use: { ...base.use, baseURL },
  webServer: {
    command: `node scripts/prepare-e2e-content.mjs ${devContentDir} --content-only && next dev -p ${port}`,
    url: baseURL,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      CONTENT_DIR: devContentDir,
      // The runner's environment holds the test build's settings (playwright.config.ts); the
      // editors' preview must show refused bodies as errors.
      UNSAFE_RENDER_REFUSED_BODIES: '0',
      NEXT_DIST_DIR: '.next-e2e',
      SITE_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: '1',
      // The editor's preview shows the stories as of the same instant as the other test builds.
      BUILD_TIME: E2E_BUILD_TIME,
    },
  },
});
