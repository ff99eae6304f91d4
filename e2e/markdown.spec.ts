import type { APIRequestContext, Page } from '@playwright/test';
import { feedItems } from './feed-items';
import { expect, test } from './fixtures';
import { searchRecords } from './search-records';

// The fixture corpus of Markdown as editors paste it (e2e/fixtures/content/articles/fixture-markdown-*):
// each renders whole, on the page, in every feed and in the search text. What the content check
// refuses instead is checked word for word in tests/markdown-as-written.test.ts.
const FEEDS = ['/feed.xml', '/atom.xml', '/feed.json'];
const COMMENT_WORDS = ['blockcommentword', 'inlinecommentword', 'multilinecommentword'];
const ALERTS = [
  ['note', 'Note', 'Alertnoteword: useful information.'],
  ['tip', 'Tip', 'Alerttipword with bold text'],
  ['important', 'Important', 'Alertimportantword.'],
  ['warning', 'Warning', 'Alertwarningword.'],
  ['caution', 'Caution', 'Alertcautionword, across'],
] as const;

function prose(page: Page) {
  return page.locator('.prose');
}

async function feedsOf(request: APIRequestContext, slug: string): Promise<[string, string][]> {
  const found: [string, string][] = [];
  for (const path of FEEDS) {
    const html = (await feedItems(request, path)).get(slug);
    expect(html, `${path} has ${slug}`).toBeTruthy();
    found.push([path, html ?? '']);
  }
  return found;
}

