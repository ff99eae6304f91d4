import fs from 'node:fs';
import path from 'node:path';
import { toHtml as hastToHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { bodyText, feedTree, judgeBody, processBody, toHtml } from '@/lib/content/body';
import { checkContent } from '@/lib/content/check';
import { formatIssue } from '@/lib/content/issues';
import { loadContent } from '@/lib/content/load';
import { splitFrontmatter } from '@/lib/content/source';
import { article, makeContent } from './helpers/content-fixture';

const root = path.resolve(import.meta.dirname, '..');
const pageHtml = (body: string) => hastToHtml(processBody(body).tree);
const feedHtml = (body: string) => toHtml(feedTree({ body, bodyLine: 1 }));
const text = (body: string) => bodyText({ body, bodyLine: 1 });
const messages = (body: string) => judgeBody(body).problems.map((problem) => problem.message);

describe('CommonMark autolinks', () => {
  it('become links in the page, the feed and the search text, in text and in lists', () => {
    const body =
      'See <https://example.org/a?b=1#c> or write to <desk@example.org> and <mailto:news@example.org>.\n\n' +
      '- <https://example.net/one>\n  - <https://example.net/nested>';
    expect(judgeBody(body)).toEqual({
      problems: [],
      links: [
        { url: 'https://example.org/a?b=1#c', kind: 'link', line: 1, column: 5 },
        { url: 'mailto:desk@example.org', kind: 'link', line: 1, column: 47 },
        { url: 'mailto:news@example.org', kind: 'link', line: 1, column: 70 },
        { url: 'https://example.net/one', kind: 'link', line: 3, column: 3 },
        { url: 'https://example.net/nested', kind: 'link', line: 4, column: 5 },
      ],
    });
    for (const html of [pageHtml(body), feedHtml(body)]) {
      expect(html).toContain(
        '<a href="https://example.org/a?b=1#c">https://example.org/a?b=1#c</a>',
      );
      expect(html).toContain('<a href="mailto:desk@example.org">desk@example.org</a>');
      expect(html).toContain('<a href="mailto:news@example.org">mailto:news@example.org</a>');
      expect(html).toContain('<li><a href="https://example.net/nested">');
    }
    expect(text(body)).toContain('See https://example.org/a?b=1#c or write to desk@example.org');
  });

  it('work inside components and at the start of a line that continues a paragraph', () => {
    expect(pageHtml('<Callout>Read <https://example.org/x></Callout>')).toBe(
      '<Callout>Read <a href="https://example.org/x">https://example.org/x</a></Callout>',
    );
    expect(pageHtml('First line\n<https://example.org/y> second line')).toBe(
      '<p>First line\n<a href="https://example.org/y">https://example.org/y</a> second line</p>',
    );
  });

  it('are never made inside code spans or fenced code', () => {
    const body =
      'Code `<https://example.org/c>` here.\n\n```\n<https://example.org/f>\n<!-- kept -->\n```';
    expect(messages(body)).toEqual([]);
    expect(pageHtml(body)).not.toContain('<a ');
    expect(pageHtml(body)).toContain('<code>&#x3C;https://example.org/c></code>');
    expect(text(body)).toContain('<https://example.org/f> <!-- kept -->');
  });

  it('with a refused scheme are refused by the sanitiser, by name, and dropped from every output', () => {
    const body = 'a <javascript:alert(1)> b <data:text/html,alert(2)> c <JaVaScRiPt:alert(3)>';
    expect(judgeBody(body).problems.map(({ column, message }) => `${column} ${message}`)).toEqual([
      '3 the link "javascript:alert(1)" uses a javascript: address, which is not allowed; links must be https://, http://, mailto:, tel: or a path on this site (/articles/…)',
      '27 the link "data:text/html,alert(2)" uses a data: address, which is not allowed; links must be https://, http://, mailto:, tel: or a path on this site (/articles/…)',
      '55 the link "JaVaScRiPt:alert(3)" uses a javascript: address, which is not allowed; links must be https://, http://, mailto:, tel: or a path on this site (/articles/…)',
    ]);
    expect(pageHtml(body)).toBe('<p>a  b  c </p>');
    expect(feedHtml(body)).toBe('<p>a  b  c </p>');
  });
});

describe('HTML comments', () => {
  it('are accepted and left out of the page, the feed and the search text', () => {
    const body =
      'Before<!-- inline note --> after.\n\n<!-- a block\nover lines <script>alert(1)</script> -->\n\n<!-- one --> <!-- two -->\n\nEnd.';
    expect(messages(body)).toEqual([]);
    for (const html of [pageHtml(body), feedHtml(body)]) {
      expect(html).toBe('<p>Before after.</p>\n<p>End.</p>');
    }
    expect(text(body)).toBe('Before after. End.');
  });

  it('in the MDX form {/* */} are accepted and left out too, unless they hold code', () => {
    const body = 'Before {/* inline note */} after.\n\n{/* a block\nnote */}\n\nEnd.';
    expect(messages(body)).toEqual([]);
    expect(pageHtml(body)).toBe('<p>Before  after.</p>\n<p>End.</p>');
    expect(messages('{/* note */ 1 + 1}')).toEqual([
      '{/* note */ 1 + 1} is a JavaScript expression, which articles cannot use (it would be left out of the page): to write a literal < or { in text, put a backslash before it: \\< \\{',
    ]);
  });

  it('that are never closed, or have text after them on their line, are refused', () => {
    expect(messages('Text <!-- open note')[0]).toMatch(
      /^this HTML comment "<!--" is never closed: end it with "-->" \(everything up to "-->" is left out of the page\) \[MDX: /,
    );
    expect(messages('Para.\n\n<!-- open note\n\nhidden text')).toEqual([
      'this HTML comment "<!--" is never closed: end it with "-->" (everything up to "-->" is left out of the page)',
    ]);
    expect(messages('<!-- note --> and text')).toEqual([
      'text after the end of an HTML comment ("-->") on the same line would be left out with the comment: start that text on a new line',
    ]);
  });
});

describe('GitHub alerts', () => {
  it.each([
    ['NOTE', 'note', 'Note'],
    ['TIP', 'tip', 'Tip'],
    ['IMPORTANT', 'important', 'Important'],
    ['WARNING', 'warning', 'Warning'],
    ['CAUTION', 'caution', 'Caution'],
    ['caution', 'caution', 'Caution'],
  ])('[!%s] is a Callout of type %s, with the same feed form', (marker, type, label) => {
    const body = `> [!${marker}]\n> Some **text**.\n>\n> A second paragraph.`;
    expect(messages(body)).toEqual([]);
    expect(pageHtml(body)).toBe(
      `<Callout type="${type}"><p>Some <strong>text</strong>.</p><p>A second paragraph.</p></Callout>`,
    );
    expect(feedHtml(body)).toBe(
      `<aside><p><strong>${label}</strong></p><p>Some <strong>text</strong>.</p><p>A second paragraph.</p></aside>`,
    );
    expect(text(body)).toBe(`${label} Some text. A second paragraph.`);
  });

  it('leaves unknown markers, and markers with text after them on their line, as quotes', () => {
    for (const body of ['> [!DANGER]\n> Text.', '> [!NOTE] A title\n> Text.', '> Text [!NOTE]']) {
      expect(messages(body)).toEqual([]);
      expect(pageHtml(body)).toMatch(/^<blockquote>\n<p>.*\[!/);
    }
  });

  it('are judged by the sanitiser like any Callout', () => {
    const body = '> [!TIP]\n> <script>alert(1)</script> and [x](javascript:alert(2))';
    expect(judgeBody(body).problems.map((problem) => problem.line)).toEqual([2, 2]);
    expect(pageHtml(body)).not.toMatch(/alert|script/);
  });

  it('work inside lists and inside other alerts', () => {
    const body =
      '- item\n\n  > [!NOTE]\n  > In a list.\n\n> [!TIP]\n> Outer.\n>\n> > [!CAUTION]\n> > Inner.';
    expect(pageHtml(body)).toContain('<Callout type="note"><p>In a list.</p></Callout>');
    expect(pageHtml(body)).toContain(
      '<Callout type="tip"><p>Outer.</p><Callout type="caution"><p>Inner.</p></Callout></Callout>',
    );
  });
});

describe('literal < and { written as the guide says', () => {
  it('render as text', () => {
    const body = 'a < b, 3 \\< 5, \\{braces\\} and 2 \\<= 3';
    expect(messages(body)).toEqual([]);
    expect(text(body)).toBe('a < b, 3 < 5, {braces} and 2 <= 3');
  });
});

describe('parse errors met less often', () => {
  it.each([
    [
      '> <Callout\ntitle="x">hi</Callout>',
      '2:1',
      'a tag or {…} that goes on to the next line inside a quote or a list needs that line marked as part of it too: start it with > in a quote, or indent it in a list',
    ],
    [
      '<Callout>x</Callout/>',
      '1:11',
      'a closing tag holds only its name: write </Callout>, with no attributes and no / before the >',
    ],
    [
      'Some <a {x}>text</a>',
      '1:9',
      '{…} among the attributes of a tag is JavaScript, which articles cannot use: write each attribute as name="text"',
    ],
    [
      '*a <b>c* d</b>',
      '1:4',
      '<b> on line 1 is never closed: close it with </b> inside the Markdown formatting (emphasis) it starts in: tags and formatting must nest, like *<b>text</b>*',
    ],
  ])('%s', (body, place, message) => {
    const [problem, ...more] = judgeBody(body).problems;
    expect(more).toEqual([]);
    expect(`${problem?.line}:${problem?.column}`).toBe(place);
    expect(problem?.message).toMatch(/ \[MDX: [^\]]+\]$/);
    expect(problem?.message.replace(/ \[MDX: [^\]]+\]$/, '')).toBe(message);
  });
});

describe('a live story whose update holds an autolink and a comment', () => {
  it('still splits into its updates', () => {
    const body =
      'Intro <https://example.org/intro>.\n\n<Update time="2026-06-01T09:00:00+00:00" title="First">\nSee <https://example.org/u>. <!-- note -->\n</Update>\n';
    const { articles, issues } = loadContent({
      ...makeContent({
        'articles/story.mdx': article(
          { date: '2026-06-01T08:00:00+00:00', live: '{ start: 2026-06-01T08:00:00+00:00 }' },
          body,
        ),
      }),
      now: new Date('2026-06-01T12:00:00Z'),
      judge: judgeBody,
    });
    expect(issues.map(formatIssue)).toEqual([]);
    const updates = articles[0]?.live?.updates ?? [];
    expect(updates.map((update) => [update.title, update.body])).toEqual([
      ['First', 'See <https://example.org/u>. <!-- note -->'],
    ]);
  });
});

describe('the e2e fixture corpus of Markdown as writers type it', () => {
  const dir = path.join(root, 'e2e/fixtures/content/articles');
  const files = fs.readdirSync(dir).filter((name) => name.startsWith('fixture-markdown-'));

  it('has a fixture for each kind of Markdown', () => {
    expect(files.sort()).toEqual([
      'fixture-markdown-alerts.mdx',
      'fixture-markdown-autolinks.mdx',
      'fixture-markdown-gfm.mdx',
      'fixture-markdown-scripts.mdx',
    ]);
  });

  it.each(files)('%s is accepted whole', (name) => {
    const split = splitFrontmatter(fs.readFileSync(path.join(dir, name), 'utf8'));
    if (typeof split === 'string') throw new Error(split);
    expect(judgeBody(split.body, split.bodyLine).problems).toEqual([]);
  });
});

// Each file below is refused with this message (the parser's own follows in brackets); the whole
// report, brackets included, is tests/fixtures/check/expected-output.txt.
const REFUSED: [string, string, string][] = [
  [
    'body-invalid-mdx.mdx',
    '10:26',
    '"<3" is not a tag or a link: to write a literal < or { in text, put a backslash before it: \\< \\{',
  ],
  [
    'markdown-less-than-as-tag.mdx',
    '10:7',
    '"<b and c are equal" reads as the start of a tag with no closing ">": end the tag with >, or to write a literal < or { in text, put a backslash before it: \\< \\{',
  ],
  [
    'markdown-stray-brace.mdx',
    '10:12',
    '"{ about five }" is not allowed in text (curly braces hold JavaScript in MDX): to write a literal < or { in text, put a backslash before it: \\< \\{',
  ],
  [
    'markdown-unclosed-brace.mdx',
    '10:9',
    '"{ brace with no end." is not allowed in text (curly braces hold JavaScript in MDX): to write a literal < or { in text, put a backslash before it: \\< \\{',
  ],
  [
    'markdown-refused-autolinks.mdx',
    '14:27',
    '{about} is a JavaScript expression, which articles cannot use (it would be left out of the page): to write a literal < or { in text, put a backslash before it: \\< \\{',
  ],
  [
    'markdown-unclosed-tag.mdx',
    '12:1',
    '<Callout> on line 12 is never closed: end it with </Callout>, or write <Callout /> if it has no content',
  ],
  [
    'markdown-unclosed-inline-tag.mdx',
    '10:6',
    '<b> on line 10 is never closed: close it with </b> before the end of its paragraph',
  ],
  [
    'markdown-mismatched-tags.mdx',
    '14:1',
    '</Aside> does not match <Callout>, which is open from line 10: close <Callout> first with </Callout>',
  ],
  [
    'markdown-stray-closing-tag.mdx',
    '10:6',
    '"</b>" closes a tag that was never opened: remove it, or to write a literal < or { in text, put a backslash before it: \\< \\{',
  ],
  [
    'markdown-unquoted-attribute.mdx',
    '10:13',
    'the attribute value href=https://example.org/page needs quotes: write href="https://example.org/page"',
  ],
  [
    'markdown-unclosed-attribute-quote.mdx',
    '10:10',
    'the value of the attribute title has no closing quote: end it with ", like title="…"',
  ],
  [
    'markdown-attribute-expression.mdx',
    '10:16',
    'the attribute title={…} is a JavaScript expression; attributes must be text in quotes, like title="…"',
  ],
  [
    'markdown-unclosed-comment.mdx',
    '10:6',
    'this HTML comment "<!--" is never closed: end it with "-->" (everything up to "-->" is left out of the page)',
  ],
  [
    'markdown-unclosed-comment-block.mdx',
    '12:1',
    'this HTML comment "<!--" is never closed: end it with "-->" (everything up to "-->" is left out of the page)',
  ],
  [
    'markdown-refused-autolinks.mdx',
    '16:1',
    'text after the end of an HTML comment ("-->") on the same line would be left out with the comment: start that text on a new line',
  ],
  [
    'markdown-refused-autolinks.mdx',
    '10:32',
    'the link "javascript:alert(1)" uses a javascript: address, which is not allowed; links must be https://, http://, mailto:, tel: or a path on this site (/articles/…)',
  ],
  [
    'markdown-refused-autolinks.mdx',
    '10:58',
    'the link "data:text/html,hi" uses a data: address, which is not allowed; links must be https://, http://, mailto:, tel: or a path on this site (/articles/…)',
  ],
];

const fixture = path.join(root, 'tests/fixtures/check');
const contentDir = path.join(fixture, 'content');
const result = await checkContent({
  contentDir,
  publicDir: path.join(fixture, 'public'),
  now: new Date('2026-06-01T00:00:00Z'),
  only: [...new Set(REFUSED.map(([file]) => path.join(contentDir, 'articles', file)))],
});

describe('the content check on Markdown it cannot accept', () => {
  it.each(REFUSED)('%s:%s  %s', (file, place, message) => {
    const lines = result.issues
      .filter((issue) => issue.file === `content/articles/${file}`)
      .map((issue) => `${issue.line}:${issue.column}  ${issue.severity}  ${issue.message}`);
    expect(lines.map((line) => line.replace(/ \[MDX: .*\]$/, ''))).toContain(
      `${place}  error  ${message}`,
    );
  });

  it('follows each plain message about a parse error with the parser message, at file lines', () => {
    const unclosed = result.issues.find((issue) =>
      issue.file.endsWith('markdown-unclosed-tag.mdx'),
    );
    expect(unclosed?.message).toMatch(
      / \[MDX: Expected a closing tag for `<Callout>` \(12:1-12:10\)\]$/,
    );
  });
});
