import './clock';
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base } from '@playwright/test';

export interface AxeResult {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown }[];
}

export const test = base.extend<{
  seriousViolations: () => Promise<AxeResult[]>;
  /** True when the suite runs against the static export (playwright.export.config.ts). */
  isExport: boolean;
}>({
  isExport: [false, { option: true }],
  seriousViolations: async ({ page }, use) => {
    await use(async () => {
      const results = await new AxeBuilder({ page }).analyze();
      return results.violations.filter(
        (violation) => violation.impact === 'serious' || violation.impact === 'critical',
      );
    });
  },
});

export { expect };
