import type { Locator } from '@playwright/test';
import { site } from '@/lib/site';
import { hoursBefore } from './clock';
import { expect, test } from './fixtures';
import { layoutShifts, observeLayoutShifts } from './layout-shifts';
import { countLiveRequests } from './live-helpers';
import { cardType, headTags, jsonLdBlocks, values } from './share-helpers';

const ONGOING = 'fixture-live-ongoing';
const ENDED = 'fixture-live-ended';
const IDLE = 'fixture-live-idle';
const IDLE_LAST = '2026-01-04T10:00:00+00:00';
const ONGOING_LAST = '2026-11-28T11:30:00+00:00';
// At the default test instant the ongoing fixture runs; at a later E2E_BUILD_TIME it has gone idle
// and must show the ended state instead (the idle fixture shows it at every instant).
const RUNNING = hoursBefore(ONGOING_LAST) <= site.liveIdleHours;
/** The ongoing fixture's label: "Live", or its end at the last update once idle. */
async function expectOngoingLabel(label: Locator) {
  if (RUNNING) return expect(label).toHaveText('Live');
  await expect(label).toContainText('Live coverage ended');
  await expect(label.locator('time')).toHaveAttribute('datetime', ONGOING_LAST);
}
const skipUnlessRunning = () =>
  test.skip(
    !RUNNING,
    `${ONGOING} is idle at this E2E_BUILD_TIME: the idle fixture covers that state`,
  );
const ONGOING_IDS = ['update-20261128-113000', 'update-20261128-090500', 'update-20261128-090000'];
const ONGOING_TITLES = [
  'Fixture update three: Fish & chips </script> <b>',
  'Fixture update one',
  'Fixture update two',
];
const NEW_ID = 'update-20261128-120000';

