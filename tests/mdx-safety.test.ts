import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { editorComponents } from '@/components/mdx/mdx-components';
import { inspectMdx, isSafeUrl, MDX_COMPONENT_NAMES, remarkSafeMdx } from '@/lib/content/mdx';

async function sanitised(source: string): Promise<string> {
  const file = await compile(source, {
    remarkPlugins: [remarkSafeMdx, remarkGfm],
    outputFormat: 'function-body',
  });
  return String(file);
}

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

describe('remarkSafeMdx renders hostile bodies inert', () => {
  it('drops dangerous elements with their content', async () => {
    const out = await sanitised(
      '<script>alert("s")</script>\n\n<iframe src="https://evil.example"></iframe>\n\n<svg><script>alert(2)</script></svg>\n\nkept',
    );
    expect(out).not.toMatch(/"script"|"iframe"|"svg"|alert/);
    expect(out).toContain('kept');
  });

  it('strips event handlers, style and unsafe URLs from HTML elements', async () => {
    const out = await sanitised(
      '<img src="javascript:alert(1)" alt="a" onerror="alert(2)" />\n\n<a href="data:text/html,x" onClick="alert(3)" style="x">t</a>',
    );
    expect(out).not.toMatch(/onerror|onClick|style|javascript:|data:|alert/);
    expect(out).toContain('"a"');
  });

  it('unwraps Markdown links with unsafe URLs and drops unsafe images', async () => {
    const out = await sanitised('[click me](javascript:alert(1)) ![pic](data:image/png;base64,AA)');
    expect(out).toContain('click me');
    expect(out).not.toMatch(/javascript:|data:|"a"|"img"/);
  });

  it('unwraps HTML elements outside the allowed set', async () => {
    const out = await sanitised('<marquee>moving text</marquee>');
    expect(out).toContain('moving text');
    expect(out).not.toContain('marquee');
  });

  it('keeps only known string attributes on components', async () => {
    const out = await sanitised('<Callout type="note" onClick="x" extra="y">Body</Callout>');
    expect(out).toContain('type: "note"');
    expect(out).not.toMatch(/onClick|extra/);
  });
});

describe('inspectMdx', () => {
  it('offsets lines by the frontmatter', () => {
    const { problems } = inspectMdx('\n<script>x</script>', 9);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 10,
        column: 1,
        message: expect.stringContaining('<script>'),
      }),
    ]);
  });

  it('collects safe links for link checking', () => {
    const { links, problems } = inspectMdx(
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
    expect(inspectMdx(body).problems).toEqual([]);
  }, 180_000);

  it('is in step with the registered components', () => {
    expect(Object.keys(editorComponents).sort()).toEqual([...MDX_COMPONENT_NAMES].sort());
  });
});
