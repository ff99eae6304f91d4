import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveArticle } from '@/lib/content';
import { judgeBody } from '@/lib/content/body';
import { formatIssue } from '@/lib/content/issues';
import { coverageEnd } from '@/lib/content/live';
import { loadContent } from '@/lib/content/load';
import { articleJsonLd } from '@/lib/json-ld';
import { isOngoing, livePayload } from '@/lib/live-stories';
import { articleCard } from '@/lib/og/cards';
import { site } from '@/lib/site';
import { newsArticles } from '@/lib/sitemaps';
import { article, makeContent } from './helpers/content-fixture';
import { severalDates } from './helpers/dates';

const HOUR = 3_600_000;
const iso = (date: Date) => date.toISOString().replace('.000Z', '+00:00');

/** A live story started `startedHoursAgo` before `at`, last updated `idleHours` before it. */
function story(at: Date, idleHours: number, end?: Date) {
  const start = new Date(at.getTime() - (idleHours + 3) * HOUR);
  const last = new Date(at.getTime() - idleHours * HOUR);
  const fields = end ? `{ start: ${iso(start)}, end: ${iso(end)} }` : `{ start: ${iso(start)} }`;
  const text = article(
    { date: iso(start), live: fields },
    `Intro.\n\n<Update time="${iso(start)}" title="Opens">First.</Update>\n\n<Update time="${iso(last)}" title="Latest">Last.</Update>\n`,
  );
  const loaded = loadContent({
    ...makeContent({ 'articles/story.mdx': text }),
    now: at,
    judge: judgeBody,
  });
  const loadedStory = loaded.articles[0] as LiveArticle;
  return { story: loadedStory, issues: loaded.issues.map(formatIssue), text, last, start };
}

const DATES = severalDates();

describe.each(DATES)('the live idle rule, %s', (_, at) => {
  const limit = site.liveIdleHours;

  it('keeps coverage updated within liveIdleHours running everywhere', () => {
    const { story: running, issues } = story(at, limit - 1);
    expect(issues).toEqual([]);
    expect(running.live).toMatchObject({ ended: false, idle: false });
    expect(running.live.end).toBeUndefined();
    expect(isOngoing(running)).toBe(true);
    expect(livePayload(running)).toMatchObject({ ended: false });
    expect(livePayload(running)).not.toHaveProperty('end');
    expect(articleJsonLd(running)).not.toHaveProperty('coverageEndTime');
    expect(articleCard(running).live).toBe('Live');
  });

  it('ends idle coverage at its last update: label data, live JSON, JSON-LD, card, and warns', () => {
    const { story: idle, issues, text, last } = story(at, limit + 1);
    const end = iso(last);
    expect(idle.live).toMatchObject({ ended: true, idle: true, end });
    expect(idle.live.endDate?.getTime()).toBe(last.getTime());
    expect(isOngoing(idle)).toBe(false);
    expect(livePayload(idle)).toMatchObject({ ended: true, end, updated: end });
    expect(articleJsonLd(idle).coverageEndTime).toBe(end);
    expect(articleCard(idle).live).toBeUndefined();
    const line = text.split('\n').findIndex((l) => l.startsWith('live:')) + 1;
    expect(issues).toEqual([
      `content/articles/story.mdx:${line}:7  warning  live coverage has had no update for ${limit + 1} hours (since ${end}), more than the ${limit} in liveIdleHours (lib/site.ts): it is shown as ended at that time. Add an <Update> if the story is still running, or close it with live.end: ${end}`,
    ]);
  });

  it('an explicit live.end wins: ended at that time, no idle warning', () => {
    const end = new Date(at.getTime() - 2 * HOUR);
    const { story: closed, issues } = story(at, limit + 5, end);
    expect(issues).toEqual([]);
    expect(closed.live).toMatchObject({ ended: true, idle: false, end: iso(end) });
    expect(articleJsonLd(closed).coverageEndTime).toBe(iso(end));
    const { story: future } = story(at, limit + 5, new Date(at.getTime() + HOUR));
    expect(future.live).toMatchObject({ ended: false, idle: false });
    expect(isOngoing(future)).toBe(true);
  });

  it('lists a story in the news sitemap for 48 hours after publication, live or idle', () => {
    const { story: running } = story(at, 1);
    const { story: idle } = story(at, limit + 1);
    const { story: old } = story(at, 48);
    expect(newsArticles([running, idle, old], at).map((s) => s.live?.idle)).toEqual([false, true]);
  });
});

describe('coverageEnd', () => {
  const start = '2030-03-01T08:00:00+00:00';
  const at = (hours: number) => new Date(Date.parse(start) + hours * HOUR);

  it('counts idle time from the start when there is no update yet, and not before the limit', () => {
    expect(coverageEnd({ start }, undefined, at(24), 24)).toEqual({ ended: false, idle: false });
    expect(coverageEnd({ start }, undefined, at(24.01), 24)).toMatchObject({
      ended: true,
      idle: true,
      end: start,
    });
  });

  it('is not ended before a future start or a future end', () => {
    expect(coverageEnd({ start }, undefined, at(-5), 24).ended).toBe(false);
    const end = '2030-03-05T08:00:00+00:00';
    expect(coverageEnd({ start, end }, undefined, at(48), 24)).toMatchObject({ ended: false });
    expect(coverageEnd({ start, end }, undefined, at(96), 24)).toMatchObject({ ended: true, end });
  });
});

describe('the one clock', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it.each([
    ['', (at: Date) => at.toISOString()],
    ['2031-07-04T12:00:00Z', () => '2031-07-04T12:00:00.000Z'],
  ])(
    'BUILD_TIME="%s": the real time when unset, else pinned, at any date',
    async (pin, expected) => {
      vi.stubEnv('BUILD_TIME', pin);
      vi.resetModules();
      const clock = await import('@/lib/clock');
      for (const [, at] of DATES) {
        vi.useFakeTimers({ now: at });
        expect(clock.now().toISOString()).toBe(expected(at));
      }
    },
  );
});
