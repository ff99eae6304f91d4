import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { layoutShifts, observeLayoutShifts } from './layout-shifts';

const SEED_TITLE =
  'North Korea offering 100,000 ‘volunteers’ for war against Ukraine, says Russian state media';

const HIDDEN = [
  'fixture-feed-draft',
  'fixture-feed-future',
  'fixture-safety-draft',
  'fixture-safety-embargoed',
];

function results(page: Page) {
  return page.getByRole('list', { name: 'Search results' });
}

test.describe('search', () => {
  test('the header search box finds the seed story by a word only its body contains', async ({
    page,
  }) => {
    await page.goto('/');
    const box = page.getByRole('search', { name: 'Site search' }).getByRole('searchbox');
    await box.fill('Korotchenko');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=Korotchenko$/);
    await expect(results(page).getByRole('listitem')).toHaveCount(1);
    const result = results(page).getByRole('listitem').first();
    await expect(result.getByRole('heading', { name: SEED_TITLE })).toBeVisible();
    await expect(result.locator('p mark').first()).toHaveText('Korotchenko');
    await expect(result).toContainText('World');
    await expect(result).toContainText('Bryan Ke');
    await expect(result.locator('time')).toHaveAttribute('datetime', '2022-08-08T09:30:00-07:00');
    await expect(page.getByRole('status')).toHaveText('1 story matches “Korotchenko”.');
  });

  test('results appear as the reader types, by byline and by tag, headline marked', async ({
    page,
  }) => {
    await page.goto('/search');
    const box = page.getByRole('searchbox', { name: 'Search stories' });
    await box.pressSequentially('Bryan Ke');
    await expect(results(page).getByRole('link', { name: SEED_TITLE })).toBeVisible();
    await expect(page).toHaveURL(/\?q=Bryan\+Ke$/);
    await box.fill('');
    await expect(results(page)).toHaveCount(0);
    // "social media" is only a tag of this story: neither its text nor any other story has it.
    await box.pressSequentially('social media');
    await expect(results(page).getByRole('listitem')).toHaveCount(1);
    await expect(
      results(page).getByRole('link', { name: 'How share previews work' }),
    ).toBeVisible();
    await box.fill('volunteers');
    await expect(
      results(page).getByRole('heading', { name: SEED_TITLE }).locator('mark'),
    ).toHaveText(['volunteers']);
  });

  test('a section filter narrows the results and is kept in the URL', async ({ page }) => {
    await page.goto('/search?q=publishing');
    const status = page.getByRole('status');
    await expect(status).toHaveText(/^\d+ stories match “publishing”\.$/);
    const all = Number((await status.textContent())?.split(' ')[0]);
    const section = page.getByRole('combobox', { name: 'Section' });
    await expect(section.getByRole('option', { name: 'Guides' })).toBeAttached();
    await section.selectOption('Guides');
    await expect(page).toHaveURL(/section=Guides/);
    await expect(status).not.toHaveText(`${all} stories match “publishing”.`);
    await expect(status).toHaveText(/ match(es)? “publishing”\.$/);
    const narrowed = Number((await status.textContent())?.split(' ')[0]);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
    for (const item of await results(page).getByRole('listitem').all()) {
      await expect(item.locator('p').first()).toContainText('Guides');
    }
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Section' })).toHaveValue('Guides');
    await expect(status).toHaveText(
      `${narrowed} ${narrowed === 1 ? 'story matches' : 'stories match'} “publishing”.`,
    );
    const author = page.getByRole('combobox', { name: 'Author' });
    await author.selectOption('Bryan Ke');
    await page.getByRole('combobox', { name: 'Section' }).selectOption('');
    await page.getByRole('searchbox', { name: 'Search stories' }).fill('Ukraine');
    await expect(results(page).getByRole('link', { name: SEED_TITLE })).toBeVisible();
    for (const item of await results(page).getByRole('listitem').all()) {
      await expect(item).toContainText('Bryan Ke');
    }
  });

  test('drafts and scheduled stories are never found', async ({ page }) => {
    test.slow();
    // Pagefind answers an unknown word with stories holding its longest known prefix ("draft"),
    // so the check is that no hidden story and no hidden word ever shows, not an empty list.
    for (const word of ['draftonlyzebra', 'futureonlyquokka']) {
      await page.goto(`/search?q=${word}`);
      await expect(page.getByRole('status')).toHaveText(/match(es)? “/);
      const shown = await page.getByRole('main').locator('ol, ol ~ *').allInnerTexts();
      expect(shown.join(' ')).not.toContain(word);
      const hrefs = await page
        .getByRole('main')
        .getByRole('link')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      for (const hidden of HIDDEN) expect(hrefs).not.toContain(`/articles/${hidden}`);
    }
    await page.goto('/search?q=fixture');
    await expect(results(page).getByRole('listitem').first()).toBeVisible();
    const more = page.getByRole('button', { name: 'Show more results' });
    while (await more.isVisible()) {
      // Each click settles (more results shown) before the button is looked at again: clicking it
      // while the last page loads would wait for a button that then disappears.
      const shown = await results(page).getByRole('listitem').count();
      await more.click();
      await expect(results(page).getByRole('listitem')).not.toHaveCount(shown);
    }
    const hrefs = await results(page)
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toContain('/articles/fixture-safety-corrected');
    for (const hidden of HIDDEN) expect(hrefs).not.toContain(`/articles/${hidden}`);
    await page.goto('/search?q=feedfixtureonlyword');
    await expect(results(page).getByRole('listitem')).toHaveCount(1);
  });

  test('the index holds no draft or scheduled story', async ({ request }) => {
    const entry = await (await request.get('/pagefind/pagefind-entry.json')).json();
    const { publishedStories } = await import('./published');
    expect(entry.languages.en.page_count).toBe(publishedStories().length);
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
    const link = page.getByRole('link', { name: SEED_TITLE });
    await expect(link).toBeVisible();
    await pageBox.focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Search', exact: true }).last()).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('combobox', { name: 'Section' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('combobox', { name: 'Author' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(link).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/articles\/north-korea-volunteers-ukraine$/);
  });

  test('the search page with results has no serious accessibility violations', async ({
    page,
    seriousViolations,
  }) => {
    await page.goto('/search?q=publishing');
    await expect(results(page)).toBeVisible();
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

  test('the engine is fetched when the reader turns to the search box, not with the page', async ({
    page,
  }) => {
    const engine: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/pagefind/')) engine.push(request.url());
    });
    await page.goto('/search');
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('combobox', { name: 'Section' })).toBeEnabled();
    expect(engine).toEqual([]);
    await page.getByRole('main').getByRole('searchbox').focus();
    await expect.poll(() => engine.length).toBeGreaterThan(0);
    await page.getByRole('main').getByRole('searchbox').fill('Korotchenko');
    await expect(results(page).getByRole('listitem')).toHaveCount(1);
  });

  test('the engine runs under the search page policy with no CSP violation', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy|wasm/i.test(message.text())) violations.push(message.text());
    });
    await page.goto('/search?q=Korotchenko');
    await expect(results(page).getByRole('listitem')).toHaveCount(1);
    expect(violations).toEqual([]);
  });

  test('only /search and the search bundle may compile WebAssembly', async ({
    request,
    isExport,
  }) => {
    test.skip(isExport, 'a static host sends its own headers; the export has no CSP to check');
    const scriptSrc = async (path: string) => {
      const csp = (await request.get(path)).headers()['content-security-policy'] ?? '';
      return /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
    };
    expect(await scriptSrc('/search')).toContain("'wasm-unsafe-eval'");
    expect(await scriptSrc('/search?q=x')).toContain("'wasm-unsafe-eval'");
    expect(await scriptSrc('/pagefind/pagefind-worker.js')).toContain("'wasm-unsafe-eval'");
    for (const path of ['/', '/articles/north-korea-volunteers-ukraine', '/sections/world']) {
      const sources = await scriptSrc(path);
      expect(sources, path).toMatch(/^'self' /);
      expect(sources, path).not.toContain('unsafe');
    }
  });

  test('a page without the engine policy cannot compile WebAssembly', async ({
    page,
    isExport,
  }) => {
    test.skip(isExport, 'a static host sends its own headers; the export has no CSP to check');
    await page.goto('/sections/world');
    const compiled = await page.evaluate(async () => {
      try {
        // The smallest valid module: magic number and version.
        await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
        return true;
      } catch {
        return false;
      }
    });
    expect(compiled).toBe(false);
  });
});

test('the search page does not move when search starts in the browser', async ({
  page,
  context,
}) => {
  // A slow phone's CPU: the server's page is painted before the browser's search replaces it.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto('/no-such-page');
  await page.evaluate(() => document.fonts.ready);
  await observeLayoutShifts(page);
  for (const url of ['/search', '/ko/search']) {
    await page.goto(url, { waitUntil: 'load' });
    await expect(page.getByRole('combobox', { name: /Section|섹션/ })).toBeEnabled();
    await page.waitForTimeout(300);
    expect(await layoutShifts(page), url).toEqual([]);
  }
});

test.describe('search without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('tells the reader what to do', async ({ page }) => {
    await page.goto('/search?q=Korotchenko');
    // Playwright parses <noscript> as text even with scripts off, so read what is rendered.
    const shown = await page.getByRole('main').innerText();
    expect(shown).toContain('Search runs in your browser and needs JavaScript.');
    expect(shown).toContain('Without it, browse the sections');
    await expect(page.getByRole('main').getByRole('link', { name: 'World' })).toBeVisible();
  });
});