test.describe('a live story while coverage runs', () => {
  test('shows the Live label, updates newest first with anchors, key events and the update time', async ({
    page,
    baseURL,
  }) => {
    await page.goto(`/articles/${ONGOING}`);
    await expectOngoingLabel(page.locator('.article__header .live-label'));
    const updates = page.locator('.live-updates article.live-update');
    await expect(updates).toHaveCount(3);
    expect(await updates.evaluateAll((list) => list.map((el) => el.id))).toEqual(ONGOING_IDS);
    await expect(updates.locator('h3')).toHaveText(ONGOING_TITLES);
    await expect(updates.first().locator('time')).toHaveAttribute(
      'datetime',
      '2026-11-28T11:30:00+00:00',
    );
    await expect(page.locator('.article-meta__live-updated time')).toHaveAttribute(
      'datetime',
      '2026-11-28T11:30:00+00:00',
    );
    await expect(page.locator('.article-meta__live-updated')).toContainText(/Updated 11:30/);
    await expect(page.locator('.prose').first()).toContainText("The fixture's introduction.");

    const keyEvents = page.locator('.live-key-events a');
    await expect(keyEvents).toHaveCount(1);
    await expect(keyEvents).toHaveAttribute('href', `#${ONGOING_IDS[1]}`);
    await expect(keyEvents).toContainText('Fixture update one');

    const second = page.locator(`#${ONGOING_IDS[1]}`);
    await expect(second.locator('.live-update__key')).toHaveText('Key event');
    await expect(second.getByRole('link', { name: /Link to this update/ })).toHaveAttribute(
      'href',
      `#${ONGOING_IDS[1]}`,
    );
    const share = await second
      .getByRole('link', { name: /Share this update on X/ })
      .getAttribute('href');
    expect(new URL(share ?? '').searchParams.get('url')).toBe(
      `${baseURL}/articles/${ONGOING}#${ONGOING_IDS[1]}`,
    );

    await page.goto(`/articles/${ONGOING}#${ONGOING_IDS[2]}`);
    await expect(page.locator(`#${ONGOING_IDS[2]}`)).toBeInViewport();
  });

  test('is labelled Live on its cards and as the home lead; an ended story shows its end', async ({
    page,
  }) => {
    await page.goto('/');
    const lead = page.locator('.lead-story');
    await expect(lead.locator('.lead-story__title')).toHaveText(
      'Fixture live story, still running',
    );
    await expectOngoingLabel(lead.locator('.live-label'));

    await page.goto('/tags/fixture-live');
    const card = (title: string) => page.locator('.story-card', { hasText: title });
    await expectOngoingLabel(card('Fixture live story, still running').locator('.live-label'));
    const idle = card('Fixture live story, left idle').locator('.live-label');
    await expect(idle).toContainText('Live coverage ended');
    await expect(idle.locator('time')).toHaveAttribute('datetime', IDLE_LAST);
    const ended = card('Fixture live story, ended').locator('.live-label');
    await expect(ended).toContainText('Live coverage ended');
    await expect(ended.locator('time')).toHaveAttribute('datetime', '2026-01-05T18:00:00+00:00');

    await page.goto('/sections/guides');
    await expectOngoingLabel(card('Fixture live story, still running').locator('.live-label'));
  });

  test('describes itself as a LiveBlogPosting, field by field, escaped', async ({
    request,
    baseURL,
  }) => {
    const html = await (await request.get(`/articles/${ONGOING}`)).text();
    const block = jsonLdBlocks(html).find((b) => b.data['@type'] === 'LiveBlogPosting');
    expect(block, 'a LiveBlogPosting block').toBeDefined();
    const data = block!.data;
    expect(data.headline).toBe('Fixture live story, still running');
    expect(data.coverageStartTime).toBe('2026-11-28T09:00:00+00:00');
    if (RUNNING) expect(data).not.toHaveProperty('coverageEndTime');
    else expect(data.coverageEndTime).toBe(ONGOING_LAST);
    expect(data.datePublished).toBe('2026-11-28T09:00:00+00:00');
    expect(data.dateModified).toBe('2026-11-28T11:30:00+00:00');
    const updates = data.liveBlogUpdate as Record<string, unknown>[];
    expect(updates.map((u) => u['@type'])).toEqual(['BlogPosting', 'BlogPosting', 'BlogPosting']);
    expect(updates.map((u) => u.headline)).toEqual(ONGOING_TITLES);
    expect(updates.map((u) => u.datePublished)).toEqual([
      '2026-11-28T11:30:00+00:00',
      '2026-11-28T09:05:00+00:00',
      '2026-11-28T10:00:00+01:00',
    ]);
    expect(updates.map((u) => u.url)).toEqual(
      ONGOING_IDS.map((id) => `${baseURL}/articles/${ONGOING}#${id}`),
    );
    expect(updates[0]?.articleBody).toBe('The newest fixture update.');
    expect(updates[1]?.articleBody).toBe('The first fixture update, with a link.');
    expect(block!.raw).not.toContain('</script>');
    expect(block!.raw).toContain('\\u003c/script\\u003e \\u003cb\\u003e');

    const ended = await (await request.get(`/articles/${ENDED}`)).text();
    const endedData = jsonLdBlocks(ended).find((b) => b.data['@type'] === 'LiveBlogPosting')?.data;
    expect(endedData?.coverageStartTime).toBe('2026-01-05T08:00:00+00:00');
    expect(endedData?.coverageEndTime).toBe('2026-01-05T18:00:00+00:00');
    expect((endedData?.liveBlogUpdate as unknown[]).length).toBe(2);

    const idle = await (await request.get(`/articles/${IDLE}`)).text();
    const idleData = jsonLdBlocks(idle).find((b) => b.data['@type'] === 'LiveBlogPosting')?.data;
    expect(idleData?.coverageEndTime).toBe(IDLE_LAST);
  });

  test('share tags follow the newest update; the card differs once coverage ends', async ({
    request,
  }) => {
    const head = headTags(await (await request.get(`/articles/${ONGOING}`)).text());
    expect(values(head, 'article:modified_time')).toEqual(['2026-11-28T11:30:00+00:00']);
    expect(values(head, 'og:updated_time')).toEqual(['2026-11-28T11:30:00+00:00']);
    expect(values(head, 'article:published_time')).toEqual(['2026-11-28T09:00:00+00:00']);
    const image = values(head, 'og:image')[0] ?? '';
    const card = await request.get(new URL(image).pathname);
    expect(card.status()).toBe(200);
    expect(card.headers()['content-type']).toBe(cardType(image));
    const feed = head.links.find((link) => link.type === 'application/rss+xml');
    expect(feed?.href).toMatch(new RegExp(`/articles/${ONGOING}/feed\\.xml$`));
  });

  test('serves the updates JSON, newest first, with HTML and anchors', async ({
    request,
    baseURL,
  }) => {
    const response = await request.get(`/api/live/${ONGOING}.json`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/json');
    const data = await response.json();
    expect(data).toMatchObject({
      url: `${baseURL}/articles/${ONGOING}`,
      ended: !RUNNING,
      start: '2026-11-28T09:00:00+00:00',
      updated: ONGOING_LAST,
      refreshSeconds: 60,
    });
    if (RUNNING) expect(data).not.toHaveProperty('end');
    else expect(data.end).toBe(ONGOING_LAST);
    expect(data.updates.map((u: { id: string }) => u.id)).toEqual(ONGOING_IDS);
    expect(data.updates[0]).toEqual({
      id: ONGOING_IDS[0],
      time: '2026-11-28T11:30:00+00:00',
      title: ONGOING_TITLES[0],
      pinned: false,
      url: `${baseURL}/articles/${ONGOING}#${ONGOING_IDS[0]}`,
      html: '<p>The newest fixture update.</p>',
    });
    expect(data.updates[1].html).toBe(
      `<p>The first fixture update, with a <a href="${baseURL}/articles/fixture-live-ended">link</a>.</p>`,
    );
    const ended = await (await request.get(`/api/live/${ENDED}.json`)).json();
    expect(ended).toMatchObject({ ended: true, end: '2026-01-05T18:00:00+00:00' });
    const idle = await (await request.get(`/api/live/${IDLE}.json`)).json();
    expect(idle).toMatchObject({ ended: true, end: IDLE_LAST, updated: IDLE_LAST });
  });

  test('answers 404 for a story that is not live', async ({ request, isExport }) => {
    test.skip(isExport, 'a static host answers unknown paths with its own 404 page');
    expect((await request.get('/api/live/mdx-components-guide.json')).status()).toBe(404);
    expect((await request.get('/api/live/fixture-live-ongoing')).status()).toBe(404);
    expect((await request.get('/articles/mdx-components-guide/feed.xml')).status()).toBe(404);
  });

  test('has a feed of its own updates; site feeds date the story by its newest update', async ({
    request,
    baseURL,
  }) => {
    const response = await request.get(`/articles/${ONGOING}/feed.xml`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/rss+xml');
    const xml = await response.text();
    const links = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]);
    expect(links).toEqual(ONGOING_IDS.map((id) => `${baseURL}/articles/${ONGOING}#${id}`));
    expect(xml).toContain(
      '<title><![CDATA[Fixture update three: Fish &amp; chips &lt;/script&gt; &lt;b&gt;]]></title>',
    );

    const atom = await (await request.get('/atom.xml')).text();
    const entry = /<entry>(?:(?!<\/entry>)[\s\S])*?<\/entry>/g;
    const story = [...atom.matchAll(entry)].find(([e]) => e.includes(`/articles/${ONGOING}"`))?.[0];
    expect(story, 'the live story is in the site feed').toBeDefined();
    expect(story).toContain('<updated>2026-11-28T11:30:00.000Z</updated>');
    expect(story).toContain('<published>2026-11-28T09:00:00.000Z</published>');
    const json = await (await request.get('/feed.json')).json();
    const item = json.items.find((i: { url: string }) => i.url.endsWith(`/articles/${ONGOING}`));
    expect(item.date_modified).toBe('2026-11-28T11:30:00.000Z');

    // Google News takes stories published in the last 48 hours, live or not.
    const news = await (await request.get('/news-sitemap.xml')).text();
    const recent = hoursBefore('2026-11-28T09:00:00+00:00') <= site.newsSitemapHours;
    expect(news.includes(`<loc>${baseURL}/articles/${ONGOING}</loc>`)).toBe(recent);
    expect(news).not.toContain(`/articles/${ENDED}<`);
    expect(news).not.toContain(`/articles/${IDLE}<`);
  });

  test('offers new updates, inserts them on click, and nothing the reader sees moves', async ({
    page,
    seriousViolations,
  }) => {
    skipUnlessRunning();
    await observeLayoutShifts(page);
    await page.clock.install();
    const real = await (await page.request.get(`/api/live/${ONGOING}.json`)).json();
    const newer = {
      ...real,
      updated: '2026-11-28T12:00:00+00:00',
      updates: [
        {
          id: NEW_ID,
          time: '2026-11-28T12:00:00+00:00',
          title: 'A newer fixture update',
          pinned: false,
          url: `${real.url}#${NEW_ID}`,
          html: '<p>Served by the test as the next build would.</p>',
        },
        ...real.updates,
      ],
    };
    let served = 0;
    await page.route(`**/api/live/${ONGOING}.json`, (route) => {
      served++;
      return route.fulfill({ json: served === 1 ? real : newer });
    });
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(`/articles/${ONGOING}`);
    const status = page.locator('.live-follow');
    await expect(status).toHaveText('New updates are offered here as they come in.');

    const reading = page.locator(`#${ONGOING_IDS[1]}`);
    await reading.evaluate((el) =>
      window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 200),
    );
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(200);
    // From here on the reader is reading: the flow under test must not move anything.
    await page.evaluate(() => {
      (Reflect.get(window, '__layoutShifts') as unknown[]).length = 0;
    });
    const before = await reading.evaluate((el) => el.getBoundingClientRect().top);

    // The first poll comes an interval (a minute) after the page loads, the next one a minute later.
    await page.clock.runFor(30_000);
    expect(served).toBe(0);
    await page.clock.runFor(31_000);
    await expect.poll(() => served).toBe(1);
    await expect(status.getByRole('button')).toHaveCount(0);
    await expect
      .poll(async () => {
        await page.clock.runFor(10_000);
        return served;
      })
      .toBe(2);
    const button = status.getByRole('button', { name: 'Show 1 new update' });
    await expect(button).toBeVisible();
    expect(await reading.evaluate((el) => el.getBoundingClientRect().top)).toBe(before);

    await button.click();
    const inserted = page.locator(`#${NEW_ID}`);
    await expect(inserted).toContainText('Served by the test as the next build would.');
    await expect(inserted.locator('h3')).toHaveText('A newer fixture update');
    await expect(status.getByRole('link', { name: '1 update added at the top' })).toHaveAttribute(
      'href',
      `#${NEW_ID}`,
    );
    expect(
      await page
        .locator('.live-updates article.live-update')
        .evaluateAll((list) => list.map((el) => el.id)),
    ).toEqual([NEW_ID, ...ONGOING_IDS]);
    await page.waitForTimeout(600);
    expect(
      Math.abs((await reading.evaluate((el) => el.getBoundingClientRect().top)) - before),
    ).toBeLessThan(1);
    const shifts = await layoutShifts(page);
    const cls = shifts.reduce((sum, shift) => sum + shift.value, 0);
    expect(shifts, `layout shifts: ${JSON.stringify(shifts)}`).toEqual([]);
    expect(cls).toBe(0);
    expect(await seriousViolations()).toEqual([]);
  });

  test('pauses while the tab is hidden and asks again when it is shown', async ({ page }) => {
    skipUnlessRunning();
    await page.clock.install();
    const requests = countLiveRequests(page);
    await page.goto(`/articles/${ONGOING}`);
    await expect(page.locator('.live-follow')).toHaveText(
      'New updates are offered here as they come in.',
    );
    const setHidden = (hidden: boolean) =>
      page.evaluate((value) => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => value });
        Object.defineProperty(document, 'visibilityState', {
          configurable: true,
          get: () => (value ? 'hidden' : 'visible'),
        });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    await page.clock.runFor(61_000);
    await expect.poll(requests).toBe(1);
    await setHidden(true);
    await page.clock.runFor(5 * 60_000);
    expect(requests()).toBe(1);
    await setHidden(false);
    await expect.poll(requests).toBe(2);
  });

  test('works without JavaScript as a plain page', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto(`/articles/${ONGOING}`);
    await expect(page.locator('.live-updates article.live-update')).toHaveCount(3);
    await expect(page.locator('.live-follow')).toHaveText(
      RUNNING ? 'Reload the page to see new updates.' : 'Live coverage has ended.',
    );
    await expect(page.locator('.live-update__time').first()).toHaveText('11:30 UTC');
    await context.close();
  });
});

