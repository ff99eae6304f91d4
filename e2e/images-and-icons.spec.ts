import { expect, test } from './fixtures';

const ARTICLES_WITH_IMAGES = [
  '/articles/mdx-components-guide',
  '/articles/images-and-credits',
  '/articles/fixture-feed-escaping',
  '/articles/fixture-safety-corrected',
];

test('every image in a rendered article has its intrinsic width and height', async ({
  page,
  isExport,
}) => {
  for (const url of ARTICLES_WITH_IMAGES) {
    await page.goto(url);
    const images = page.locator('main img');
    expect(await images.count(), url).toBeGreaterThan(0);
    for (const image of await images.all()) {
      await image.scrollIntoViewIfNeeded();
      await expect(image).toHaveJSProperty('complete', true);
      const { width, height, naturalWidth, naturalHeight, currentSrc, srcset } =
        await image.evaluate((img: HTMLImageElement) => ({
          width: Number(img.getAttribute('width')),
          height: Number(img.getAttribute('height')),
          naturalWidth: img.naturalWidth,
          naturalHeight: img.naturalHeight,
          currentSrc: img.currentSrc,
          srcset: img.srcset,
        }));
      expect(width, `${url} ${currentSrc}`).toBeGreaterThan(0);
      expect(height, `${url} ${currentSrc}`).toBeGreaterThan(0);
      expect(naturalWidth, `${url} ${currentSrc} loaded`).toBeGreaterThan(0);
      // A resized copy keeps the ratio of the original the attributes describe.
      expect(Math.abs(naturalWidth / naturalHeight - width / height), currentSrc).toBeLessThan(
        0.02,
      );
      expect(srcset, `${url}: responsive`).toContain(' 640w');
      const pathname = new URL(currentSrc).pathname;
      if (isExport)
        expect(pathname, 'the export serves resized copies').toMatch(/^\/img\/\d+\/images\//);
      else expect(pathname).toBe('/_next/image');
    }
  }
});

test('pages with images do not shift while they load', async ({ page, context }) => {
  // A slow phone's CPU: it paints pages half parsed, where a desktop paints them whole.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // The fonts load first, on a page without images: whether a web font arrives before the first
  // paint ('optional') is a race on a busy machine, and this test is about images.
  await page.goto('/no-such-page');
  await page.evaluate(() => document.fonts.ready);
  for (const url of ['/', ARTICLES_WITH_IMAGES[0]!, '/sections/guides']) {
    await page.goto(url, { waitUntil: 'load' });
    await page.mouse.wheel(0, 20_000);
    await page.waitForTimeout(500);
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
              total += (entry as PerformanceEntry & { value: number }).value;
            }
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 200);
        }),
    );
    expect(shift, url).toBe(0);
  }
});

test('favicon, icon, Apple touch icon and manifest answer with the right types', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const href = (selector: string) => page.locator(selector).first().getAttribute('href');
  const expected: [string | null, string][] = [
    ['/favicon.ico', 'image/x-icon'],
    [await href('link[rel="icon"][type="image/png"]'), 'image/png'],
    [await href('link[rel="apple-touch-icon"]'), 'image/png'],
    [await href('link[rel="manifest"]'), 'application/manifest+json'],
  ];
  for (const [url, type] of expected) {
    expect(url, type).toBeTruthy();
    const response = await request.get(url!);
    expect(response.status(), url!).toBe(200);
    expect(response.headers()['content-type'], url!).toContain(type);
  }
  const manifest = (await (await request.get((await href('link[rel="manifest"]'))!)).json()) as {
    icons: { src: string; type: string }[];
  };
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['content-type'], icon.src).toContain(icon.type);
  }
});
