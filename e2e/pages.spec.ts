import { expect, test } from './fixtures';

const SEED = '/articles/north-korea-volunteers-ukraine';

async function datesOnPage(
  page: import('@playwright/test').Page,
  selector = 'main article time[datetime]',
) {
  // A closed live story's label carries its end time, not the story's date.
  const values = await page
    .locator(selector)
    .evaluateAll((nodes) =>
      nodes
        .filter((node) => !node.closest('.live-label'))
        .map((node) => node.getAttribute('datetime') ?? ''),
    );
  return values.map((value) => Date.parse(value));
}

test.describe('home page', () => {
  test('has a lead story, latest stories newest first and a block per section', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page).toHaveTitle(/^The Meridian/);
    const lead = page.getByRole('article').first();
    await expect(lead.getByRole('heading', { level: 2 })).toBeVisible();
    const latest = page.getByRole('region', { name: 'Latest stories' });
    await expect(latest.getByRole('article')).toHaveCount(9);
    const dates = await datesOnPage(
      page,
      '.lead-story time[datetime], .home__latest time[datetime]',
    );
    expect(dates.length).toBe(10);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    for (const name of ['World', 'Newsroom', 'Guides', 'Technology']) {
      await expect(page.getByRole('region', { name })).toBeVisible();
    }
    await expect(
      page
        .getByRole('region', { name: 'World' })
        .getByRole('link', { name: /North Korea offering/ }),
    ).toBeVisible();
  });

  test('paginates to older stories and back', async ({ page }) => {
    await page.goto('/');
    const firstPageDates = await datesOnPage(
      page,
      '.lead-story time[datetime], .home__latest time[datetime]',
    );
    await page
      .getByRole('navigation', { name: 'Pagination' })
      .getByRole('link', { name: /Older stories/ })
      .click();
    await expect(page).toHaveURL(/\/page\/2$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Latest stories – page 2/);
    const secondPageDates = await datesOnPage(page);
    expect(secondPageDates.length).toBeGreaterThan(0);
    expect(Math.max(...secondPageDates)).toBeLessThanOrEqual(Math.min(...firstPageDates));
    await page.getByRole('link', { name: /Newer stories/ }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test('pages beyond the last, and page 1 by number, are 404', async ({ request }) => {
    expect((await request.get('/page/1')).status()).toBe(404);
    expect((await request.get('/page/999')).status()).toBe(404);
    expect((await request.get('/page/abc')).status()).toBe(404);
  });
});

test.describe('article page', () => {
  test('shows section, headline, summary, byline, dates, reading time, tags and related stories', async ({
    page,
  }) => {
    await page.goto(SEED);
    const article = page.getByRole('article').first();
    await expect(article.getByRole('link', { name: 'World', exact: true })).toHaveAttribute(
      'href',
      '/sections/world',
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'North Korea offering 100,000 ‘volunteers’ for war against Ukraine, says Russian state media',
    );
    await expect(article.getByText('By Bryan Ke')).toBeVisible();
    await expect(article.getByRole('link', { name: 'Bryan Ke' })).toHaveAttribute(
      'href',
      '/authors/bryan-ke',
    );
    await expect(article.locator('time').first()).toHaveAttribute(
      'datetime',
      '2022-08-08T09:30:00-07:00',
    );
    await expect(article.locator('time').first()).toHaveText('8 August 2022 at 16:30 UTC');
    await expect(article.getByText(/\d+ min read/)).toBeVisible();
    const tags = page.getByRole('navigation', { name: 'Tags' }).getByRole('link');
    await expect(tags).toHaveText(['north-korea', 'russia', 'ukraine']);
    const related = page.getByRole('region', { name: 'Related stories' }).getByRole('article');
    const count = await related.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(4);
    await expect(
      page
        .getByRole('region', { name: 'Related stories' })
        .getByRole('link', { name: /North Korea offering/ }),
    ).toHaveCount(0);
  });

  test('shows the hero image with caption and credit, and "Updated" when updated', async ({
    page,
  }) => {
    await page.goto('/articles/ethics-and-sourcing');
    const hero = page.getByRole('figure');
    await expect(hero.getByRole('img')).toHaveAttribute('alt', /.+/);
    await expect(hero).toContainText('Illustration: The Meridian');
    const naturalWidth = await hero
      .getByRole('img')
      .evaluate((img: HTMLImageElement) => img.naturalWidth);
    expect(naturalWidth).toBeGreaterThan(0);
    await expect(page.getByText(/^Updated /)).toBeVisible();
  });

  test('renders GitHub-flavoured Markdown, anchors, pull quotes and highlighted code', async ({
    page,
  }) => {
    await page.goto('/articles/formatting-and-markdown');
    const body = page.locator('.prose');
    await expect(body.getByRole('table')).toBeVisible();
    await expect(body.locator('del').first()).toBeVisible();
    await expect(body.getByRole('checkbox').first()).toBeAttached();
    await expect(body.locator('[data-footnote-ref]').first()).toBeVisible();
    await expect(body.locator('blockquote.pull-quote').first()).toBeVisible();
    await expect(
      body.locator('pre code.hljs .hljs-keyword, pre code.hljs [class^="hljs-"]').first(),
    ).toBeAttached();
    const h2 = body.getByRole('heading', { level: 2 }).first();
    const id = await h2.getAttribute('id');
    expect(id).toMatch(/^[a-z0-9-]+$/);
    await expect(h2.getByRole('link')).toHaveAttribute('href', `#${id}`);
  });

  test('an unknown article is a 404 with the not-found page', async ({ page }) => {
    const response = await page.goto('/articles/no-such-story');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('link', { name: 'Go to the front page' })).toBeVisible();
  });
});