test.describe('a live story whose coverage has ended', () => {
  const endings = [
    ['by live.end', ENDED, '2026-01-05T18:00:00+00:00', 'Ended fixture'],
    ['by going idle past liveIdleHours, at its last update', IDLE, IDLE_LAST, 'Idle fixture'],
  ] as const;
  for (const [how, slug, end, name] of endings) {
    test(`ended ${how}: shows the end time, never polls, and is accessible`, async ({
      page,
      seriousViolations,
    }) => {
      await page.clock.install();
      const requests = countLiveRequests(page);
      await page.goto(`/articles/${slug}`);
      const label = page.locator('.article__header .live-label');
      await expect(label).toContainText('Live coverage ended');
      await expect(label.locator('time')).toHaveAttribute('datetime', end);
      await expect(page.locator('.live-follow')).toHaveText('Live coverage has ended.');
      await expect(page.locator('.live-updates h3')).toHaveText([
        `${name} last update`,
        `${name} first update`,
      ]);
      await page.clock.runFor(10 * 60_000);
      expect(requests()).toBe(0);
      expect(await seriousViolations()).toEqual([]);
    });
  }

  test('the running story is accessible too', async ({ page, seriousViolations }) => {
    await page.goto(`/articles/${ONGOING}`);
    expect(await seriousViolations()).toEqual([]);
  });
});
