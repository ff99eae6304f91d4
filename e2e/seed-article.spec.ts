import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

const seed = fs
  .readFileSync(path.join(import.meta.dirname, 'fixtures', 'seed-000.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');
const [headline, byline, ...rest] = seed;
const shareBar = rest.slice(-2);
const paragraphs = rest.slice(0, -2);

test('the seed story is rendered verbatim, with the share bar above and below the body', async ({
  page,
}) => {
  expect(shareBar).toEqual(['Share this Article', 'Share this Article']);
  await page.goto('/articles/north-korea-volunteers-ukraine');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline!);
  await expect(page.locator('.article .byline')).toHaveText(byline!);
  const rendered = await page.locator('.prose p').allTextContents();
  expect(rendered).toEqual(paragraphs);
  const order = await page
    .locator('.article')
    .evaluate((root) =>
      [...root.querySelectorAll('.share-bar, .prose')].map((node) =>
        node.classList.contains('prose') ? 'body' : 'share',
      ),
    );
  expect(order).toEqual(['share', 'body', 'share']);
  await expect(page.getByRole('heading', { name: 'Share this Article' })).toHaveCount(2);
});
