import { describe, expect, it } from 'vitest';
import { prepareFixtureContent } from './helpers/content';

prepareFixtureContent();
const { getArticles, getAuthors } = await import('@/lib/content');
const { ArticleBody } = await import('@/components/article/article-body');
const { createElement } = await import('react');
const { prerender } = await import('react-dom/static');

type Source = { body: string; bodyLine: number };

async function render(source: Source): Promise<string> {
  const { prelude } = await prerender(createElement(ArticleBody, { source }));
  return (await new Response(prelude).text()).replace(/></g, '>\n<');
}

const bodies: [string, Source[]][] = [
  ...getArticles().map((article): [string, Source[]] => [
    `articles-${article.slug}`,
    article.live ? [article.live.intro, ...article.live.updates] : [article],
  ]),
  ...getAuthors().map((author): [string, Source[]] => [`authors-${author.slug}`, [author]]),
];

// The fixtures were rendered before bodies went through next-mdx-remote (hast to JSX directly):
// readers get the same HTML from every sample article, live update, author bio and hostile body.
describe('rendered bodies', () => {
  it.each(bodies)('%s is unchanged', async (name, sources) => {
    const html = (await Promise.all(sources.map(render))).join('\n<!-- next body -->\n');
    await expect(html).toMatchFileSnapshot(`./fixtures/bodies/${name}.html`);
  });
});

describe('the body renderer (next-mdx-remote)', () => {
  it('gives a literal <img> its size and srcset, and a literal <table> its scroll wrapper', async () => {
    const html = await render({
      body: '<img src="/images/articles/how-to-write-an-article.jpg" alt="Typed" />\n\n<table><tbody><tr><td>cell</td></tr></tbody></table>',
      bodyLine: 1,
    });
    expect(html).toMatch(/<img alt="Typed" [^>]*srcSet="[^"]+ 640w/);
    expect(html).toContain('width="1600" height="900"');
    expect(html).toMatch(/<div class="table-scroll"[^>]*>\n<table>/);
  });

  it('shows an inert notice, not an error, for a body that does not compile', async () => {
    const html = await render({ body: 'Text, then <div>never closed\n\n{', bodyLine: 1 });
    expect(html).toContain('This text could not be shown.');
    expect(html).not.toContain('never closed');
  });
});
