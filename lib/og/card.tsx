import fs from 'node:fs';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import sharp from 'sharp';
import { RecentlyUsed } from '@/lib/recently-used';
import { publicDir } from '@/lib/settings.js';
import { site } from '@/lib/site';
import { type Card, cardFormat, LOGO_SIZE, type Rendition, RENDITIONS } from './cards';
import { CARD_FONT_FAMILY, cardFonts, drawable, textWidthEm } from './fonts';
import { visualOrder } from './right-to-left';
import { fitText, LINE_HEIGHT, typographic } from './text';

const colors = {
  paper: '#f4f1ec',
  ink: '#1a1a1a',
  muted: '#555555',
  accent: '#a3141b',
  accentInk: '#ffffff',
  panel: '#e8e2d8',
};

// Pictures shared by many cards (a bench image, an author's portrait) are cropped once; the
// newest few are kept, as a build renders each story's card once.
const pictures = new RecentlyUsed<string, Promise<Picture | undefined>>(64);

interface Picture {
  bytes: Buffer;
  format: 'png' | 'jpeg';
}

/**
 * The picture cropped to the box the card draws it in: the renderer then handles a picture the
 * card's size instead of the original, which made photo cards three times slower than text ones.
 */
function picture(publicPath: string, width: number, height: number): Promise<Picture | undefined> {
  return pictures.get(`${publicPath}\0${width}x${height}`, () => {
    const file = path.join(/* turbopackIgnore: true */ publicDir, decodeURI(publicPath));
    const format = /\.png$/i.test(file) ? 'png' : /\.jpe?g$/i.test(file) ? 'jpeg' : undefined;
    if (!format || !fs.existsSync(file)) return Promise.resolve(undefined);
    return sharp(file)
      .resize(width, height, { fit: 'cover' })
      .toFormat(format, format === 'png' ? { compressionLevel: 1 } : { quality: 86 })
      .toBuffer()
      .then((bytes) => ({ bytes, format }));
  });
}

const dataUrl = ({ bytes, format }: Picture) =>
  `data:image/${format};base64,${bytes.toString('base64')}`;

function Mark({ size }: { size: number }) {
  return (
    <div
      style={{
        width: size,
        height: size,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: colors.accent,
        color: colors.accentInk,
        fontSize: size * 0.72,
        fontWeight: 700,
        lineHeight: 1,
        paddingBottom: size * 0.08,
      }}
    >
      M
    </div>
  );
}

function Brand() {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 18 }}>
      <Mark size={56} />
      <div style={{ fontSize: 34, fontWeight: 700, color: colors.ink, letterSpacing: -0.5 }}>
        {site.name}
      </div>
    </div>
  );
}

interface Layout {
  width: number;
  height: number;
  direction: 'row' | 'column';
  /** A photo is laid over the rendered card by sharp (round portraits are drawn by satori). */
  media?: { picture: Picture; width: number; height: number; round: number };
}

const PADDING = 64;
const ACCENT_BAR = 12;

async function layoutFor(card: Card, rendition: Rendition): Promise<Layout> {
  const { width, height } = RENDITIONS[rendition];
  const direction = rendition === 'og' ? 'row' : 'column';
  if (!card.image) return { width, height, direction };
  const round = card.portrait ? (rendition === 'og' ? 300 : Math.round(height * 0.3)) : 0;
  const box =
    direction === 'row'
      ? { width: card.portrait ? 440 : 470, height, round }
      : { width, height: Math.round(height * 0.4), round };
  const found = await (round
    ? picture(card.image, round, round)
    : picture(card.image, box.width, box.height));
  return found
    ? { width, height, direction, media: { picture: found, ...box } }
    : { width, height, direction };
}

function Media({ media }: { media: NonNullable<Layout['media']> }) {
  if (!media.round) {
    return <div style={{ width: media.width, height: media.height, background: colors.panel }} />;
  }
  return (
    <div
      style={{
        width: media.width,
        height: media.height,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: colors.panel,
      }}
    >
      {/* eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text */}
      <img
        src={dataUrl(media.picture)}
        width={media.round}
        height={media.round}
        style={{ borderRadius: media.round / 2, objectFit: 'cover' }}
      />
    </div>
  );
}

