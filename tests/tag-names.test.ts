import { describe, expect, it } from 'vitest';
import { judgeBody } from '@/lib/content/body';
import { formatIssue } from '@/lib/content/issues';
import { loadContent } from '@/lib/content/load';
import { nameIn } from '@/lib/content/schema';
import { article, type FixtureFiles, makeContent } from './helpers/content-fixture';

const NOW = new Date('2026-06-01T00:00:00Z');

function load(files: FixtureFiles) {
  return loadContent({ ...makeContent(files), now: NOW, judge: judgeBody });
}

const STORIES: FixtureFiles = {
  'articles/story.mdx': article({ tags: '[North Korea, press]' }),
  'ko/articles/story.mdx': article({ translationOf: 'story', tags: '[north-korea, press]' }),
};

describe('tag names per language (content/tags.yaml)', () => {
  it("names a declared tag in each language, falling back to the default's, and others as written", () => {
    const { articles, issues } = load({
      ...STORIES,
      'tags.yaml': '- slug: north-korea\n  name: { en: North Korea, ko: 북한 }\n',
    });
    expect(issues).toEqual([]);
    const [korean, english] = ['ko', 'en'].map((locale) =>
      articles.find((story) => story.locale === locale),
    );
    expect(korean?.tags.map((tag) => [tag.slug, tag.url, nameIn(tag, 'ko')])).toEqual([
      ['north-korea', '/ko/tags/north-korea', '북한'],
      ['press', '/ko/tags/press', 'press'],
    ]);
    expect(english?.tags.map((tag) => [nameIn(tag, 'en'), nameIn(tag, 'ar')])).toEqual([
      ['North Korea', 'North Korea'],
      ['press', 'press'],
    ]);
  });

  it('is optional: without it every tag is named as the stories write it', () => {
    const { articles, issues } = load(STORIES);
    expect(issues).toEqual([]);
    const korean = articles.find((story) => story.locale === 'ko');
    expect(korean?.tags.map((tag) => nameIn(tag, 'ko'))).toEqual(['north-korea', 'press']);
  });

  it('refuses an undeclared language, a missing default name, a bad or repeated slug, at file:line:col', () => {
    const { issues } = load({
      ...STORIES,
      'tags.yaml': [
        '- slug: north-korea',
        '  name: { en: North Korea, fr: Corée du Nord }',
        '- slug: press',
        '  name: { ko: 언론 }',
        '- slug: Press Freedom',
        '  name: Press freedom',
        '- slug: north-korea',
        '  name: North Korea',
        '- slug: russia',
        '  label: Russia',
        '',
      ].join('\n'),
    });
    expect(issues.map(formatIssue)).toEqual([
      'content/tags.yaml:2:32  error  "[0].name.fr" is not a language the site publishes in (en, ko, ar; declared in lib/site.ts)',
      'content/tags.yaml:4:9  error  "[1].name" has no "en" entry: the default language\'s name is required, like { en: …, ko: … }',
      'content/tags.yaml:5:9  error  "[2].slug" must be a tag slug: lowercase letters, digits and hyphens',
      'content/tags.yaml:9:3  error  "[4].name" is missing: it is required',
      'content/tags.yaml:10:10  error  unknown field "label" in [4]; allowed fields are slug, name',
    ]);
  });

  it('refuses a tag declared twice', () => {
    const { issues } = load({
      ...STORIES,
      'tags.yaml': '- slug: press\n  name: Press\n- slug: press\n  name: The press\n',
    });
    expect(issues.map(formatIssue)).toEqual([
      'content/tags.yaml:3:9  error  tag "press" is declared twice',
    ]);
  });
});
