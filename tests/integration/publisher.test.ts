// The publisher end to end, in front of the cluster (scripts/cluster/: Varnish, two standalone
// origins, Redis; its build is shared with the cluster test): a bare git repository of the
// sample content, the publisher following it, and a stub that plays IndexNow, the WebSub hub and
// the notify webhook. Readers are played through the edge. Ports 3781-3786.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now } from '@/lib/clock';
import { INDEXNOW_KEY, waitFor, World } from '@/scripts/bench/publisher-world';

const world = new World({
  ports: { server: 3780, publisher: 3781, stub: 3782 },
  cluster: { edge: 3783, redis: 3784, origins: [3785, 3786] },
  distDir: '.next-publisher',
  intervalSeconds: 30,
  log: (line) => console.log(line),
});

const EDITED = 'articles/corrections-policy.mdx';
// A story nothing links to and no translation names: deleting one that is still referred to is
// refused (the content check's broken-link and translation rules).
const GONE = 'welcome-to-the-meridian';
const DELETED = `articles/${GONE}.mdx`;
const EMBARGOED = 'embargoed-wire-story';
const iso = (date: Date) => date.toISOString().replace(/\.\d+Z$/, '+00:00');

/** Every public place a story can show: page, share JSON, listings, feeds, sitemaps. */
const PLACES = ['/', '/feed.xml', '/atom.xml', '/feed.json', '/sitemap.xml', '/news-sitemap.xml'];

async function seenAt(slug: string): Promise<string[]> {
  const seen: string[] = [];
  for (const place of [`/articles/${slug}`, `/api/share/${slug}`]) {
    if ((await world.get(place)).status === 200) seen.push(place);
  }
  for (const place of PLACES) {
    if ((await world.get(place)).text.includes(`/articles/${slug}`)) seen.push(place);
  }
  return seen;
}

function embargoed(date: Date): string {
  return `---
title: "Wire story under embargo"
summary: "Released to subscribers ahead of time; public at the embargo."
date: ${iso(date)}
authors: [ada-okafor]
section: newsroom
tags: [standards]
---

The embargoed text, findable as zanzibarquokka once it is public.
`;
}

beforeAll(async () => {
  await world.setUp();
}, 900_000);

afterAll(async () => {
  await world.stop();
});

