import { describe, expect, it } from 'vitest';
import { HOSTILE_OUTPUT } from './helpers/hostile';
import { prepareFixtureContent } from './helpers/content';

prepareFixtureContent();
const { getArticle } = await import('@/lib/content');
const { articleHtml } = await import('@/lib/feed-html');
const { bodyText } = await import('@/lib/content/body');
const { ArticleBody } = await import('@/components/article/article-body');
const { createElement } = await import('react');
const { prerender } = await import('react-dom/static');
const { site } = await import('@/lib/site');

const origin = site.url.origin;
const base = getArticle('welcome-to-the-meridian');
if (!base) throw new Error('seed content missing');

function render(body: string) {
  return articleHtml({ ...base!, body, image: undefined });
}

describe('article HTML for feeds', () => {
  it('makes links and images absolute against the article URL', () => {
    const html = render('[a](/tags/x) [b](other-story) [c](#notes) ![d](/images/e.jpg)');
    expect(html).toContain(`href="${origin}/tags/x"`);
    expect(html).toContain(`href="${origin}/articles/other-story"`);
    expect(html).toContain(`href="${origin}/articles/welcome-to-the-meridian#notes"`);
    expect(html).toContain(`src="${origin}/images/e.jpg"`);
  });

  it('puts the hero image with its credit first', () => {
    const article = getArticle('formatting-and-markdown');
    if (!article?.image) throw new Error('expected a hero image');
    expect(articleHtml(article)).toMatch(
      new RegExp(`^<figure><img src="${origin}${article.image}" alt="[^"]+"><figcaption>`),
    );
  });

  it('renders components in their feed form with absolute URLs', () => {
    const html = render(
      '<Figure src="/images/a.jpg" alt="Alt" caption="Caption" />\n\n<Embed url="/articles/x" title="X" />',
    );
    expect(html).toContain(
      `<figure><img src="${origin}/images/a.jpg" alt="Alt"><figcaption>Caption</figcaption></figure>`,
    );
    expect(html).toContain(`<p><a href="${origin}/articles/x">X</a></p>`);
  });

  it('renders the hostile fixture inert on the page, in the feed and in the search text', async () => {
    const hostile = getArticle('fixture-hostile-body');
    if (!hostile) throw new Error('hostile fixture missing');
    // Body images are async Server Components (they read the image's size), so render to a stream.
    const page = await new Response(
      (await prerender(createElement(ArticleBody, { source: hostile }))).prelude,
    ).text();
    const outputs = [page, articleHtml(hostile), bodyText(hostile)];
    for (const output of outputs) {
      expect(output).toContain('The last paragraph is plain text.');
      expect(output).not.toMatch(HOSTILE_OUTPUT);
      expect(output).not.toMatch(/alert|__pwned/);
    }
    expect(page).toMatch(
      /<img alt="hostile image" src="\/_next\/image\?url=%2Fimages%2Farticles%2Fhow-to-write-an-article\.jpg&amp;[^"]*" srcSet="[^"]*" sizes="[^"]*" width="1600" height="900"/,
    );
    expect(page).toContain('<div data-hostile="div">A div with handlers</div>');
    expect(page).not.toMatch(/<p><\/p>/);
  });

  it('keeps CDATA terminators out of the HTML', () => {
    expect(render('```\n]]> and ]]>\n```')).not.toContain(']]>');
  });

  it('gives plain text for the search index', () => {
    expect(bodyText({ ...base, body: '# Head\n\nOne *two*.\n\n- three' })).toBe(
      'Head One two. three',
    );
  });
});
