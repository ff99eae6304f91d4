import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { articleMetadata } from '@/lib/metadata';
import { renderCard } from '@/lib/og/card';
import { articleCard, cardPath, renditionOf } from '@/lib/og/cards';
import { getArticles } from '@/lib/content';

const articles = getArticles();
const withPhoto = articles.find((article) => article.image?.startsWith('/'));
const withoutPhoto = articles.find((article) => !article.image);

// The first render parses the card fonts; on a busy machine that alone can take seconds.
describe('card formats', { timeout: 30_000 }, () => {
  it('draws a story with a hero photo as a JPEG, named and announced as one', async () => {
    if (!withPhoto) throw new Error('the seed content has no story with a local hero photo');
    const card = articleCard(withPhoto);
    expect(cardPath(card)).toMatch(/\/og\.jpg$/);
    expect(renditionOf(card, 'og.jpg')).toBe('og');
    expect(renditionOf(card, 'og.png')).toBeUndefined();
    const images = articleMetadata(withPhoto).openGraph?.images;
    expect(images).toEqual([expect.objectContaining({ type: 'image/jpeg' })]);

    const bytes = await renderCard(card, 'og');
    const info = await sharp(bytes).metadata();
    expect(info).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });
    expect(bytes.length).toBeLessThan(150 * 1024);
    // The photo is laid into the right-hand box: that side is not the flat paper colour.
    const { data } = await sharp(bytes)
      .extract({ left: 1200 - 470, top: 0, width: 470, height: 630 })
      .stats()
      .then((stats) => ({ data: stats.channels.map((channel) => channel.stdev) }));
    expect(Math.max(...data)).toBeGreaterThan(10);
  });

  it('draws a story without a photo as a PNG', async () => {
    if (!withoutPhoto) throw new Error('the seed content has no story without a hero photo');
    const card = articleCard(withoutPhoto);
    expect(cardPath(card)).toMatch(/\/og\.png$/);
    expect(renditionOf(card, 'og.jpg')).toBeUndefined();
    expect(articleMetadata(withoutPhoto).openGraph?.images).toEqual([
      expect.objectContaining({ type: 'image/png' }),
    ]);
    const info = await sharp(await renderCard(card, '4x3')).metadata();
    expect(info).toMatchObject({ format: 'png', width: 1200, height: 900 });
  });
});