function CardBody({ card, layout }: { card: Card; layout: Layout }) {
  const { media, direction } = layout;
  const textWidth = layout.width - PADDING * 2 - (media && direction === 'row' ? media.width : 0);
  const textHeight =
    layout.height - PADDING * 2 - ACCENT_BAR - (media && direction === 'column' ? media.height : 0);
  const footer = [card.byline, card.date].flatMap((part) => (part ? [drawable(part)] : []));
  const description =
    card.description &&
    fitText(typographic(drawable(card.description)), {
      width: textWidth,
      height: 30 * 1.35 * 2,
      maxLines: 2,
      sizes: [30],
    });
  const brandHeight = 56;
  const kickerHeight = 34 + 18;
  const gaps = 2 * 20;
  const room =
    textHeight -
    brandHeight -
    kickerHeight -
    gaps -
    footer.length * 28 * 1.3 -
    (description ? description.lines * 30 * 1.35 + 18 : 0);
  const headline = fitText(typographic(drawable(card.title)), { width: textWidth, height: room });
  const rtl = card.dir === 'rtl';
  const drawn = (text: string) => visualOrder(text, rtl ? 'rtl' : 'ltr');
  // Right to left: each word is drawn in visual order, and the words flow from the right edge.
  const row = rtl ? 'row-reverse' : 'row';

  return (
    <div
      style={{
        flex: 1,
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: PADDING,
        borderTop: `${ACCENT_BAR}px solid ${colors.accent}`,
      }}
    >
      <Brand />
      <div style={{ display: 'flex', flexDirection: 'column', gap: 18 }}>
        <div
          style={{
            display: 'flex',
            flexDirection: row,
            alignItems: 'center',
            gap: 16,
            fontSize: 28,
            fontWeight: 700,
            color: colors.accent,
            textTransform: 'uppercase',
            letterSpacing: 2,
          }}
        >
          {card.live && (
            <div
              style={{
                display: 'flex',
                padding: '2px 12px',
                background: colors.accent,
                color: colors.accentInk,
              }}
            >
              {drawn(card.live)}
            </div>
          )}
          <div style={{ display: 'flex' }}>{drawn(drawable(card.kicker))}</div>
        </div>
        <div
          style={{
            fontSize: headline.size,
            fontWeight: 700,
            lineHeight: LINE_HEIGHT,
            color: colors.ink,
            letterSpacing: -1,
            display: 'flex',
            flexDirection: row,
            flexWrap: 'wrap',
            columnGap: textWidthEm(' ') * headline.size,
          }}
        >
          {/* One box per word: lines break only at spaces, never after an opening quote. */}
          {headline.text.split(' ').map((word, index) => (
            <span key={index}>{drawn(word)}</span>
          ))}
        </div>
        {description && (
          <div style={{ fontSize: description.size, lineHeight: 1.35, color: colors.muted }}>
            {drawn(description.text)}
          </div>
        )}
      </div>
      <div
        style={{
          display: 'flex',
          flexDirection: 'column',
          alignItems: rtl ? 'flex-end' : 'flex-start',
          fontSize: 28,
          lineHeight: 1.3,
          color: colors.muted,
        }}
      >
        {footer.map((line) => (
          <div key={line} style={{ display: 'flex' }}>
            {drawn(line)}
          </div>
        ))}
      </div>
    </div>
  );
}

function CardImage({ card, layout }: { card: Card; layout: Layout }) {
  const { media } = layout;
  return (
    <div
      style={{
        width: layout.width,
        height: layout.height,
        display: 'flex',
        flexDirection: layout.direction === 'row' ? 'row-reverse' : 'column',
        background: colors.paper,
        fontFamily: CARD_FONT_FAMILY,
      }}
    >
      {media && <Media media={media} />}
      <CardBody card={card} layout={layout} />
    </div>
  );
}

export const CARD_BYTES_BUDGET = 300 * 1024;

/**
 * The card's bytes in its format (cardFormat): a photo card is drawn without its photo, which
 * sharp then lays into the box the layout left for it and encodes as a JPEG; a text card is the
 * PNG as drawn, re-encoded with a palette if it is over budget.
 */
export async function renderCard(card: Card, rendition: Rendition): Promise<Buffer> {
  const { width, height } = RENDITIONS[rendition];
  const layout = await layoutFor(card, rendition);
  const response = new ImageResponse(<CardImage card={card} layout={layout} />, {
    width,
    height,
    fonts: cardFonts,
  });
  const png = Buffer.from(await response.arrayBuffer());
  const { media } = layout;
  if (cardFormat(card) === 'jpeg') {
    const photo = media && !media.round ? media : undefined;
    return sharp(png)
      .composite(
        photo
          ? [
              {
                input: photo.picture.bytes,
                top: 0,
                left: layout.direction === 'row' ? width - photo.width : 0,
              },
            ]
          : [],
      )
      .jpeg({ quality: 82 })
      .toBuffer();
  }
  if (png.length <= CARD_BYTES_BUDGET) return png;
  return sharp(png).png({ palette: true, quality: 90, effort: 8 }).toBuffer();
}

export function renderLogo(): ImageResponse {
  return new ImageResponse(<Mark size={LOGO_SIZE} />, {
    width: LOGO_SIZE,
    height: LOGO_SIZE,
    fonts: cardFonts,
  });
}
