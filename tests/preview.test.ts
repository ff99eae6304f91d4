import { beforeEach, describe, expect, it, vi } from 'vitest';
import { judgeBody } from '@/lib/content/body';
import { loadContent } from '@/lib/content/load';
import { articleFrontmatterSchema } from '@/lib/content/schema';
import { parseFrontmatterFile } from '@/lib/content/source';
import { bumpPreviewVersion } from '@/lib/content/preview-version';
import {
  checkPreview,
  previewLink,
  previewPath,
  type PreviewRequest,
  previewSignature,
} from '@/lib/preview';
import { clientAddress, RateLimit } from '@/lib/rate-limit';
import { parseSettings } from '@/lib/settings.js';
import { absoluteUrl } from '@/lib/site';
import { article, makeContent } from './helpers/content-fixture';

const clock = vi.hoisted(() => ({ at: new Date('2026-03-01T12:00:00Z') }));
vi.mock('@/lib/clock', () => ({ now: () => clock.at }));
const hmacs = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  return {
    ...crypto,
    createHmac: (...args: Parameters<typeof crypto.createHmac>) => {
      hmacs.count++;
      return crypto.createHmac(...args);
    },
  };
});

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const START = new Date('2026-03-01T12:00:00Z');

const { articles } = loadContent({
  ...makeContent({
    'articles/a-draft.mdx': article({ draft: 'true' }),
    'articles/a-scheduled.mdx': article({ date: '2026-04-01T09:00:00+00:00' }),
    'articles/a-published.mdx': article({}),
    'articles/a-revoked.mdx': article({ draft: 'true', previewVersion: '3' }),
  }),
  now: START,
  judge: judgeBody,
});
const bySlug = new Map(articles.map((story) => [story.slug, story]));
const find = vi.fn((slug: string) => bySlug.get(slug));

function link(slug: string, { hours = 48, version = 1, secret = SECRET } = {}) {
  const expires = Math.floor(clock.at.getTime() / 1000) + hours * 3600;
  const url = new URL(previewPath({ slug, expires, version }, secret), 'http://x');
  return { slug, exp: url.searchParams.get('exp'), sig: url.searchParams.get('sig') };
}

const check = (request: PreviewRequest, secret: string | undefined = SECRET) =>
  checkPreview(request, { find, secret });
const checkUnset = (request: PreviewRequest) => checkPreview(request, { find, secret: undefined });

beforeEach(() => {
  clock.at = START;
  find.mockClear();
});

describe('preview signatures', () => {
  it('is an HMAC-SHA256 in hex over slug, expiry and version, each of which changes it', () => {
    const claim = { slug: 'a-draft', expires: 1_800_000_000, version: 1 };
    const signature = previewSignature(claim, SECRET);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(previewSignature({ ...claim }, SECRET)).toBe(signature);
    for (const other of [
      previewSignature({ ...claim, slug: 'a-drafts' }, SECRET),
      previewSignature({ ...claim, expires: claim.expires + 1 }, SECRET),
      previewSignature({ ...claim, version: 2 }, SECRET),
      previewSignature(claim, `${SECRET}x`),
    ]) {
      expect(other).not.toBe(signature);
    }
  });

  it('makes an absolute link that expires the given hours after the one clock says now', () => {
    const { url, expires } = previewLink({ slug: 'a-draft', previewVersion: 1 }, 48, SECRET);
    expect(expires.getTime()).toBe(START.getTime() + 48 * 3600_000);
    expect(url).toMatch(
      new RegExp(
        `^${absoluteUrl('/preview/a-draft')}\\?exp=${expires.getTime() / 1000}&sig=[0-9a-f]{64}$`,
      ),
    );
  });
});