describe('the publisher', () => {
  it('refuses forged webhooks (401), oversized ones (413) and status without the token', async () => {
    expect(await world.webhook({ 'x-hub-signature-256': 'sha256=00' })).toBe(401);
    const unsigned = await fetch(new URL('/hooks/git', world.publisherUrl), { method: 'POST' });
    expect(unsigned.status).toBe(401);
    const gitlab = await fetch(new URL('/hooks/git', world.publisherUrl), {
      method: 'POST',
      headers: { 'x-gitlab-token': 'guessed' },
      body: '{}',
    });
    expect(gitlab.status).toBe(401);
    expect(await world.webhook({}, 'x'.repeat(1024 * 1024 + 1))).toBe(413);
    expect(await world.status('wrong')).toBeUndefined();
  });

  it('publishes a pushed headline edit in seconds, and tells IndexNow and the WebSub hub', async () => {
    const commit = world.push('Sharper headline', {
      [EDITED]: world.read(EDITED).replace('"Our corrections policy"', '"How we correct mistakes"'),
    });
    const pushed = performance.now();
    expect(await world.webhook()).toBe(202);
    await waitFor('the new headline', async () =>
      (await world.get('/articles/corrections-policy')).text.includes('How we correct mistakes'),
    );
    console.log(`merge to live: ${((performance.now() - pushed) / 1000).toFixed(2)} s`);
    const status = await world.status();
    expect(status?.published).toBe(commit);
    expect(status?.publishes[0]?.changed).toEqual(['corrections-policy']);
    await waitFor('the listings', async () =>
      (await world.get('/')).text.includes('How we correct mistakes'),
    );
    expect((await world.get('/feed.xml')).text).toContain('How we correct mistakes');
    expect((await world.get('/feed.xml')).text).toContain(`rel="hub"`);
    const indexNow = await waitFor('the IndexNow ping', () =>
      world.received.find((r) => r.path === '/indexnow'),
    );
    const batch = JSON.parse(indexNow.body) as {
      key: string;
      keyLocation: string;
      urlList: string[];
    };
    expect(batch.key).toBe(INDEXNOW_KEY);
    expect(batch.urlList).toContain(`${world.site}/articles/corrections-policy`);
    const key = await world.get(`/${INDEXNOW_KEY}.txt`);
    expect([key.status, key.text, batch.keyLocation]).toEqual([
      200,
      INDEXNOW_KEY,
      `${world.site}/${INDEXNOW_KEY}.txt`,
    ]);
    await waitFor(
      'the WebSub pings',
      () =>
        world.received.some((r) => r.path === '/hub' && r.body.includes('feed.xml')) || undefined,
    );
    const hub = world.received
      .filter((r) => r.path === '/hub')
      .map((r) => new URLSearchParams(r.body));
    expect(hub.every((ping) => ping.get('hub.mode') === 'publish')).toBe(true);
    expect(hub.map((ping) => ping.get('hub.url'))).toContain(`${world.site}/feed.xml`);
  });

  it('refuses a commit with broken frontmatter: the site is unchanged, the problem is on /status', async () => {
    const before = (await world.status())?.published;
    const commit = world.push('Broken date', {
      [EDITED]: world.read(EDITED).replace(/^date: .*$/m, 'date: next tuesday'),
    });
    expect(await world.webhook()).toBe(202);
    const status = await waitFor('the refusal', async () => {
      const s = await world.status();
      return s?.refused?.commit === commit ? s : undefined;
    });
    expect(status.published).toBe(before);
    const problem = status.refused?.problems[0];
    expect(problem?.file).toBe('content/articles/corrections-policy.mdx');
    expect(problem?.line).toBe(4);
    expect(problem?.column).toBeGreaterThan(0);
    const notice = await waitFor('the notice', () =>
      world.received.find((r) => r.path === '/notify' && r.body.includes(commit)),
    );
    expect(notice.body).toContain('content/articles/corrections-policy.mdx:4:');
    expect((await world.get('/articles/corrections-policy')).text).toContain(
      'How we correct mistakes',
    );
  });

  it('lifts an embargo at its minute with no commit, also after a publisher restart', async () => {
    const lift = new Date(Math.ceil(now().getTime() / 1000) * 1000 + 20_000);
    const fixed = world
      .read(EDITED)
      .replace(/^date: next tuesday$/m, 'date: 2026-09-23T11:30:00+01:00');
    const commit = world.push('Fix the date; a wire story under embargo', {
      [EDITED]: fixed,
      [`articles/${EMBARGOED}.mdx`]: embargoed(lift),
    });
    expect(await world.webhook()).toBe(202);
    const status = await waitFor('the fixed commit', async () => {
      const s = await world.status();
      return s?.published === commit ? s : undefined;
    });
    expect(Date.parse(status.nextEmbargo ?? '')).toBe(lift.getTime());
    expect(now() < lift).toBe(true);
    expect(await seenAt(EMBARGOED)).toEqual([]);
    expect(world.searchHas('zanzibarquokka')).toBe(false);
    // Killed and started again before the embargo: it recomputes the embargo and wakes for it.
    await world.killPublisher();
    world.startPublisher();
    await waitFor('the embargo time', () => (now() >= lift ? true : undefined), 40_000);
    const live = await waitFor(
      'the story everywhere',
      async () => ((await seenAt(EMBARGOED)).length === PLACES.length + 2 ? now() : undefined),
      60_000,
      250,
    );
    const lag = (live.getTime() - lift.getTime()) / 1000;
    console.log(`embargo lag: ${lag.toFixed(2)} s`);
    expect(lag).toBeLessThanOrEqual(60);
    const html = (await world.get(`/articles/${EMBARGOED}`)).text;
    const card = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect((await world.get(new URL(card).pathname)).status).toBe(200);
    await waitFor(
      'the search index',
      () => world.searchHas('zanzibarquokka') || undefined,
      60_000,
      500,
    );
    const after = await world.status();
    expect(after?.publishes[0]).toMatchObject({ reason: 'embargo', changed: [EMBARGOED] });
    expect(
      after?.publishes.filter((p) => p.commit === commit && p.reason !== 'embargo'),
    ).toHaveLength(1);
  });

  it('takes a deleted story off its URL (404), the listings, feeds and sitemaps, through a crash', async () => {
    const page = (await world.get(`/articles/${GONE}`)).text;
    const card = new URL(/<meta property="og:image" content="([^"]+)"/.exec(page)?.[1] ?? '')
      .pathname;
    expect((await world.get(card)).status).toBe(200);
    const commit = world.push('Remove a story', { [DELETED]: null });
    expect(await world.webhook()).toBe(202);
    // Killed mid-way through publishing (SIGKILL) and started again: it converges, once.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await world.killPublisher();
    world.startPublisher();
    await waitFor('the story gone', async () => (await seenAt(GONE)).length === 0 || undefined);
    expect((await world.get(`/articles/${GONE}`)).status).toBe(404);
    await waitFor('its card gone', async () => (await world.get(card)).status === 404 || undefined);
    const status = await waitFor('the publish', async () => {
      const s = await world.status();
      return s?.published === commit ? s : undefined;
    });
    expect(status.publishes.filter((p) => p.commit === commit)).toHaveLength(1);
    expect(status.publishes[0]?.changed).toEqual([GONE]);
  });
});
