/**
 * The instant the test builds are pinned to (BUILD_TIME), read by the Playwright configs and by the
 * specs that compute what they expect. The default is shortly after the newest sample and fixture,
 * so each fixture plays its part: the scheduled ones (2099) are in the future, the running live
 * fixture was updated within `site.liveIdleHours`, the newest stories are within the news
 * sitemap's 48 hours. `E2E_BUILD_TIME=2027-11-28T20:00:00Z npx playwright test` runs the suite at
 * another date; the specs adapt what they expect (docs/clock.md).
 */
export const DEFAULT_E2E_BUILD_TIME = '2026-11-28T20:00:00Z';

export const E2E_BUILD_TIME = process.env.E2E_BUILD_TIME || DEFAULT_E2E_BUILD_TIME;

if (!/^\d{4}-\d{2}-\d{2}T/.test(E2E_BUILD_TIME) || Number.isNaN(Date.parse(E2E_BUILD_TIME))) {
  throw new Error(
    `E2E_BUILD_TIME="${E2E_BUILD_TIME}" is not valid: expected an ISO 8601 instant, like 2027-11-28T20:00:00Z`,
  );
}

/** The test build's "now". */
export const buildTime = new Date(E2E_BUILD_TIME);

// The specs that load the content module in the test process (published.ts, share-helpers.ts)
// see the same clock as the build: lib/settings.js reads BUILD_TIME when first imported.
process.env.BUILD_TIME = E2E_BUILD_TIME;

const HOUR = 3_600_000;

/** Hours from `time` to the test build's instant. */
export function hoursBefore(time: string): number {
  return (buildTime.getTime() - Date.parse(time)) / HOUR;
}