describe('checking a preview link', () => {
  it('shows a draft or a scheduled story to a valid link, with its expiry', () => {
    for (const slug of ['a-draft', 'a-scheduled']) {
      const answer = check(link(slug));
      expect(answer.kind).toBe('preview');
      if (answer.kind === 'preview') {
        expect(answer.article.slug).toBe(slug);
        expect(answer.expires.getTime()).toBe(START.getTime() + 48 * 3600_000);
      }
    }
  });

  it('refuses a link once the one clock passes its expiry', () => {
    const valid = link('a-draft', { hours: 1 });
    clock.at = new Date(START.getTime() + 3600_000 - 1000);
    expect(check(valid).kind).toBe('preview');
    clock.at = new Date(START.getTime() + 3600_000);
    expect(check(valid).kind).toBe('not-found');
  });

  it('refuses tampered, re-pointed, wrongly keyed and revoked links alike', () => {
    const valid = link('a-draft');
    const flipped = `${valid.sig?.[0] === 'a' ? 'b' : 'a'}${valid.sig?.slice(1)}`;
    const bad = [
      { ...valid, sig: flipped },
      { ...valid, exp: String(Number(valid.exp) + 3600) },
      { ...valid, slug: 'a-revoked' },
      link('a-draft', { secret: `${SECRET}-other` }),
      link('a-revoked', { version: 2 }),
      link('no-such-story'),
    ];
    for (const request of bad)
      expect(check(request), JSON.stringify(request)).toEqual({ kind: 'not-found' });
    expect(check(link('a-revoked', { version: 3 })).kind).toBe('preview');
  });

  it('checks the shape before any lookup, and signs the same for a known and an unknown slug', () => {
    const valid = link('a-draft');
    for (const request of [
      { ...valid, sig: null },
      { ...valid, sig: `${valid.sig}0` },
      { ...valid, sig: valid.sig?.toUpperCase() },
      { ...valid, exp: '-5' },
      { ...valid, exp: '1e10' },
      { ...valid, slug: '../a-draft' },
    ]) {
      expect(check(request)).toEqual({ kind: 'not-found' });
    }
    expect(find).not.toHaveBeenCalled();
    const tampered = { ...valid, sig: '0'.repeat(64) };
    hmacs.count = 0;
    check(tampered);
    const forDraft = hmacs.count;
    hmacs.count = 0;
    check({ ...tampered, slug: 'no-such-story' });
    expect(forDraft).toBe(1);
    expect(hmacs.count).toBe(forDraft);
  });

  it('sends a published story to its public address, and is off without a secret', () => {
    expect(check({ ...link('a-published'), sig: '0'.repeat(64) })).toEqual({
      kind: 'published',
      url: '/articles/a-published',
    });
    expect(checkUnset(link('a-draft'))).toEqual({ kind: 'not-found' });
  });
});

describe('rate limit', () => {
  it('allows the limit per address in a window, then refuses until the window ends', () => {
    const limit = new RateLimit(30, 60_000);
    for (let i = 0; i < 30; i++) expect(limit.take('198.51.100.1', 1000 + i).allowed).toBe(true);
    expect(limit.take('198.51.100.1', 2000)).toEqual({ allowed: false, retryAfter: 59 });
    expect(limit.take('198.51.100.2', 2000).allowed).toBe(true);
    expect(limit.take('198.51.100.1', 61_000).allowed).toBe(true);
  });

  it('keeps only the most recently seen addresses', () => {
    const limit = new RateLimit(1, 60_000, 2);
    limit.take('a', 0);
    limit.take('b', 0);
    limit.take('c', 0);
    expect(limit.take('a', 1).allowed).toBe(true);
    expect(limit.take('c', 1).allowed).toBe(false);
  });

  it('keys on the address the nearest proxy appended', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '10.0.0.1, 203.0.113.9' }))).toBe(
      '203.0.113.9',
    );
    expect(clientAddress(new Headers())).toBe('unknown');
  });
});

describe('revoking', () => {
  const parse = (text: string) => articleFrontmatterSchema.parse(parseFrontmatterFile(text).data);

  it('adds previewVersion: 2, then raises it, leaving every other line as it was', () => {
    const original = article({ draft: 'true' }, 'Body.\n');
    const once = bumpPreviewVersion(original);
    expect(once.version).toBe(2);
    expect(parse(once.text).previewVersion).toBe(2);
    expect(once.text.replace('previewVersion: 2\n', '')).toBe(original);
    const twice = bumpPreviewVersion(once.text);
    expect(twice.version).toBe(3);
    expect(twice.text).toBe(once.text.replace('previewVersion: 2', 'previewVersion: 3'));
  });

  it('keeps a byte-order mark and CRLF line ends', () => {
    const original = `\uFEFF${article({}).replaceAll('\n', '\r\n')}`;
    const { text } = bumpPreviewVersion(original);
    expect(text.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(text).toContain('\r\npreviewVersion: 2\r\n---\r\n');
  });

  it('refuses a file without frontmatter', () => {
    expect(() => bumpPreviewVersion('No frontmatter.\n')).toThrow(/no frontmatter/);
  });

  it('accepts only whole numbers of 1 or more in the frontmatter', () => {
    expect(parse(article({})).previewVersion).toBe(1);
    for (const value of ['0', '1.5', '"2"']) {
      expect(() => parse(article({ previewVersion: value }))).toThrow(/whole number, 1 or more/);
    }
  });
});

describe('PREVIEW_SECRET', () => {
  it('must be 32 characters or more, and an error never shows it', () => {
    expect(parseSettings({ PREVIEW_SECRET: SECRET }).PREVIEW_SECRET).toBe(SECRET);
    expect(parseSettings({ PREVIEW_SECRET: '' }).PREVIEW_SECRET).toBeUndefined();
    expect(() => parseSettings({ PREVIEW_SECRET: 'short-secret' })).toThrow(
      /PREVIEW_SECRET=\(12 characters, not shown\) is not valid: expected at least 32 characters/,
    );
    expect(() => parseSettings({ PREVIEW_SECRET: 'short-secret' })).not.toThrow(/short-secret/);
  });
});
