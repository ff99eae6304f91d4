import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { E2E_BUILD_TIME } from './e2e/clock';
import { E2E_PREVIEW_SECRET } from './e2e/preview-secret';

const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://localhost:${port}`;
const systemChromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const executablePath = fs.existsSync(systemChromium) ? systemChromium : undefined;

// Specs load the content module in the test process too (e2e/published.ts): before any of them
// imports lib/settings.js, the process gets the settings the test build had.
Object.assign(process.env, {
  CONTENT_DIR: '.e2e-content',
  UNSAFE_RENDER_REFUSED_BODIES: '1',
  BUILD_TIME: E2E_BUILD_TIME,
});

export default defineConfig({
  testDir: './e2e',
  // The live-preview spec edits content files under `next dev` (playwright.dev.config.ts).
  testIgnore: '**/*.dev.spec.ts',
  outputDir: './test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'] },
      testIgnore: ['**/*.dev.spec.ts', '**/revalidate.spec.ts'],
    },
    // Edits content under the running server, so it runs after every other spec.
    {
      name: 'publish',
      use: { ...devices['Desktop Chrome'] },
      testMatch: '**/revalidate.spec.ts',
      dependencies: ['chromium'],
    },
  ],
  webServer: {
    command: `node scripts/prepare-e2e-content.mjs && npm run -s search:index && next build && next start -p ${port}`,
    url: baseURL,
    timeout: 600_000,
    // The build takes minutes; its output shows that it is running and what failed.
    stdout: 'pipe',
    reuseExistingServer: !process.env.CI,
    env: {
      CONTENT_DIR: '.e2e-content',
      UNSAFE_RENDER_REFUSED_BODIES: '1',
      NEXT_DIST_DIR: '.next-e2e',
      // Fewer than the e2e content holds, so the suite also covers stories rendered on request.
      PRERENDER_NEWEST: '6',
      REVALIDATE_TOKEN: process.env.REVALIDATE_TOKEN || 'e2e-revalidate-token',
      PREVIEW_SECRET: E2E_PREVIEW_SECRET,
      SITE_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: '1',
      BUILD_TIME: E2E_BUILD_TIME,
    },
  },
});
