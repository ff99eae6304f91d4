import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFrontmatterSchema, authorFrontmatterSchema, nameIn } from '@/lib/content/schema';
import {
  type TranslationEntry,
  translationIssues,
  unknownLocaleFolders,
} from '@/lib/content/translations';
import { temporaryDir } from './helpers/temporary-dir';

const at = (line: number) => () => ({ line, column: 3 });

function entry(
  fields: Partial<TranslationEntry> & Pick<TranslationEntry, 'slug'>,
): TranslationEntry {
  return {
    file: `content/${fields.locale && fields.locale !== 'en' ? `${fields.locale}/` : ''}articles/${fields.slug}.mdx`,
    locale: 'en',
    date: '2026-01-02T10:00:00+00:00',
    locate: at(4),
    ...fields,
  };
}

const original = entry({ slug: 'story' });

describe('translation rules of the content check', () => {
  it('accepts one translation per language of an existing original, dated after it', () => {
    expect(
      translationIssues([
        original,
        entry({ slug: 'story', locale: 'ko', translationOf: 'story' }),
        entry({ slug: 'qissa', locale: 'ar', translationOf: 'story' }),
      ]),
    ).toEqual([]);
  });

  it('refuses a missing original, a chained translation and a missing translationOf, at the field', () => {
    const issues = translationIssues([
      original,
      entry({ slug: 'other', locale: 'ko', translationOf: 'nowhere', locate: at(7) }),
      entry({ slug: 'ko-story', locale: 'ko', translationOf: 'story' }),
      entry({ slug: 'chain', locale: 'ar', translationOf: 'ko-story', locate: at(8) }),
      entry({ slug: 'lost', locale: 'ar', locate: at(9) }),
    ]);
    expect(issues).toEqual([
      {
        file: 'content/ko/articles/other.mdx',
        line: 7,
        column: 3,
        severity: 'error',
        message:
          '"translationOf" is "nowhere", but there is no content/articles/nowhere.mdx to translate',
      },
      expect.objectContaining({
        file: 'content/ar/articles/chain.mdx',
        line: 8,
        severity: 'error',
        message: expect.stringMatching(
          /"ko-story", which is a translation \(content\/ko\/articles\/ko-story\.mdx\); name the original it translates, "story"/,
        ),
      }),
      expect.objectContaining({
        file: 'content/ar/articles/lost.mdx',
        line: 9,
        severity: 'error',
        message: expect.stringMatching(/^"translationOf" is missing/),
      }),
    ]);
  });

  it('refuses two translations of one story in one language, and translationOf on an original', () => {
    const issues = translationIssues([
      entry({ slug: 'story', translationOf: 'story' }),
      entry({ slug: 'one', locale: 'ko', translationOf: 'story' }),
      entry({ slug: 'two', locale: 'ko', translationOf: 'story', locate: at(6) }),
    ]);
    expect(issues.map((issue) => [issue.file, issue.line, issue.severity, issue.message])).toEqual([
      [
        'content/articles/story.mdx',
        4,
        'error',
        expect.stringMatching(/is set on a en article; only a translation/),
      ],
      [
        'content/ko/articles/two.mdx',
        6,
        'error',
        '"story" already has a ko translation, content/ko/articles/one.mdx; a story has one translation per language',
      ],
    ]);
  });

  it('refuses a translation dated before its original; warns when the original changed after it', () => {
    const issues = translationIssues([
      entry({ slug: 'story', updated: '2026-03-01T08:00:00+00:00' }),
      entry({
        slug: 'story',
        locale: 'ko',
        translationOf: 'story',
        date: '2026-01-01T10:00:00+00:00',
      }),
      entry({
        slug: 'story',
        locale: 'ar',
        translationOf: 'story',
        date: '2026-01-03T10:00:00+00:00',
        updated: '2026-02-01T10:00:00+00:00',
      }),
    ]);
    expect(issues.map((issue) => [issue.file, issue.severity, issue.message])).toEqual([
      [
        'content/ko/articles/story.mdx',
        'error',
        expect.stringMatching(/^"date" 2026-01-01T10:00:00\+00:00 is before the original's/),
      ],
      [
        'content/ko/articles/story.mdx',
        'warning',
        'the original changed on 2026-03-01T08:00:00+00:00, after this translation (2026-01-01T10:00:00+00:00); bring it up to date and set "updated"',
      ],
      [
        'content/ar/articles/story.mdx',
        'warning',
        expect.stringMatching(
          /^the original changed on 2026-03-01T08:00:00\+00:00, after this translation \(2026-02-01/,
        ),
      ],
    ]);
  });

  it('refuses a folder of articles in an undeclared language', () => {
    const dir = path.join(temporaryDir(), 'content');
    for (const folder of ['articles', 'authors', 'ko/articles', 'fr/articles', 'images']) {
      fs.mkdirSync(path.join(dir, folder), { recursive: true });
    }
    expect(unknownLocaleFolders(dir)).toEqual([
      {
        file: 'content/fr/articles',
        line: 1,
        column: 1,
        severity: 'error',
        message: expect.stringMatching(
          /^"fr" is not a language the site publishes in \(en, ko, ar\)/,
        ),
      },
    ]);
  });
});

describe('translated names', () => {
  const author = (name: unknown) => authorFrontmatterSchema.safeParse({ name });

  it('takes one name or one per language, falling back to the default language', () => {
    const plain = author('Bryan Ke');
    const mapped = author({ en: 'Bryan Ke', ko: '브라이언 케' });
    expect(plain.success && nameIn(plain.data, 'ko')).toBe('Bryan Ke');
    expect(
      mapped.success && [mapped.data.name, nameIn(mapped.data, 'ko'), nameIn(mapped.data, 'ar')],
    ).toEqual(['Bryan Ke', '브라이언 케', 'Bryan Ke']);
  });

  it('refuses an unknown language and a map without the default one', () => {
    const messages = (name: unknown) =>
      author(name).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(messages({ en: 'A', fr: 'B' })).toEqual([
      expect.stringMatching(/^name\.fr: is not a language the site publishes in/),
    ]);
    expect(messages({ ko: '브라이언' })).toEqual([
      expect.stringMatching(/^name: has no "en" entry/),
    ]);
  });

  it('reads translationOf and the sample label on an article', () => {
    const parsed = articleFrontmatterSchema.safeParse({
      title: 'T',
      summary: 'S',
      date: '2026-01-02T10:00:00+00:00',
      authors: ['a'],
      section: 'world',
      translationOf: 'story',
      sampleTranslation: true,
    });
    expect(parsed.success && [parsed.data.translationOf, parsed.data.sampleTranslation]).toEqual([
      'story',
      true,
    ]);
  });
});

describe('the content check reads every language folder', () => {
  it('reports the translation rules as path:line:column', async () => {
    const { checkContent } = await import('@/lib/content/check');
    const { formatIssue } = await import('@/lib/content/issues');
    const { article, makeContent } = await import('./helpers/content-fixture');
    const dirs = makeContent({
      'articles/story.mdx': article({ updated: '2026-03-01T08:00:00+00:00' }),
      'ko/articles/story.mdx': article({ translationOf: 'story', title: '"기사"' }),
      'ko/articles/again.mdx': article({ translationOf: 'story' }),
      'ar/articles/early.mdx': article({
        translationOf: 'nowhere',
        date: '2025-01-01T10:00:00+00:00',
      }),
      'fr/articles/histoire.mdx': article({ translationOf: 'story' }),
    });
    const result = await checkContent({ ...dirs, now: new Date('2026-06-01T00:00:00Z') });
    expect(result.issues.map(formatIssue)).toEqual([
      'content/ar/articles/early.mdx:7:16  error  "translationOf" is "nowhere", but there is no content/articles/nowhere.mdx to translate',
      'content/fr/articles:1:1  error  "fr" is not a language the site publishes in (en, ko, ar); declare it in lib/site.ts or move these files',
      'content/ko/articles/again.mdx:4:7  warning  the original changed on 2026-03-01T08:00:00+00:00, after this translation (2026-01-02T10:00:00+00:00); bring it up to date and set "updated"',
      'content/ko/articles/story.mdx:7:16  error  "story" already has a ko translation, content/ko/articles/again.mdx; a story has one translation per language',
    ]);
  });
});
