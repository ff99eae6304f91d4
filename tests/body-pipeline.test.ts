import fs from 'node:fs';
import path from 'node:path';
import { toHtml as hastToHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { BODY_COMPONENT_NAMES } from '@/lib/content/body-components';
import { SANITISER_SOURCES } from '@/lib/content/sanitise';
import { HOSTILE_OUTPUT } from './helpers/hostile';
import {
  BODY_RULES,
  bodyText,
  feedTree,
  isSafeUrl,
  processBody,
  RULES_HASH,
  rulesHash,
  toHtml,
} from '@/lib/content/body';

const pageHtml = (body: string) => hastToHtml(processBody(body).tree);
const feedHtml = (body: string) => toHtml(feedTree({ body, bodyLine: 1 }));

describe('isSafeUrl', () => {
  it.each([
    ['https://example.org/', 'link', true],
    ['/articles/x', 'link', true],
    ['#section', 'link', true],
    ['mailto:desk@example.org', 'link', true],
    ['javascript:alert(1)', 'link', false],
    ['JaVaScRiPt:alert(1)', 'link', false],
    [' \tjava\nscript:alert(1)', 'link', false],
    ['data:text/html,hi', 'link', false],
    ['vbscript:x', 'link', false],
    ['data:image/png;base64,AAAA', 'image', false],
    ['mailto:x@example.org', 'image', false],
    ['https://example.org/a.jpg', 'image', true],
  ] as const)('%s as %s → %s', (url, kind, safe) => {
    expect(isSafeUrl(url, kind)).toBe(safe);
  });
});

const HOSTILE_BODIES = [
  '<script>alert("s")</script>',
  '<iframe src="https://evil.example"></iframe>',
  '<svg><script>alert(2)</script></svg>',
  '<meta httpEquiv="refresh" content="0;url=https://evil.example" />',
  '<base href="https://evil.example/" />',
  '<button formAction="javascript:alert(1)">b</button>',
  '<form action="javascript:alert(1)"><input name="x" /></form>',
  '<img src="javascript:alert(1)" alt="a" onerror="alert(2)" />',
  '<a href="data:text/html,x" onClick="alert(3)" style="color:red">t</a>',
  '<div onMouseOver="alert(4)" data-x="1">div</div>',
  '[click me](javascript:alert(1)) ![pic](data:image/png;base64,AA)',
  '[ref][r]\n\n[r]: javascript:alert(5)',
  '<Figure src="javascript:alert(6)" alt="x" />',
  '<Embed url="javascript:alert(7)" />',
  '<Callout type={alert(8)} onClick="alert(9)">callout</Callout>',
  '<object data="javascript:alert(10)">fallback</object>',
  '<style>{"body{}"}</style>',
  'import x from "y"\n\nexport const z = 1\n\n{alert(11)}',
  '<javascript:alert(12)> <data:text/html,alert(13)> <vbscript:alert(14)> <JaVaScRiPt:alert(15)>',
  '- <javascript:alert(16)>\n\n> [!NOTE]\n> <javascript:alert(17)>',
  '<!-- never closed <script>alert(18)</script>',
  '<!-- closed --> <script>alert(19)</script>',
  '{/* a comment */ alert(20)}',
];

describe('one pipeline: every hostile body is refused and rendered inert in every output', () => {
  it.each(HOSTILE_BODIES)('%s', (body) => {
    const processed = processBody(body);
    expect(processed.problems.length).toBeGreaterThan(0);
    for (const html of [pageHtml(body), feedHtml(body)]) {
      expect(html).not.toMatch(HOSTILE_OUTPUT);
      expect(html).not.toMatch(/alert/);
    }
    expect(bodyText({ body, bodyLine: 1 })).not.toMatch(/alert/);
  });

  it('unwraps links with unsafe URLs and HTML elements outside the allowed set', () => {
    expect(pageHtml('[click me](javascript:alert(1))')).toBe('<p>click me</p>');
    expect(pageHtml('<marquee>moving text</marquee>')).toBe('<p>moving text</p>');
  });

  it('keeps allowed attributes as HTML properties', () => {
    expect(pageHtml('Say <abbr title="World Health Organization" className="x y">WHO</abbr>')).toBe(
      '<p>Say <abbr title="World Health Organization" class="x y">WHO</abbr></p>',
    );
    expect(pageHtml('<td colspan="2" data-note="n">c</td>')).toContain('colspan="2" data-note="n"');
  });

  it('keeps only declared string attributes on components, and drops one missing a required one', () => {
    const { tree } = processBody(
      '<Callout type="note" title="T" onClick="x" extra="y">Body</Callout>',
    );
    const [callout] = tree.children;
    expect(callout).toMatchObject({
      type: 'element',
      tagName: 'Callout',
      properties: { type: 'note', title: 'T' },
    });
    expect(Object.keys(callout?.type === 'element' ? callout.properties : {}).sort()).toEqual([
      'title',
      'type',
    ]);
    expect(pageHtml('<Figure alt="no source" />')).toBe('');
    expect(pageHtml('<Callout type="loud">x</Callout>')).not.toContain('loud');
  });
});

describe('feed forms', () => {
  it('renders each component as plain HTML, never as its JSX name', () => {
    const html = feedHtml(
      [
        '<Figure src="/images/a.jpg" alt="Alt" caption="Caption" credit="Credit" />',
        '<PullQuote quote="Said this" attribution="Jo" />',
        '<Callout title="Heads up">Body</Callout>',
        '<Callout type="warning">Careful</Callout>',
        '<Embed url="https://example.com/v" title="Video" />',
        '<Aside title="By the way">aside</Aside>',
        '<Mystery kind="x">inner **bold**</Mystery>',
      ].join('\n\n'),
    );
    expect(html).toContain(
      '<figure><img src="/images/a.jpg" alt="Alt"><figcaption>Caption Credit</figcaption></figure>',
    );
    expect(html).toContain(
      '<figure><blockquote><p>Said this</p></blockquote><figcaption>— Jo</figcaption></figure>',
    );
    expect(html).toContain('<aside><p><strong>Heads up</strong></p>Body</aside>');
    expect(html).toContain('<aside><p><strong>Warning</strong></p>Careful</aside>');
    expect(html).toContain('<p><a href="https://example.com/v">Video</a></p>');
    expect(html).toContain('<aside><p><strong>By the way</strong></p>aside</aside>');
    expect(html).toContain('<p>inner <strong>bold</strong></p>');
    for (const name of [...BODY_COMPONENT_NAMES, 'Mystery']) expect(html).not.toContain(`<${name}`);
  });

  it('gives the search text from the same tree', () => {
    expect(bodyText({ body: '# Head\n\nOne *two*.\n\n- three', bodyLine: 1 })).toBe(
      'Head One two. three',
    );
    expect(bodyText({ body: '<PullQuote quote="Quoted words" />\n\n{secret}', bodyLine: 1 })).toBe(
      'Quoted words',
    );
  });
});

describe('verdicts', () => {
  it('offsets lines by the frontmatter', () => {
    const { problems } = processBody('\n<script>x</script>', 9);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 10,
        column: 1,
        message: expect.stringContaining('<script>'),
      }),
    ]);
  });

  it('collects safe links for link checking', () => {
    const { links, problems } = processBody(
      '[a](/articles/x) <a href="/tags/y">y</a>\n\n<Embed url="/articles/z" />',
    );
    expect(problems).toEqual([]);
    expect(links.map((link) => link.url)).toEqual(['/articles/x', '/tags/y', '/articles/z']);
  });

  it('accepts a 1 MB article', () => {
    const paragraph =
      'A long paragraph of ordinary **Markdown** text with a [link](https://example.org). ';
    const body = Array.from({ length: 1_100_000 / paragraph.length }, () => paragraph).join('\n\n');
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(processBody(body).problems).toEqual([]);
  }, 180_000);

  it('keys cached verdicts by the rule tables and the sanitiser code', () => {
    expect(RULES_HASH).toBe(rulesHash(structuredClone(BODY_RULES)));
    const changed = [
      { ...BODY_RULES, allowedAttributes: [...BODY_RULES.allowedAttributes, 'style'] },
      { ...BODY_RULES, linkSchemes: [...BODY_RULES.linkSchemes, 'javascript'] },
      { ...BODY_RULES, imageSchemes: ['https'] },
      { ...BODY_RULES, dangerousHtml: BODY_RULES.dangerousHtml.filter((name) => name !== 'base') },
      {
        ...BODY_RULES,
        components: { ...BODY_RULES.components, Extra: { required: [], optional: [] } },
      },
      { ...BODY_RULES, code: [...BODY_RULES.code.slice(1), 'function sanitise() {}'] },
    ];
    for (const rules of changed) expect(rulesHash(rules)).not.toBe(RULES_HASH);
  });

  it('keys the sanitiser code by its source files, the same under every compiler', () => {
    const sources = SANITISER_SOURCES.map((file) =>
      fs.readFileSync(path.join(process.cwd(), 'lib', 'content', file), 'utf8'),
    );
    expect(BODY_RULES.code).toEqual(sources);
    expect(rulesHash({ ...BODY_RULES, code: [...sources.slice(1), 'changed'] })).not.toBe(
      RULES_HASH,
    );
  });
});
