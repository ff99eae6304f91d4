import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import remarkGfmLibrary from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { remarkGfm } from '@/lib/content/markdown/gfm';
import { markdown, remarkPlugins } from '@/lib/content/pipeline';
import { splitFrontmatter } from '@/lib/content/source';
import { generateCorpus } from '@/scripts/bench/generate-corpus';

// The pipeline's own plugins, with remark-gfm as published in place of ours.
const withLibrary = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkPlugins.map((plugin) => (plugin === remarkGfm ? remarkGfmLibrary : plugin)))
  .freeze();

const expectSameTree = (document: string) =>
  expect(markdown.parse(document), document).toEqual(withLibrary.parse(document));

const cases = [
  'Write to desk@example.org today, or to Desk@Example.ORG.',
  'Visit www.example.com/path_(x) or WWW.EXAMPLE.ORG, not www.a or wwwexample.com.',
  'See https://example.com/a_b_c and HTTP://EXAMPLE.NET/*x* and https://example.com/*not em*.',
  'Broken: http:/example.com, https:example.com, ftp://example.com and http//example.com.',
  'mailto:news@example.org, xmpp:desk@example.org/room and a@b, user@localhost, foo@bar.baz.',
  'No links at all: words_with_underscores, snake_case_names, a+b-c.d and 3.14_15.',
  '`www.example.com` and `desk@example.org` in code, [www.example.com](https://example.com) in a link.',
  '*www.example.com* and _https://example.com_ and **desk@example.org**.',
  '~~struck www.example.com~~\n\n| a | b |\n| - | - |\n| https://example.com | x@example.org |',
  '- [ ] a task at www.example.com\n- [x] done[^1]\n\n[^1]: A note, https://example.com/n.',
  '<Callout>www.example.com and desk@example.org inside a component</Callout>',
  '# desk@example.org\n\n> [!NOTE]\n> https://example.com in an alert',
  '<https://example.org/a> beside https://example.org/b and <desk@example.org>',
  'www.example.com alone, then _under_score_ and http in prose without a colon.',
  // Each alone in its document, where micromark's construct (not the tree transform) decides.
  'WWW.EXAMPLE.COM/a*b*c',
  'www.ex`am`ple.com',
  'HTTPS://example.com/a*b*c',
  'https://1.2.3.4/a~~b~~c',
  'https://example.com/[a](b)',
  'desk@example.com*a*',
  'x~~desk@example.org~~',
];

describe('remarkGfm (lib/content/markdown/gfm.ts)', () => {
  it('parses every case exactly as remark-gfm does, positions included', () => {
    for (const document of cases) expectSameTree(document);
    expectSameTree(cases.join('\n\n'));
  });

  it('turns each kind of literal autolink into a link when its document holds only that kind', () => {
    const links = (document: string) =>
      JSON.stringify(markdown.parse(document)).match(/"type":"link"/g)?.length ?? 0;
    expect(links('Write to desk@example.org.')).toBe(1);
    expect(links('Visit www.example.com.')).toBe(1);
    expect(links('See https://example.com.')).toBe(1);
    expect(links('Nothing to link here.')).toBe(0);
  });

  it('parses every body of the sample content as remark-gfm does', () => {
    const root = path.resolve(import.meta.dirname, '..', 'content');
    const files = fs
      .readdirSync(root, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.mdx'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const split = splitFrontmatter(fs.readFileSync(path.join(root, file), 'utf8'));
      if (typeof split !== 'string') expectSameTree(split.body);
    }
  });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-gfm-test-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('parses generated bench stories as remark-gfm does', () => {
    generateCorpus({ articles: 30, dir });
    const articles = path.join(dir, 'articles');
    for (const file of fs.readdirSync(articles)) {
      const split = splitFrontmatter(fs.readFileSync(path.join(articles, file), 'utf8'));
      if (typeof split !== 'string') expectSameTree(split.body);
    }
  });

  it('refuses to be used before remark-parse', () => {
    expect(() => unified().use(remarkGfm).freeze()).toThrow(/after remark-parse/);
  });
});
