import { expect, test } from './fixtures';

const SLUG = 'north-korea-volunteers-ukraine';
const TITLE =
  'North Korea offering 100,000 ‘volunteers’ for war against Ukraine, says Russian state media';

test('share links carry the exact, correctly encoded article URL and headline', async ({
  page,
  baseURL,
}) => {
  await page.goto(`/articles/${SLUG}`);
  const url = `${baseURL}/articles/${SLUG}`;
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(TITLE);
  expect(t).toBe(
    'North%20Korea%20offering%20100%2C000%20%E2%80%98volunteers%E2%80%99%20for%20war%20against%20Ukraine%2C%20says%20Russian%20state%20media',
  );
  const summary = await page.locator('.article__summary').textContent();
  const expected: Record<string, string> = {
    'Share on X (opens in a new tab)': `https://x.com/intent/tweet?url=${u}&text=${t}`,
    'Share on Facebook (opens in a new tab)': `https://www.facebook.com/sharer/sharer.php?u=${u}`,
    'Share on LinkedIn (opens in a new tab)': `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
    'Share on Reddit (opens in a new tab)': `https://www.reddit.com/submit?url=${u}&title=${t}`,
    'Share on WhatsApp (opens in a new tab)': `https://wa.me/?text=${t}%20${u}`,
    'Share on Telegram (opens in a new tab)': `https://t.me/share/url?url=${u}&text=${t}`,
    'Share by email': `mailto:?subject=${t}&body=${encodeURIComponent(`${summary}\n\n${url}`)}`,
  };
  for (const bar of await page.getByRole('region', { name: 'Share this Article' }).all()) {
    for (const [name, href] of Object.entries(expected)) {
      const link = bar.getByRole('link', { name, exact: true });
      await expect(link).toHaveAttribute('href', href);
      if (!href.startsWith('mailto:'))
        await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    }
  }
  const parsed = new URL(expected['Share on X (opens in a new tab)']!);
  expect(parsed.searchParams.get('url')).toBe(url);
  expect(parsed.searchParams.get('text')).toBe(TITLE);
});

test('copy link puts the article URL on the clipboard and says so', async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/articles/${SLUG}`);
  const bar = page.getByRole('region', { name: 'Share this Article' }).first();
  await bar.getByRole('button', { name: 'Copy link' }).click();
  await expect(bar.getByRole('status')).toContainText('Link copied to clipboard');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${baseURL}/articles/${SLUG}`,
  );
});

test('no third-party scripts are loaded', async ({ page, baseURL }) => {
  const origins = new Set<string>();
  page.on('request', (request) => origins.add(new URL(request.url()).origin));
  await page.goto(`/articles/${SLUG}`);
  await page.waitForLoadState('networkidle');
  expect([...origins]).toEqual([new URL(baseURL!).origin]);
});
