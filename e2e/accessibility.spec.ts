import { expect, test } from './fixtures';

const PAGES = [
  '/',
  '/page/2',
  '/articles/north-korea-volunteers-ukraine',
  '/articles/formatting-and-markdown',
  '/sections/world',
  '/tags/publishing',
  '/authors/bryan-ke',
  '/no-such-page',
];

for (const path of PAGES) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`${path} has no serious or critical axe violations (${scheme})`, async ({
      page,
      seriousViolations,
    }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      const violations = await seriousViolations();
      expect(
        violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`),
      ).toEqual([]);
    });
  }
}
