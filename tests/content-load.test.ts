import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { formatIssue } from '@/lib/content/issues';
import { judgeBody } from '@/lib/content/body';
import { loadContent } from '@/lib/content/load';
import { slugify } from '@/lib/content/slug';
import { article, type FixtureFiles, makeContent } from './helpers/content-fixture';

const NOW = new Date('2026-06-01T00:00:00Z');

function load(files: FixtureFiles) {
  return loadContent({ ...makeContent(files), now: NOW, judge: judgeBody });
}

function messages(files: FixtureFiles): string[] {
  return load(files).issues.map(formatIssue);
}

describe('valid content', () => {
  it('derives slug, url, authors, section, tags and reading time, newest first', () => {
    const words = Array.from({ length: 460 }, (_, i) => `word${i}`).join(' ');
    const { articles, issues } = load({
      'articles/older.mdx': article({
        date: '2026-01-01T09:00:00-05:00',
        tags: '[North Korea, russia]',
      }),
      'articles/newer.mdx': article({ date: '2026-03-01T09:00:00+09:00' }, words),
    });
    expect(issues).toEqual([]);
    expect(articles.map((a) => a.slug)).toEqual(['newer', 'older']);
    const older = articles[1]!;
    expect(older.url).toBe('/articles/older');
    expect(older.authors.map((a) => a.name)).toEqual(['Ada Writer']);
    expect(older.section).toMatchObject({ slug: 'world', name: 'World', url: '/sections/world' });
    expect(older.tags).toEqual([
      { name: 'North Korea', slug: 'north-korea', url: '/tags/north-korea' },
      { name: 'russia', slug: 'russia', url: '/tags/russia' },
    ]);
    expect(older.published.toISOString()).toBe('2026-01-01T14:00:00.000Z');
    expect(articles[0]!.readingTime).toMatchObject({ words: 460, minutes: 2, text: '2 min read' });
    expect(older.status).toBe('published');
  });

  it('gives every tag an ASCII URL slug, spelling non-Latin letters in punycode', () => {
    expect(slugify('North Korea')).toBe('north-korea');
    expect(slugify('Café Société')).toBe('cafe-societe');
    expect(slugify('북한')).toBe('xn-pr3b894b');
    expect(slugify('K-pop 아이돌')).toBe('k-pop-xn-pq1b744a9rb');
    expect(slugify('snake_case')).toBe('snake-case');
    expect(slugify('북한')).not.toBe(slugify('日本'));
  });

  it('marks drafts and future-dated articles', () => {
    const { articles } = load({
      'articles/draft.mdx': article({ draft: 'true' }),
      'articles/embargoed.mdx': article({ date: '2026-07-01T00:00:00+00:00' }),
    });
    expect(Object.fromEntries(articles.map((a) => [a.slug, a.status]))).toEqual({
      draft: 'draft',
      embargoed: 'scheduled',
    });
  });

  it('reads a body from its file when asked, and warns when the file changed since loading', () => {
    const files = makeContent({ 'articles/story.mdx': article({}, 'First text.') });
    const { articles } = loadContent({ ...files, now: NOW, judge: judgeBody });
    const story = articles[0]!;
    expect(story.body.trim()).toBe('First text.');
    const file = path.join(files.contentDir, 'articles', 'story.mdx');
    fs.writeFileSync(file, article({}, 'Second text.'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(story.body.trim()).toBe('Second text.');
      expect(warn).toHaveBeenCalledWith(
        'content/articles/story.mdx changed since the content was loaded; reload or rebuild',
      );
    } finally {
      warn.mockRestore();
    }
  });

  it('accepts a byte-order mark and CRLF line endings', () => {
    const text = '\uFEFF' + article({ title: '"CRLF title"' }).replace(/\n/g, '\r\n');
    const { articles, issues } = load({ 'articles/windows.mdx': text });
    expect(issues).toEqual([]);
    expect(articles[0]?.title).toBe('CRLF title');
    expect(articles[0]?.body).not.toContain('\r');
  });
});

describe('invalid content: each problem names file, line and field', () => {
  const cases: [string, string, RegExp][] = [
    [
      'missing title',
      article({ title: '' }),
      /bad\.mdx:2:1 {2}error {2}"title" is missing: it is required/,
    ],
    [
      'title is a number',
      article({ title: '42' }),
      /bad\.mdx:2:8 {2}error {2}"title" must be text \(the headline\), but it is the number 42/,
    ],
    [
      'authors is a string',
      article({ authors: 'ada-writer' }),
      /bad\.mdx:5:10 {2}error {2}"authors" must be a list of author slugs, like \[bryan-ke\], but it is the text "ada-writer"/,
    ],
    ['authors is empty', article({ authors: '[]' }), /"authors" must name at least one author/],
    [
      'unknown author',
      article({ authors: '[ada-writer, bob]' }),
      /bad\.mdx:5:23 {2}error {2}"authors" names "bob", but there is no author file content\/authors\/bob\.mdx \(known authors: ada-writer\)/,
    ],
    [
      'unknown section',
      article({ section: 'sport' }),
      /bad\.mdx:6:10 {2}error {2}"section" is "sport", which is not declared in content\/sections\.yaml \(sections: world, guides\)/,
    ],
    [
      'misspelt field',
      article({ autors: '[x]' }),
      /bad\.mdx:7:1 {2}error {2}unknown field "autors": did you mean "authors"\?/,
    ],
    [
      'unknown field',
      article({ colour: 'red' }),
      /unknown field "colour"; allowed fields are title, summary/,
    ],
    [
      'date without offset',
      article({ date: '2026-01-02' }),
      /bad\.mdx:4:7 {2}error {2}"date" must be a date and time with a time-zone offset, like 2022-08-08T09:30:00-07:00/,
    ],
    [
      'impossible date',
      article({ date: '2026-02-30T10:00:00+00:00' }),
      /"date" is not a real date or time/,
    ],
    [
      'updated before date',
      article({ updated: '2025-01-01T00:00:00+00:00' }),
      /"updated" is before the publication date/,
    ],
    [
      'image without alt',
      article({ image: '/images/x.jpg' }),
      /"imageAlt" is missing: an article with an image needs imageAlt/,
    ],
    [
      'missing image file',
      article({ image: '/images/none.jpg', imageAlt: 'x' }),
      /"image" points to \/images\/none\.jpg, but there is no file public\/images\/none\.jpg/,
    ],
    [
      'caption without image',
      article({ imageCaption: 'x' }),
      /"imageCaption" is set but there is no image/,
    ],
    [
      'image path escaping public',
      article({ image: '/images/../../etc/passwd', imageAlt: 'x' }),
      /"image" must not contain "\.\."/,
    ],
    [
      'draft is not a boolean',
      article({ draft: 'maybe' }),
      /"draft" must be true or false, but it is the text "maybe"/,
    ],
    ['tag without letters', article({ tags: '["!!!"]' }), /tag "!!!" has no letters or digits/],
    [
      'invalid YAML',
      '---\ntitle: "unclosed\n---\nbody',
      /bad\.mdx:2:\d+ {2}error {2}the frontmatter is not valid YAML/,
    ],
    [
      'duplicate key',
      article({ title: '"one"' }).replace('summary:', 'title: "two"\nsummary:'),
      /the frontmatter is not valid YAML: Map keys must be unique/,
    ],
    [
      'no frontmatter',
      'Just text',
      /bad\.mdx:1:1 {2}error {2}the file must start with a line containing only ---/,
    ],
    ['unclosed frontmatter', '---\ntitle: x\n', /the frontmatter is never closed/],
    ['empty file', '', /bad\.mdx:1:1 {2}error {2}the file is empty/],
    [
      'frontmatter that is not a map',
      '---\n- a\n- b\n---\n',
      /the frontmatter must be a list of fields/,
    ],
    [
      'canonical that is not a URL',
      article({ canonical: 'example.com/x' }),
      /"canonical" must be an absolute URL/,
    ],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    const found = messages({ 'articles/bad.mdx': text });
    expect(found.join('\n')).toMatch(expected);
    expect(found.every((line) => line.startsWith('content/articles/bad.mdx:'))).toBe(true);
  });

  it('rejects file names that are not slugs, and other files', () => {
    const found = messages({
      'articles/My Story.mdx': article({}),
      'articles/notes.txt': 'x',
      'articles/a--b.mdx': article({}),
    });
    expect([...found].sort()).toEqual(
      [
        'content/articles/My Story.mdx:1:1  error  the file name is the URL slug and must use only lowercase letters, digits and single hyphens (like my-story.mdx)',
        'content/articles/a--b.mdx:1:1  error  the file name is the URL slug and must use only lowercase letters, digits and single hyphens (like a-b.mdx)',
        'content/articles/notes.txt:1:1  error  is not an article file: everything in articles/ must be a .mdx file',
      ].sort(),
    );
  });

  it('rejects a file that is not UTF-8', () => {
    const bytes = Buffer.concat([
      Buffer.from(article({}).slice(0, 20)),
      Buffer.from([0xff, 0xfe, 0x41]),
    ]);
    expect(messages({ 'articles/latin1.mdx': bytes })).toEqual([
      'content/articles/latin1.mdx:1:1  error  the file is not valid UTF-8 text (first bad byte at offset 20); save the file as UTF-8',
    ]);
  });

  it('refuses an old slug that is also a live slug', () => {
    expect(
      messages({
        'articles/one.mdx': article({ redirectFrom: '[two]' }),
        'articles/two.mdx': article({}),
      }).join('\n'),
    ).toMatch(/"redirectFrom" lists "two", which is the slug of a live article/);
  });

  it('reports every problem in every file in one run', () => {
    const found = messages({
      'articles/first.mdx': article({ title: '', section: 'nope' }),
      'articles/second.mdx': article({ authors: '[ghost]' }),
      'authors/bad-author.mdx': '---\nname: 7\nbio: x\n---\n',
      'sections.yaml':
        '- slug: world\n  name: World\n  description: News.\n- slug: World\n  name: x\n',
    });
    expect(found.filter((line) => line.includes('first.mdx')).length).toBeGreaterThanOrEqual(1);
    expect(found.some((line) => line.includes('second.mdx') && line.includes('"ghost"'))).toBe(
      true,
    );
    expect(found).toContain(
      'content/authors/bad-author.mdx:2:7  error  "name" must be text (the author\'s full name), but it is the number 7',
    );
    expect(found).toContain(
      'content/authors/bad-author.mdx:3:1  error  unknown field "bio"; allowed fields are name, role, avatar, links',
    );
    expect(
      found.some((line) =>
        line.startsWith('content/sections.yaml:4:9  error  "[1].slug" must be a section slug'),
      ),
    ).toBe(true);
    expect(found.some((line) => line.includes('"[1].description" is missing'))).toBe(true);
  });

  it('warns about long headlines and summaries without failing', () => {
    const { issues, articles } = load({
      'articles/long.mdx': article({
        title: JSON.stringify('x'.repeat(111)),
        summary: JSON.stringify('y'.repeat(201)),
      }),
    });
    expect(articles).toHaveLength(1);
    expect(issues.map((issue) => issue.severity)).toEqual(['warning', 'warning']);
    expect(issues.map(formatIssue).join('\n')).toMatch(/"title" is 111 characters/);
  });

  it('refuses a hostile body itself, so no build mode can publish it', () => {
    const files = {
      'articles/hostile.mdx': article({}, 'Fine.\n\n<meta httpEquiv="refresh" content="0" />\n'),
    };
    expect(messages(files)).toEqual([
      expect.stringMatching(/^content\/articles\/hostile\.mdx:11:1 +error +<meta> is not allowed/),
    ]);
    const lowered = loadContent({
      ...makeContent(files),
      now: NOW,
      judge: judgeBody,
      refusedBodies: 'warning',
    });
    expect(lowered.issues.map((issue) => issue.severity)).toEqual(['warning']);
  });

  it('refuses an https image from a host the site config does not list', () => {
    expect(
      messages({
        'articles/remote.mdx': article({ image: 'https://evil.example/a.jpg', imageAlt: 'x' }),
      }),
    ).toEqual([
      expect.stringMatching(/"image" is on evil\.example, which is not in remoteImageHosts/),
    ]);
  });
});

describe('the content index', () => {
  it('stops on a refused body in production', async () => {
    const { vi } = await import('vitest');
    const { contentDir } = makeContent({
      'articles/hostile.mdx': article({}, '<script>alert(1)</script>\n'),
    });
    vi.stubEnv('CONTENT_DIR', contentDir);
    vi.stubEnv('CONTENT_CHECK_CACHE', 'off');
    vi.stubEnv('UNSAFE_RENDER_REFUSED_BODIES', '');
    vi.resetModules();
    const content = await import('@/lib/content');
    expect(() => content.getArticles()).toThrow(
      /hostile\.mdx:\d+:1 +error +<script> is not allowed/,
    );
    vi.unstubAllEnvs();
  });
});
