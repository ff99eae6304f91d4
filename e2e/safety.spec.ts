import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const HIDDEN = ['fixture-safety-draft', 'fixture-safety-embargoed'];

function watchPage(page: Page) {
  const dialogs: string[] = [];
  const cspViolations: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  return { dialogs, cspViolations };
}

test.describe('hostile article fixtures', () => {
  test('scripts, handlers and unsafe URLs in the body never run and leave no element', async ({
    page,
  }) => {
    const { dialogs } = watchPage(page);
    await page.goto('/articles/fixture-hostile-body');
    await page.waitForLoadState('networkidle');
    const body = page.locator('.prose');
    await expect(body.getByText('The first paragraph is plain text.')).toBeVisible();
    await expect(body.getByText('The last paragraph is plain text.')).toBeVisible();
    await expect(body.getByText('A div with handlers')).toBeVisible();
    await expect(body.getByText('A callout whose attribute was an expression.')).toBeVisible();

    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => Reflect.get(window, '__pwned'))).toBeUndefined();
    await expect(
      body.locator('script, iframe, object, embed, form, style, svg, button'),
    ).toHaveCount(0);
    await expect(body.locator('[data-hostile="object"], [data-hostile="form"]')).toHaveCount(0);
    await expect(body.getByText(/alert\(/)).toHaveCount(0);

    const unsafe = await page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((element) =>
        [...element.attributes]
          .filter(
            (attribute) =>
              /^on/i.test(attribute.name) ||
              /^\s*(javascript|data|vbscript):/i.test(attribute.value) ||
              (attribute.name === 'style' && element.closest('.prose')),
          )
          .map((attribute) => `${element.tagName} ${attribute.name}=${attribute.value}`),
      ),
    );
    expect(unsafe).toEqual([]);

    await body.getByText('javascript link').click();
    await body.getByText('jsx anchor').click();
    await body.getByText('A div with handlers').click();
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => Reflect.get(window, '__pwned'))).toBeUndefined();
  });

  test('HTML and </script> in frontmatter are shown as text', async ({ page }) => {
    const { dialogs } = watchPage(page);
    await page.goto('/articles/fixture-hostile-body');
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toContainText('<b>markup</b> </script><script>');
    await expect(heading.locator('b, script')).toHaveCount(0);
    await expect(page.locator('.article__summary')).toContainText('<img src=x onerror=');
    expect(await page.title()).toContain('</script>');
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => Reflect.get(window, '__pwned'))).toBeUndefined();
  });

  test('BOM, CRLF, CJK, right-to-left and emoji text render', async ({ page }) => {
    await page.goto('/articles/fixture-hostile-text');
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText('Écriture: 한국어 기사, עברית, العربية and emoji 🗞️🌏');
    await expect(page.getByText('한국어 문장입니다. 日本語の文章です。中文句子。')).toBeVisible();
    await expect(page.locator('p[dir="rtl"][lang="he"]')).toContainText('שלום עולם');
    await expect(page.getByText(/Emoji: 👩🏽‍💻/)).toBeVisible();
    // The story's own link named 한국어, not the language switcher's.
    await expect(page.locator('main').getByRole('link', { name: '한국어' })).toBeVisible();
  });
});

