import { expect, test } from './fixtures';

const SEED_TITLE =
  'North Korea offering 100,000 ‘volunteers’ for war against Ukraine, says Russian state media';

test.describe('search', () => {
  test('the header search box finds the seed story by a word only its body contains', async ({
    page,
  }) => {
    await page.goto('/');
    const box = page.getByRole('search', { name: 'Site search' }).getByRole('searchbox');
    await box.fill('Korotchenko');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=Korotchenko$/);
    const results = page.getByRole('list', { name: 'Search results' });
    await expect(results.getByRole('listitem')).toHaveCount(1);
    const result = results.getByRole('listitem').first();
    await expect(result.getByRole('heading', { name: SEED_TITLE })).toBeVisible();
    await expect(result.locator('mark')).toHaveText(['Korotchenko']);
    await expect(result).toContainText('World');
    await expect(result.locator('time')).toHaveAttribute('datetime', '2022-08-08T09:30:00-07:00');
    await expect(page.getByRole('status')).toHaveText('1 story matches “Korotchenko”.');
  });

  test('results appear as the reader types, by author name and by tag', async ({ page }) => {
    await page.goto('/search');
    const box = page.getByRole('searchbox', { name: 'Search stories' });
    await box.pressSequentially('Bryan Ke');
    const results = page.getByRole('list', { name: 'Search results' });
    await expect(results.getByRole('link', { name: SEED_TITLE })).toBeVisible();
    await expect(page).toHaveURL(/\?q=Bryan\+Ke$/);
    await box.fill('');
    await box.pressSequentially('north-korea');
    await expect(results.getByRole('link', { name: SEED_TITLE })).toBeVisible();
  });

  test('drafts and scheduled stories are not searchable', async ({ page }) => {
    for (const word of ['draftonlyzebra', 'futureonlyquokka']) {
      await page.goto(`/search?q=${word}`);
      await expect(page.getByRole('status')).toHaveText(`No stories match “${word}”.`);
    }
    await page.goto('/search?q=feedfixtureonlyword');
    await expect(
      page.getByRole('list', { name: 'Search results' }).getByRole('listitem'),
    ).toHaveCount(1);
  });

  test('works with the keyboard alone', async ({ page }) => {
    await page.goto('/');
    const box = page.getByRole('search', { name: 'Site search' }).getByRole('searchbox');
    for (let i = 0; i < 10 && !(await box.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(box).toBeFocused();
    await page.keyboard.type('Korotchenko');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=Korotchenko$/);
    const pageBox = page.getByRole('searchbox', { name: 'Search stories' });
    await expect(pageBox).toHaveValue('Korotchenko');
    await pageBox.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: SEED_TITLE })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/articles\/north-korea-volunteers-ukraine$/);
  });

  test('the search page with results has no serious accessibility violations', async ({
    page,
    seriousViolations,
  }) => {
    await page.goto('/search?q=publishing');
    await expect(page.getByRole('list', { name: 'Search results' })).toBeVisible();
    expect(await seriousViolations()).toEqual([]);
  });

  test('the header search box has no serious accessibility violations', async ({
    page,
    seriousViolations,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('search', { name: 'Site search' })).toBeVisible();
    expect(await seriousViolations()).toEqual([]);
  });
});

test.describe('search without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('tells the reader what to do', async ({ page }) => {
    await page.goto('/search?q=Korotchenko');
    // Playwright parses <noscript> as text even with scripts off, so read what is rendered.
    const shown = await page.getByRole('main').innerText();
    expect(shown).toContain('Search runs in your browser and needs JavaScript.');
    expect(shown).toContain('Without it, browse the sections');
  });
});
