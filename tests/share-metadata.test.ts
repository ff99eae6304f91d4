import { describe, expect, it } from 'vitest';
import { type Article, getArticles } from '@/lib/content';
import { articleJsonLd, breadcrumbJsonLd, serializeJsonLd } from '@/lib/json-ld';
import { articleMetadata, listingMetadata, xHandle } from '@/lib/metadata';
import { articleCard, cardPath, listingCard } from '@/lib/og/cards';
import { oembed } from '@/lib/oembed';
import { resolveListingPage } from '@/lib/listings';
import { shareLinks, sharePayload } from '@/lib/share';
import { absoluteUrl } from '@/lib/site';

const [first, second] = getArticles();
if (!first || !second) throw new Error('the sample content has at least two articles');
const withImage = getArticles().find((article) => article.image) ?? first;
const hostile: Article = {
  ...first,
  title: 'A </script><script>alert("x")</script> & <b>headline</b>',
  summary: 'Ends with </script',
};

describe('article metadata', () => {
  it('uses the absolute canonical URL as og:url and a card sized image', () => {
    const metadata = articleMetadata(first);
    const canonical = metadata.alternates?.canonical;
    expect(canonical).toBe(absoluteUrl(first.url));
    expect(metadata.openGraph?.url).toBe(canonical);
    expect(metadata.openGraph).toMatchObject({
      type: 'article',
      title: first.title,
      description: first.summary,
      publishedTime: first.date,
      authors: first.authors.map((author) => absoluteUrl(author.url)),
      images: [
        {
          url: absoluteUrl(cardPath(articleCard(first))),
          width: 1200,
          height: 630,
          type: 'image/png',
        },
      ],
    });
    expect(metadata.twitter).toMatchObject({ card: 'summary_large_image', title: first.title });
  });

  it('gives Slack its byline and reading-time labels', () => {
    const other = articleMetadata(first).other ?? {};
    expect(other['twitter:label1']).toBe('Written by');
    expect(other['twitter:data1']).toContain(first.authors[0]?.name);
    expect(other['twitter:label2']).toBe('Reading time');
    expect(other['twitter:data2']).toBe(first.readingTime.text);
  });

  it('announces the oEmbed endpoint for the article', () => {
    const types = articleMetadata(first).alternates?.types ?? {};
    const [link] = [types['application/json+oembed']].flat();
    const href = typeof link === 'object' && link && 'url' in link ? String(link.url) : '';
    expect(new URL(href).searchParams.get('url')).toBe(absoluteUrl(first.url));
  });

  it('gives listing pages their own card and canonical URL', () => {
    const view = resolveListingPage('section', first.section.slug);
    if (!view) throw new Error('section listing');
    const metadata = listingMetadata(view);
    expect(metadata.alternates?.canonical).toBe(absoluteUrl(first.section.url));
    expect(metadata.openGraph?.url).toBe(metadata.alternates?.canonical);
    expect(JSON.stringify(metadata.openGraph?.images)).toContain(
      cardPath(listingCard(view.listing)),
    );
  });

  it('reads an X handle from an author link', () => {
    const author = { ...first.authors[0]!, links: { x: 'https://x.com/meridian_ada' } };
    expect(xHandle(author)).toBe('@meridian_ada');
    expect(xHandle({ ...author, links: { website: 'https://example.com/x.com/a' } })).toBe(
      undefined,
    );
  });
});

describe('card URLs', () => {
  it('change when anything drawn changes, and only then', () => {
    const card = articleCard(first);
    expect(articleCard({ ...first, body: `${first.body}\nMore.` }).hash).toBe(card.hash);
    expect(articleCard({ ...first, summary: 'Another summary' }).hash).toBe(card.hash);
    expect(articleCard({ ...first, title: `${first.title} (corrected)` }).hash).not.toBe(card.hash);
    expect(articleCard({ ...first, authors: first.authors.slice(0, 0) }).hash).not.toBe(card.hash);
    expect(articleCard({ ...first, image: '/images/articles/other.jpg' }).hash).not.toBe(card.hash);
    expect(articleCard(second).hash).not.toBe(card.hash);
    expect(cardPath(card, '4x3')).toMatch(/^\/cards\/article\/[0-9a-f]{12}\/4x3\.png$/);
  });
});

describe('JSON-LD', () => {
  it('cannot be closed by a headline containing </script>', () => {
    const serialized = serializeJsonLd(articleJsonLd(hostile));
    expect(serialized).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(serialized)).toEqual(articleJsonLd(hostile));
    expect(JSON.parse(serialized).headline).toBe(hostile.title);
  });

  it('describes a NewsArticle with three renditions, authors and publisher', () => {
    const data = articleJsonLd(withImage);
    expect(data['@type']).toBe('NewsArticle');
    expect(data.image).toEqual(
      // A story with a hero photo has JPEG cards.
      ['og', '4x3', '1x1'].map((name) => expect.stringMatching(new RegExp(`/${name}\\.jpg$`))),
    );
    expect(data.author).toEqual(
      withImage.authors.map((author) =>
        expect.objectContaining({
          '@type': 'Person',
          name: author.name,
          url: absoluteUrl(author.url),
        }),
      ),
    );
    expect(data.publisher).toMatchObject({
      '@type': 'NewsMediaOrganization',
      logo: { '@type': 'ImageObject', url: absoluteUrl('/brand/logo.png') },
    });
    expect(breadcrumbJsonLd(withImage).itemListElement).toHaveLength(3);
  });
});

describe('share payload', () => {
  it('carries the same links as the share bar and the card of the page', () => {
    const payload = sharePayload(first);
    expect(payload.links).toEqual(shareLinks(first));
    expect(payload.image.url).toBe(absoluteUrl(cardPath(articleCard(first))));
  });

  it('encodes titles safely in share links', () => {
    const links = shareLinks({ ...hostile, title: 'A & B? #1 "quoted"' });
    expect(new URL(links.x).searchParams.get('text')).toBe('A & B? #1 "quoted"');
    expect(links.reddit).not.toContain('"');
  });
});

describe('oEmbed', () => {
  const ask = (query: Record<string, string>) => oembed(new URLSearchParams(query));
  const url = absoluteUrl(first.url);

  it('answers an article URL with a link response', () => {
    const { status, body } = ask({ url, format: 'json' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ version: '1.0', type: 'link', title: first.title });
    expect(body.thumbnail_width).toBe(1200);
  });

  it('accepts a trailing slash', () => {
    expect(ask({ url: `${url}/` }).status).toBe(200);
  });

  it('drops the thumbnail when it would exceed maxwidth', () => {
    const { body } = ask({ url, maxwidth: '600' });
    expect(Object.keys(body).filter((key) => key.startsWith('thumbnail'))).toEqual([]);
  });

  it.each([
    [{}, 400],
    [{ url: 'not a url' }, 400],
    [{ url: 'ftp://example.com/articles/x' }, 400],
    [{ url, maxheight: '-3' }, 400],
    [{ url, format: 'xml' }, 501],
    [{ url: absoluteUrl('/articles/no-such-story') }, 404],
    [{ url: `https://elsewhere.example${first.url}` }, 404],
    [{ url: absoluteUrl(`${first.url}/extra`) }, 404],
  ])('%j → %i', (query, status) => {
    expect(ask(query).status).toBe(status);
  });
});
