import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function recordThemeAtFirstBody(page: Page) {
  await page.addInitScript(() => {
    const record = () => {
      if (document.body && !('themeAtBody' in window)) {
        Object.assign(window, {
          themeAtBody: document.documentElement.dataset.theme ?? 'unset',
          backgroundAtBody: getComputedStyle(document.body).backgroundColor,
        });
      }
    };
    new MutationObserver(record).observe(document, { childList: true, subtree: true });
  });
}

const themeAtBody = (page: Page) => page.evaluate(() => Reflect.get(window, 'themeAtBody'));

test('follows the operating system before the first paint', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await recordThemeAtFirstBody(page);
  await page.goto('/');
  expect(await themeAtBody(page)).toBe('dark');
  expect(await page.evaluate(() => Reflect.get(window, 'backgroundAtBody'))).toBe(
    'rgb(18, 18, 18)',
  );
});

test('the reader toggle switches, persists across pages and never flashes', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await recordThemeAtFirstBody(page);
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
    'rgb(18, 18, 18)',
  );
  await page.goto('/articles/north-korea-volunteers-ukraine');
  expect(await themeAtBody(page)).toBe('dark');
  await page.getByRole('button', { name: 'Dark mode' }).click();
  await page.reload();
  expect(await themeAtBody(page)).toBe('light');
  await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
});

test('a stored choice wins over the operating system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.addInitScript(() => localStorage.setItem('theme', 'light'));
  await recordThemeAtFirstBody(page);
  await page.goto('/');
  expect(await themeAtBody(page)).toBe('light');
});
