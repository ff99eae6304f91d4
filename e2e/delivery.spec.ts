import { expect, test } from './fixtures';

const article = '/articles/formatting-and-markdown';

test.describe('delivery', () => {
  test('an article page loads every script, style and image with the right content type', async ({
    page,
  }) => {
    const failed: string[] = [];
    const types = new Map<string, string>();
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      types.set(new URL(response.url()).pathname, response.headers()['content-type'] ?? '');
    });
    await page.goto(article);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Formatting and Markdown' }),
    ).toBeVisible();
    const hero = page.getByRole('img', { name: /^Abstract illustration/ });
    await expect(hero).toBeVisible();
    await expect
      .poll(() => hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    await page.waitForLoadState('networkidle');
    expect(failed).toEqual([]);
    const scripts = [...types].filter(([path]) => path.endsWith('.js'));
    const styles = [...types].filter(([path]) => path.endsWith('.css'));
    expect(scripts.length).toBeGreaterThan(0);
    expect(styles.length).toBeGreaterThan(0);
    for (const [path, type] of scripts) expect(type, path).toMatch(/javascript/);
    for (const [path, type] of styles) expect(type, path).toMatch(/^text\/css/);
    expect(types.get(article)).toMatch(/^text\/html/);
  });

  test('the page hydrates: copying the link confirms it', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(article);
    const share = page.getByRole('region', { name: 'Share this Article' }).first();
    await share.getByRole('button', { name: 'Copy link' }).click();
    await expect(share.getByRole('status')).toContainText('Link copied to clipboard');
  });

  test('a link followed in the page navigates without a full reload', async ({ page }) => {
    await page.goto(article);
    await page.evaluate(() => {
      (window as unknown as { marker: string }).marker = 'same document';
    });
    await page.getByRole('main').getByRole('link', { name: 'Guides', exact: true }).first().click();
    await expect(page).toHaveURL(/\/sections\/guides$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Guides' })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
      'same document',
    );
  });

  test('links prefetch their page when a reader points at them, not when they scroll into view', async ({
    page,
  }) => {
    const prefetched: string[] = [];
    page.on('request', (request) => {
      if (request.headers()['next-router-prefetch'])
        prefetched.push(new URL(request.url()).pathname);
    });
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    expect(prefetched).toEqual([]);
    const link = page.getByRole('navigation', { name: 'Sections' }).getByRole('link').first();
    const href = await link.getAttribute('href');
    await link.hover();
    await expect.poll(() => prefetched.some((path) => path.startsWith(href ?? '?'))).toBe(true);
  });

  test('an unknown address answers 404 with the not-found page', async ({ page }) => {
    const response = await page.goto('/articles/no-such-story');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });
});