test.describe('publishing states', () => {
  test('drafts and embargoed articles have no page', async ({ request }) => {
    for (const slug of HIDDEN) {
      expect((await request.get(`/articles/${slug}`)).status()).toBe(404);
    }
  });

  test('drafts and embargoed articles are absent from every listing', async ({ request }) => {
    const listings = ['/', '/sections/guides', '/tags/fixture-safety', '/authors/mina-seo'];
    let checked = 0;
    for (const base of listings) {
      for (let pageNumber = 1; ; pageNumber++) {
        const url = pageNumber === 1 ? base : `${base === '/' ? '' : base}/page/${pageNumber}`;
        const response = await request.get(url);
        if (pageNumber > 1 && response.status() === 404) break;
        expect(response.status(), url).toBe(200);
        const html = await response.text();
        for (const slug of HIDDEN) expect(html, `${url} mentions ${slug}`).not.toContain(slug);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(listings.length);
    const tagPage = await (await request.get('/tags/fixture-safety')).text();
    expect(tagPage).toContain('/articles/fixture-safety-corrected');
  });

  test('corrections, update, canonical and old slug', async ({ page, request, isExport }) => {
    await page.goto('/articles/fixture-safety-corrected');
    const corrections = page.getByRole('region', { name: 'Correction' });
    await expect(corrections).toContainText(
      'An earlier version of this fixture gave the wrong day for the correction.',
    );
    await expect(corrections.locator('time')).toHaveAttribute(
      'datetime',
      '2026-01-09T12:00:00+00:00',
    );
    await expect(page.locator('.article-meta')).toContainText('Updated');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      'https://partner.example.org/original-story',
    );
    if (isExport) {
      await page.goto('/articles/fixture-safety-old-slug');
      await expect(page).toHaveURL(/\/articles\/fixture-safety-corrected$/);
      return;
    }
    const moved = await request.get('/articles/fixture-safety-old-slug', { maxRedirects: 0 });
    expect(moved.status()).toBe(308);
    expect(moved.headers()['location']).toMatch(/\/articles\/fixture-safety-corrected$/);
  });
});

test.describe('editor components', () => {
  test('figure, pull quote, callout and aside', async ({ page }) => {
    await page.goto('/articles/fixture-safety-corrected');
    const figure = page.getByRole('figure').filter({ hasText: 'The fixture caption.' });
    await expect(figure.getByRole('img', { name: 'A fixture figure' })).toBeVisible();
    await expect(figure).toContainText('Fixture Credit');
    await expect(page.getByText('A pulled quotation from the fixture.')).toBeVisible();
    await expect(page.getByRole('note', { name: 'Fixture warning' })).toContainText(
      'Callout body text.',
    );
    await expect(page.getByRole('note', { name: 'Fixture aside' })).toContainText(
      'Aside body text.',
    );
  });

  test('YouTube loads only after a click, from youtube-nocookie', async ({ page }) => {
    const thirdParty: string[] = [];
    await page.route(/^https?:\/\/(?!localhost)/, async (route) => {
      thirdParty.push(route.request().url());
      await route.abort();
    });
    await page.goto('/articles/fixture-safety-corrected');
    await page.waitForLoadState('networkidle');
    await expect(page.locator('iframe')).toHaveCount(0);
    expect(thirdParty).toEqual([]);
    await page.getByRole('button', { name: 'Play video: Fixture video' }).click();
    const frame = page.locator('iframe[title="Fixture video"]');
    await expect(frame).toHaveAttribute(
      'src',
      'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1',
    );
  });

  test('posts and links are static cards without third-party scripts', async ({ page }) => {
    await page.goto('/articles/fixture-safety-corrected');
    await expect(
      page.getByRole('link', { name: 'View the post by @TheMeridianNews on X' }),
    ).toHaveAttribute('href', 'https://x.com/TheMeridianNews/status/1234567890');
    await expect(
      page.locator('.prose').getByRole('link', { name: 'Our corrections policy' }),
    ).toHaveAttribute('href', '/articles/corrections-policy');
    await expect(page.getByRole('link', { name: 'An external report' })).toHaveAttribute(
      'href',
      'https://example.org/some/report',
    );
    const foreignScripts = await page.evaluate(() =>
      [...document.scripts]
        .map((script) => script.src)
        .filter((src) => src && new URL(src).origin !== location.origin),
    );
    expect(foreignScripts).toEqual([]);
  });
});

test.describe('HTTP hardening', () => {
  test.skip(
    ({ isExport }) => isExport,
    'the headers come from the server (next.config.js headers(), proxy.server.ts); a static host sets its own',
  );
  const common = (headers: Record<string, string>) => {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
  };

  test('pages carry a hash-based CSP without unsafe-inline or unsafe-eval for scripts', async ({
    request,
  }) => {
    for (const url of [
      '/',
      '/articles/fixture-hostile-body',
      '/sections/guides',
      '/no-such-page',
    ]) {
      const response = await request.get(url);
      const headers = response.headers();
      common(headers);
      expect(headers['x-frame-options']).toBe('DENY');
      const csp = headers['content-security-policy'] ?? '';
      const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc, url).toMatch(/^'self' 'sha256-/);
      expect(scriptSrc).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
    }
  });

  test('images carry the security headers', async ({ request }) => {
    const image = await request.get('/images/articles/images-and-credits.jpg');
    expect(image.status()).toBe(200);
    common(image.headers());
    const optimised = await request.get(
      '/_next/image?url=%2Fimages%2Farticles%2Fimages-and-credits.jpg&w=640&q=75',
    );
    expect(optimised.status()).toBe(200);
    common(optimised.headers());
  });

  test('the CSP lets the site hydrate and blocks nothing of its own', async ({ page }) => {
    const { cspViolations } = watchPage(page);
    for (const url of [
      '/',
      '/articles/fixture-safety-corrected',
      '/articles/fixture-hostile-text',
    ]) {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
    }
    const toggle = page.getByRole('button', { name: 'Dark mode' });
    await expect(toggle).toHaveAttribute('aria-pressed', /true|false/);
    const before = await toggle.getAttribute('aria-pressed');
    await toggle.click();
    await expect(toggle).not.toHaveAttribute('aria-pressed', before ?? '');
    expect(cspViolations).toEqual([]);
  });

  test('odd and malformed requests get a 4xx, never a 5xx', async ({ request }) => {
    const cases = [
      '/articles/..%2F..%2Fetc%2Fpasswd',
      '/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/articles/%ff',
      '/articles/%E0%A4%A',
      `/articles/no-such-story?q=${'x'.repeat(8000)}`,
      '/articles/no-such-story?%%%=%%',
      '/tags/%00',
    ];
    for (const url of cases) {
      const status = (await request.get(url)).status();
      expect(status, url).toBeGreaterThanOrEqual(400);
      expect(status, url).toBeLessThan(500);
    }
  });
});