test.describe('Markdown as writers type it', () => {
  test('autolinks are links, comments are left out, escaped brackets and code stay text', async ({
    page,
  }) => {
    await page.goto('/articles/fixture-markdown-autolinks');
    const body = prose(page);
    for (const href of [
      'https://github.com/example/meridian-fixture',
      'https://example.org/threads/26?tab=all#top',
      'https://example.net/list-item-one',
      'https://example.net/list-item-two',
    ]) {
      await expect(body.getByRole('link', { name: href, exact: true })).toHaveAttribute(
        'href',
        href,
      );
    }
    await expect(body.locator('li li').getByRole('link')).toHaveAttribute(
      'href',
      'https://example.net/nested',
    );
    await expect(body.getByRole('link', { name: 'mailto:desk@example.org' })).toHaveAttribute(
      'href',
      'mailto:desk@example.org',
    );
    await expect(body.getByRole('link', { name: 'reader@example.org' })).toHaveAttribute(
      'href',
      'mailto:reader@example.org',
    );
    const callout = body.locator('.mdx-callout--tip');
    await expect(callout.locator('.mdx-callout__label')).toHaveText('Tip');
    await expect(callout.getByRole('link')).toHaveAttribute(
      'href',
      'https://example.org/in-callout',
    );

    await expect(body.getByText('An inline comment here ends the sentence.')).toBeVisible();
    await expect(
      body.getByText('Literal brackets: 3 < 5, a {brace}, x < y with spaces, and 2 <= 3.'),
    ).toBeVisible();
    await expect(body.locator('p code')).toHaveText([
      '<https://example.com/in-code>',
      '{braces}',
      '<!-- kept in code -->',
    ]);
    await expect(body.locator('pre code')).toHaveText(
      '<!-- kept in a fence -->\n<https://example.com/in-fence>\n',
    );
    const html = await body.innerHTML();
    for (const word of COMMENT_WORDS) expect(html).not.toContain(word);
    expect(html).not.toMatch(/<script|alert\(/);
    await expect(body.getByText('The autolink fixture ends here.')).toBeVisible();
  });

  test('GitHub alerts are callouts of their kind; other markers stay quotes', async ({ page }) => {
    await page.goto('/articles/fixture-markdown-alerts');
    const body = prose(page);
    for (const [kind, label, text] of ALERTS) {
      const callout = body.locator(`.mdx-callout--${kind}`).filter({ hasText: text });
      await expect(callout).toHaveAttribute('aria-label', label);
      await expect(callout.locator('.mdx-callout__label')).toHaveText(label);
    }
    await expect(body.locator('.mdx-callout--caution p')).toHaveText([
      'Caution',
      'Alertcautionword, across',
      'two paragraphs.',
    ]);
    await expect(
      body.locator('.mdx-callout--tip').getByRole('link', { name: 'https://example.org/tip' }),
    ).toBeVisible();
    await expect(body.locator('.mdx-callout--note')).toHaveCount(2);
    await expect(body.locator('.mdx-callout')).toHaveCount(6);
    await expect(body.locator('blockquote')).toHaveCount(2);
    await expect(body.locator('blockquote').first()).toContainText('[!DANGER]');
    await expect(body.locator('blockquote').last()).toContainText('[!TIP] Text after the marker');
    expect(await body.innerHTML()).not.toMatch(/\[!(NOTE|IMPORTANT|WARNING|CAUTION|note)\]/);
  });

  test('tables with pipes in code, footnotes, nested and task lists render', async ({ page }) => {
    await page.goto('/articles/fixture-markdown-gfm');
    const body = prose(page);
    await expect(body.locator('table td code')).toHaveText(['a | b', "grep -E 'x|y'"]);
    await expect(body.locator('table th')).toHaveText(['Command', 'What it does']);
    const references = body.locator('sup a[data-footnote-ref]');
    await expect(references).toHaveText(['1', '2']);
    const notes = body.locator('section[data-footnotes] li');
    await expect(notes).toHaveCount(2);
    await expect(notes.first()).toContainText("The first footnote's text.");
    await expect(
      notes.last().getByRole('link', { name: 'https://example.org/footnote' }),
    ).toBeVisible();
    const target = await references.first().getAttribute('href');
    expect(await notes.first().getAttribute('id')).toBe(target?.slice(1));
    const boxes = body.getByRole('checkbox');
    await expect(boxes).toHaveCount(2);
    await expect(boxes.first()).toBeChecked();
    await expect(boxes.last()).not.toBeChecked();
    await expect(boxes.first()).toBeDisabled();
    await expect(body.locator('ul > li > ul > li > ol > li > ul > li')).toHaveText(
      'The deepest item',
    );
    await expect(body.locator('del')).toHaveText('Struck text');
    await expect(body.getByRole('link', { name: 'www.example.com/bare' })).toHaveAttribute(
      'href',
      'http://www.example.com/bare',
    );
  });

  test('emoji, CJK and right-to-left text render', async ({ page }) => {
    await page.goto('/articles/fixture-markdown-scripts');
    const body = prose(page);
    await expect(body.getByRole('heading', { level: 2, name: '日本語の見出し' })).toBeVisible();
    await expect(body.getByText('한국어 문단입니다. 中文段落。日本語の段落です。')).toBeVisible();
    await expect(body.getByText('Emoji in text 🧪🗞️, a flag 🇯🇵 and a family 👨‍👩‍👧.')).toBeVisible();
    await expect(body.locator('p[dir="rtl"][lang="ar"]')).toHaveText(
      'نص عربي من اليمين إلى اليسار.',
    );
    await expect(body.locator('bdi[lang="he"]')).toHaveText('שלום עולם');
    await expect(body.getByRole('link', { name: 'https://example.jp/ニュース' })).toHaveAttribute(
      'href',
      'https://example.jp/%E3%83%8B%E3%83%A5%E3%83%BC%E3%82%B9',
    );
    await expect(body.locator('table td')).toHaveText(['한국어', '한글', 'עברית', 'אלפבית']);
  });

  test('every feed carries the same Markdown', async ({ request }) => {
    for (const [path, html] of await feedsOf(request, 'fixture-markdown-autolinks')) {
      expect(html, path).toContain(
        '<a href="https://github.com/example/meridian-fixture">https://github.com/example/meridian-fixture</a>',
      );
      expect(html, path).toContain('<a href="mailto:reader@example.org">reader@example.org</a>');
      expect(html, path).toContain('<li>Nested: <a href="https://example.net/nested">');
      expect(html, path).toContain(
        '<aside><p><strong>Tip</strong></p>An autolink inside a component: <a href="https://example.org/in-callout">',
      );
      expect(html, path).toContain('An inline comment here ends the sentence.');
      for (const word of COMMENT_WORDS) expect(html, path).not.toContain(word);
      expect(html, path).not.toMatch(/<!--|<script|alert\(/);
    }
    for (const [path, html] of await feedsOf(request, 'fixture-markdown-alerts')) {
      for (const [, label, text] of ALERTS) {
        expect(html, path).toContain(
          `<aside><p><strong>${label}</strong></p><p>${text.split(' ')[0]}`,
        );
      }
      expect(html, path).toMatch(/<blockquote>\s*<p>\[!DANGER\]/);
    }
    for (const [path, html] of await feedsOf(request, 'fixture-markdown-gfm')) {
      expect(html, path).toContain('<td><code>a | b</code></td>');
      expect(html, path).toMatch(/<section data-footnotes[^>]*>/);
      expect(html, path).toContain('<input type="checkbox" checked disabled> A finished task');
      expect(html, path).toContain('<li>The deepest item</li>');
      expect(html, path).toContain('<del>Struck text</del>');
    }
    for (const [path, html] of await feedsOf(request, 'fixture-markdown-scripts')) {
      expect(html, path).toContain('日本語の見出し');
      expect(html, path).toContain('<p dir="rtl" lang="ar">نص عربي من <strong>اليمين</strong>');
      expect(html, path).toContain('<bdi lang="he">שלום עולם</bdi>');
      expect(html, path).toContain('👨‍👩‍👧');
    }
  });

  test('the search text holds the autolinks and alerts, and no comment', async ({ page }) => {
    const records = await searchRecords(page, ['autolink fixture starts here', 'Alertcautionword']);
    const content = (slug: string) =>
      records.find((record) => record.url === `/articles/${slug}`)?.content ?? '';
    const autolinks = content('fixture-markdown-autolinks');
    expect(autolinks).toContain('The source is at https://github.com/example/meridian-fixture');
    for (const word of COMMENT_WORDS) expect(autolinks).not.toContain(word);
    expect(content('fixture-markdown-alerts')).toContain('Caution Alertcautionword, across');
  });
});
