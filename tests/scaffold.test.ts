import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { now as clockNow } from '@/lib/clock';
import { checkContent } from '@/lib/content/check';
import { localDateTime, scaffoldArticle } from '@/lib/content/scaffold';
import { slugify } from '@/lib/content/slug';
import { severalDates } from './helpers/dates';

const root = path.resolve(import.meta.dirname, '..');
let dir: string | undefined;

afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run new', () => {
  it('makes slugs from headlines', () => {
    expect(slugify('Élan: the Meridian’s new façade!')).toBe('elan-the-meridians-new-facade');
    expect(slugify('  Two   spaces -- and dashes ')).toBe('two-spaces-and-dashes');
  });

  it('writes a draft with every field that passes the check, and refuses to overwrite', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-new-'));
    fs.cpSync(path.join(root, 'content'), dir, { recursive: true });
    const now = clockNow();
    const options = {
      contentDir: dir,
      headline: 'A new story',
      now,
      author: 'mina-seo',
      section: 'guides',
    };
    const created = scaffoldArticle(options);
    expect(created).toMatchObject({ ok: true, slug: 'a-new-story' });
    const text = fs.readFileSync(path.join(dir, 'articles/a-new-story.mdx'), 'utf8');
    for (const field of [
      'title',
      'summary',
      'date',
      'updated',
      'authors',
      'section',
      'tags',
      'image',
      'imageAlt',
      'imageCaption',
      'imageCredit',
      'draft',
      'corrections',
      'canonical',
      'redirectFrom',
    ]) {
      expect(text).toMatch(new RegExp(`^(# )?${field}:`, 'm'));
    }
    expect(text).toContain(`date: ${localDateTime(now)}`);
    expect(text).toContain('draft: true');
    const result = await checkContent({
      contentDir: dir,
      publicDir: path.join(root, 'public'),
      now,
    });
    expect(result.issues.filter((issue) => issue.file.endsWith('a-new-story.mdx'))).toEqual([]);

    fs.writeFileSync(path.join(dir, 'articles/a-new-story.mdx'), 'edited');
    const again = scaffoldArticle(options);
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining('already exists') });
    expect(fs.readFileSync(path.join(dir, 'articles/a-new-story.mdx'), 'utf8')).toBe('edited');
  }, 180_000);

  it.each(severalDates())(
    '--live writes a live story, running %s, with an introduction and a first update that pass the check',
    async (_, now) => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-new-'));
      fs.cpSync(path.join(root, 'content'), dir, { recursive: true });
      const created = scaffoldArticle({
        contentDir: dir,
        headline: 'A live story',
        now,
        author: 'mina-seo',
        section: 'guides',
        live: true,
      });
      expect(created).toMatchObject({ ok: true, slug: 'a-live-story' });
      const text = fs.readFileSync(path.join(dir, 'articles/a-live-story.mdx'), 'utf8');
      expect(text).toContain(`live:\n  start: ${localDateTime(now)}\n  # end: `);
      expect(text).toContain(`<Update time="${localDateTime(now)}" title="`);
      const result = await checkContent({
        contentDir: dir,
        publicDir: path.join(root, 'public'),
        now,
      });
      expect(result.issues.filter((issue) => issue.file.endsWith('a-live-story.mdx'))).toEqual([]);
      const { loadContent } = await import('@/lib/content/load');
      const { judgeBody } = await import('@/lib/content/body');
      const story = loadContent({
        judge: judgeBody,
        contentDir: dir,
        publicDir: path.join(root, 'public'),
        now,
      }).articles.find((article) => article.slug === 'a-live-story');
      expect(story?.live?.updates).toHaveLength(1);
      expect(story?.live?.keyEvents).toHaveLength(1);
      expect(story?.live?.intro.body).toMatch(/^The introduction/);
      expect(story?.live).toMatchObject({ ended: false, idle: false });
    },
    180_000,
  );

  it('formats the local time with its offset', () => {
    expect(localDateTime(clockNow())).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/);
  });
});

describe('npm run new -- --translate', () => {
  it('copies the original into the language folder as a dated draft naming its original', async () => {
    const { scaffoldTranslation } = await import('@/lib/content/scaffold');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-translate-'));
    fs.cpSync(path.join(root, 'content'), dir, { recursive: true });
    fs.rmSync(path.join(dir, 'ko'), { recursive: true, force: true });
    const now = clockNow();
    const options = { contentDir: dir, slug: 'welcome-to-the-meridian', locale: 'ko', now };
    expect(scaffoldTranslation(options)).toMatchObject({ ok: true });
    const text = fs.readFileSync(path.join(dir, 'ko/articles/welcome-to-the-meridian.mdx'), 'utf8');
    const original = fs.readFileSync(
      path.join(dir, 'articles/welcome-to-the-meridian.mdx'),
      'utf8',
    );
    expect(text).toMatch(/^translationOf: welcome-to-the-meridian$/m);
    expect(text).toMatch(/^draft: true$/m);
    expect(text).toContain(`date: ${localDateTime(now)}`);
    expect(text.split('\n---\n')[1]).toBe(original.split('\n---\n')[1]);
    const result = await checkContent({
      contentDir: dir,
      publicDir: path.join(root, 'public'),
      now,
      only: [path.join(dir, 'ko/articles/welcome-to-the-meridian.mdx')],
    });
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(scaffoldTranslation(options)).toMatchObject({ ok: false, message: /already exists/ });
    expect(scaffoldTranslation({ ...options, locale: 'fr' })).toMatchObject({
      ok: false,
      message: /"fr" is not a language to translate into; use one of ko, ar/,
    });
    expect(scaffoldTranslation({ ...options, slug: 'nope' })).toMatchObject({
      ok: false,
      message: 'there is no content/articles/nope.mdx to translate',
    });
  });
});
