import { describe, expect, it } from 'vitest';
import { prepareFixtureContent } from './helpers/content';

prepareFixtureContent();
const { getArticle } = await import('@/lib/content');
const { articleHtml, articleText } = await import('@/lib/article-html');
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

  it('renders MDX components as plain HTML fallbacks, never raw JSX', () => {
    const html = render(
      [
        '<Figure src="/images/a.jpg" alt="Alt" caption="Caption" credit="Credit" />',
        '<PullQuote attribution="Jo">Said *this*</PullQuote>',
        '<Callout title="Note">Body</Callout>',
        '<Embed url="https://example.com/v" title="Video" />',
        '<Mystery kind="x">inner **bold**</Mystery>',
        'Inline <Aside>aside</Aside> and {1 + 1} text',
        '<script>alert(1)</script>',
      ].join('\n\n'),
    );
    expect(html).toContain(
      `<figure><img src="${origin}/images/a.jpg" alt="Alt"><figcaption>Caption Credit</figcaption></figure>`,
    );
    expect(html).toContain(
      '<figure><blockquote><p>Said <em>this</em></p></blockquote><figcaption>— Jo</figcaption></figure>',
    );
    expect(html).toContain('<aside><p><strong>Note</strong></p><p>Body</p></aside>');
    expect(html).toContain('<p><a href="https://example.com/v">Video</a></p>');
    expect(html).toContain('<p>inner <strong>bold</strong></p>');
    expect(html).toContain('Inline aside and  text');
    expect(html).not.toMatch(/Mystery|PullQuote|Callout|<script|alert/);
  });

  it('keeps CDATA terminators out of the HTML', () => {
    expect(render('```\n]]> and ]]>\n```')).not.toContain(']]>');
  });

  it('gives plain text for the search index', () => {
    expect(articleText({ ...base, body: '# Head\n\nOne *two*.\n\n- three' })).toBe(
      'Head One two. three',
    );
  });
});
