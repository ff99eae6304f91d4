import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { formatIssue } from '@/lib/content/issues';
import { judgeBody } from '@/lib/content/body';
import { loadContent } from '@/lib/content/load';
import { article, type FixtureFiles, makeContent } from './helpers/content-fixture';

const NOW = new Date('2026-06-01T12:00:00Z');
const START = '2026-06-01T08:00:00+00:00';

function live(body: string, liveFields = `{ start: ${START} }`): string {
  return article({ date: START, live: liveFields }, body);
}

function load(files: FixtureFiles) {
  return loadContent({ ...makeContent(files), now: NOW, judge: judgeBody });
}

function messages(files: FixtureFiles): string[] {
  return load(files).issues.map(formatIssue);
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

const ORDERED = `The introduction.

<Update time="2026-06-01T09:00:00+00:00" title="Second">
Second body.
</Update>

<Update time="2026-06-01T09:30:00+01:00" title="Oldest">
Typed with another offset: 08:30 UTC.
</Update>

<Update time="2026-06-01T11:30:00+02:00" title="Newest, typed last" pinned>
  Indented **body**.

  - a list
</Update>

Closing words of the introduction.
`;

describe('live stories: parsing and ordering', () => {
  it('splits the body into introduction and updates, newest first, with anchors and key events', () => {
    const text = live(ORDERED);
    const { articles, issues } = load({ 'articles/story.mdx': text });
    expect(issues.map(formatIssue)).toEqual([]);
    const story = articles[0]!;
    const coverage = story.live!;
    expect(coverage.intro).toEqual({
      body: 'The introduction.\n\nClosing words of the introduction.',
      bodyLine: story.bodyLine,
    });
    expect(coverage.updates.map((u) => [u.id, u.time, u.title, u.pinned, u.line])).toEqual([
      [
        'update-20260601-093000',
        '2026-06-01T11:30:00+02:00',
        'Newest, typed last',
        true,
        lineOf(text, 'title="Newest'),
      ],
      [
        'update-20260601-090000',
        '2026-06-01T09:00:00+00:00',
        'Second',
        false,
        lineOf(text, 'title="Second"'),
      ],
      [
        'update-20260601-083000',
        '2026-06-01T09:30:00+01:00',
        'Oldest',
        false,
        lineOf(text, 'title="Oldest"'),
      ],
    ]);
    expect(coverage.updates[0]!.body).toBe('Indented **body**.\n\n- a list');
    expect(coverage.updates[1]!.body).toBe('Second body.');
    expect(coverage.updates[1]!.bodyLine).toBe(lineOf(text, 'Second body.'));
    expect(coverage.updates[1]!.path).toBe('/articles/story#update-20260601-090000');
    expect(coverage.keyEvents.map((u) => u.title)).toEqual(['Newest, typed last']);
    expect(coverage.ended).toBe(false);
    expect(story.dateModified).toBe('2026-06-01T11:30:00+02:00');
    expect(story.modified.toISOString()).toBe('2026-06-01T09:30:00.000Z');
  });

  it('accepts an update written on one line and pinned="true"', () => {
    const { articles, issues } = load({
      'articles/story.mdx': live(
        'Intro.\n\n<Update time="2026-06-01T08:05:00Z" title="One line" pinned="true">Short **news**.</Update>\n',
      ),
    });
    expect(issues).toEqual([]);
    expect(articles[0]!.live!.updates).toMatchObject([
      { title: 'One line', pinned: true, body: 'Short **news**.' },
    ]);
    expect(articles[0]!.live!.intro.body).toBe('Intro.');
  });

  it('marks coverage ended once live.end has passed at build time, and keeps `updated` when it is later', () => {
    const { articles, issues } = load({
      'articles/ended.mdx': article(
        {
          date: START,
          updated: '2026-06-01T11:00:00+00:00',
          live: `{ start: ${START}, end: 2026-06-01T10:00:00+00:00 }`,
        },
        '<Update time="2026-06-01T09:00:00+00:00" title="Last">Done.</Update>\n',
      ),
      'articles/later.mdx': live('Intro.', `{ start: ${START}, end: 2026-06-02T10:00:00+00:00 }`),
    });
    expect(issues).toEqual([]);
    const bySlug = Object.fromEntries(articles.map((a) => [a.slug, a]));
    expect(bySlug.ended!.live).toMatchObject({ ended: true, end: '2026-06-01T10:00:00+00:00' });
    expect(bySlug.ended!.dateModified).toBe('2026-06-01T11:00:00+00:00');
    expect(bySlug.later!.live).toMatchObject({ ended: false, updates: [] });
    expect(bySlug.later!.dateModified).toBe(START);
  });
});

describe('live stories: validation with file:line:col', () => {
  it('refuses bad, early, late, future and duplicate times, and missing attributes', () => {
    const body = `Intro.

<Update title="No time">x</Update>

<Update time="yesterday" title="Bad time">x</Update>

<Update time="2026-02-30T10:00:00+00:00" title="Not a real day">x</Update>

<Update time="2026-06-01T07:59:00+00:00" title="Too early">x</Update>

<Update time="2026-06-01T11:00:00+00:00" title="Too late">x</Update>

<Update time="2026-06-01T09:00:00+00:00" title="First">x</Update>

<Update time="2026-06-01T10:00:00+01:00" title="Same moment">x</Update>

<Update time="2026-06-01T09:10:00+00:00">x</Update>

<Update time="2026-06-01T09:20:00+00:00" title="Odd pin" pinned="yes">x</Update>
`;
    const text = live(body, `{ start: ${START}, end: 2026-06-01T10:30:00+00:00 }`);
    const at = (needle: string, column: number) =>
      `content/articles/story.mdx:${lineOf(text, needle)}:${column}`;
    expect(messages({ 'articles/story.mdx': text })).toEqual([
      `${at('title="No time"', 1)}  error  <Update> needs time="…": the moment of the update with its time-zone offset, like 2026-11-28T09:30:00+00:00`,
      `${at('title="Bad time"', 9)}  error  <Update> time="yesterday" must be a date and time with a time-zone offset, like 2022-08-08T09:30:00-07:00`,
      `${at('title="Not a real day"', 9)}  error  <Update> time="2026-02-30T10:00:00+00:00" is not a real date or time (check the month, day and hour)`,
      `${at('title="Too early"', 9)}  error  <Update> time="2026-06-01T07:59:00+00:00" is before live.start (${START}); an update cannot come before the coverage starts`,
      `${at('title="Too late"', 9)}  error  <Update> time="2026-06-01T11:00:00+00:00" is after live.end (2026-06-01T10:30:00+00:00); move live.end later or remove the update`,
      `${at('title="Same moment"', 9)}  error  <Update> time="2026-06-01T10:00:00+01:00" is the same moment as the update on line ${lineOf(text, 'title="First"')}; give each update its own time`,
      `${at('2026-06-01T09:10:00', 1)}  error  <Update> needs title="…": a short headline for the update`,
      `${at('title="Odd pin"', '<Update time="2026-06-01T09:20:00+00:00" title="Odd pin" '.length + 1)}  error  <Update> pinned="yes" must be pinned (or pinned="true") to make the update a key event, or left out`,
    ]);
  });

  it('refuses updates in the future of the build', () => {
    const text = live('<Update time="2026-06-01T12:00:01+00:00" title="Soon">x</Update>\n');
    expect(messages({ 'articles/story.mdx': text })).toEqual([
      `content/articles/story.mdx:${lineOf(text, 'Soon')}:9  error  <Update> time="2026-06-01T12:00:01+00:00" is in the future (the build ran at 2026-06-01T12:00:00.000Z); add the update when it has happened`,
    ]);
  });

  it('refuses an end before the start, updates in a story that is not live, and nested updates', () => {
    const ended = article({
      date: START,
      live: `{ start: ${START}, end: 2026-06-01T07:00:00+00:00 }`,
    });
    const stray = article(
      {},
      'Text.\n\n<Update time="2026-01-02T10:00:00+00:00" title="Stray">x</Update>\n',
    );
    const nested = live(
      '<Callout>\n\n<Update time="2026-06-01T09:00:00+00:00" title="Inside">x</Update>\n\n</Callout>\n',
    );
    expect(
      messages({
        'articles/a-ended.mdx': ended,
        'articles/b-stray.mdx': stray,
        'articles/c-nested.mdx': nested,
      }),
    ).toEqual([
      `content/articles/a-ended.mdx:${lineOf(ended, 'live:')}:${'live: { start: 2026-06-01T08:00:00+00:00, end: '.length + 1}  error  "live.end" is before live.start (${START}); coverage must end after it starts`,
      `content/articles/b-stray.mdx:${lineOf(stray, 'Stray')}:1  error  <Update> is only for live stories: add live: { start: … } to the frontmatter to make this one`,
      `content/articles/c-nested.mdx:${lineOf(nested, 'Inside')}:1  error  <Update> must stand on its own at the top level of the body, not inside another element`,
    ]);
  });

  it('passes the whole content check (MDX inspection included) for a valid live story', async () => {
    const result = await checkContent({
      ...makeContent({ 'articles/story.mdx': live(ORDERED) }),
      now: NOW,
    });
    expect(result.issues.map(formatIssue)).toEqual([]);
  });
});

describe('live stories: share card', () => {
  it('carries a Live badge while coverage runs, and gets a new hash when it ends', async () => {
    const { articleCard } = await import('@/lib/og/cards');
    const body = '<Update time="2026-06-01T09:00:00+00:00" title="One">x</Update>\n';
    const [running] = load({ 'articles/story.mdx': live(body) }).articles;
    const [ended] = load({
      'articles/story.mdx': live(body, `{ start: ${START}, end: 2026-06-01T10:00:00+00:00 }`),
    }).articles;
    const [plain] = load({ 'articles/story.mdx': article({ date: START }) }).articles;
    expect(articleCard(running!).live).toBe('Live');
    expect(articleCard(ended!).live).toBeUndefined();
    expect(articleCard(running!).hash).not.toBe(articleCard(ended!).hash);
    expect(articleCard(ended!).hash).toBe(articleCard(plain!).hash);
  });
});

describe('live stories: feeds and structured data', () => {
  it('gives feed readers the introduction, then the updates newest first, and one feed per story', async () => {
    const { renderLiveFeed } = await import('@/lib/feeds');
    const { articleHtml } = await import('@/lib/feed-html');
    const { articleJsonLd } = await import('@/lib/json-ld');
    const { isLive } = await import('@/lib/content');
    const { site } = await import('@/lib/site');
    const [story] = load({ 'articles/story.mdx': live(ORDERED) }).articles;
    const html = articleHtml(story!);
    const order = ['The introduction.', 'Newest, typed last', 'Second', 'Oldest'].map((text) =>
      html.indexOf(text),
    );
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('<section><h3>1 June 2026 at 09:30 UTC — Newest, typed last</h3>');
    expect(html).toContain('<strong>body</strong>');

    if (!isLive(story!)) throw new Error('expected a live story');
    const rss = renderLiveFeed(story);
    const links = [...rss.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]);
    expect(links).toEqual(
      ['093000', '090000', '083000'].map(
        (time) => `${site.url.origin}/articles/story#update-20260601-${time}`,
      ),
    );

    const jsonLd = articleJsonLd(story!);
    expect(jsonLd['@type']).toBe('LiveBlogPosting');
    expect(jsonLd.coverageStartTime).toBe(START);
    expect(jsonLd).not.toHaveProperty('coverageEndTime');
    expect(jsonLd.liveBlogUpdate).toEqual([
      {
        '@type': 'BlogPosting',
        headline: 'Newest, typed last',
        datePublished: '2026-06-01T11:30:00+02:00',
        articleBody: 'Indented body. a list',
        url: `${site.url.origin}/articles/story#update-20260601-093000`,
      },
      expect.objectContaining({ headline: 'Second', articleBody: 'Second body.' }),
      expect.objectContaining({ headline: 'Oldest' }),
    ]);
  });
});