test.describe('listing pages', () => {
  test('section page lists its stories', async ({ page }) => {
    await page.goto('/sections/world');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('World');
    await expect(page.getByRole('link', { name: /North Korea offering/ })).toBeVisible();
    const dates = await datesOnPage(page);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  test('tag page lists tagged stories', async ({ page }) => {
    await page.goto('/tags/north-korea');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('north-korea');
    await expect(page.getByRole('link', { name: /North Korea offering/ })).toBeVisible();
  });

  test('author page shows bio, links and their stories', async ({ page }) => {
    await page.goto('/authors/bryan-ke');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bryan Ke');
    await expect(page.getByText(/covers Asia and international affairs/)).toBeVisible();
    await expect(page.getByRole('link', { name: /North Korea offering/ })).toBeVisible();
    await page.goto('/authors/ada-okafor');
    await expect(
      page.getByRole('list', { name: 'Ada Okafor elsewhere' }).getByRole('link'),
    ).not.toHaveCount(0);
  });

  test('unknown section, tag and author are 404', async ({ request }) => {
    for (const path of [
      '/sections/sport',
      '/tags/nothing-here',
      '/authors/nobody',
      '/sections/world/page/2',
    ]) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
  });
});

test.describe('navigation', () => {
  test('header navigation, article, byline and tag links lead to their pages', async ({ page }) => {
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'World' })
      .click();
    await expect(page).toHaveURL(/\/sections\/world$/);
    await page
      .getByRole('link', { name: /North Korea offering/ })
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`${SEED}$`));
    await page
      .getByRole('navigation', { name: 'Tags' })
      .getByRole('link', { name: 'russia' })
      .click();
    await expect(page).toHaveURL(/\/tags\/russia$/);
    await page.goto(SEED);
    await page.getByRole('article').first().getByRole('link', { name: 'Bryan Ke' }).click();
    await expect(page).toHaveURL(/\/authors\/bryan-ke$/);
    await page.getByRole('banner').getByRole('link', { name: 'The Meridian' }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test('the skip link moves focus to the main content', async ({ page }) => {
    await page.goto(SEED);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });

  test('landmarks exist on every page type', async ({ page }) => {
    for (const path of [
      '/',
      SEED,
      '/sections/world',
      '/tags/russia',
      '/authors/bryan-ke',
      '/page/2',
    ]) {
      await page.goto(path);
      await expect(page.getByRole('banner')).toHaveCount(1);
      await expect(page.getByRole('main')).toHaveCount(1);
      await expect(page.getByRole('contentinfo')).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    }
  });

  test('pages fit a 320 px wide screen without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ['/', SEED, '/articles/formatting-and-markdown', '/authors/ada-okafor']) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
