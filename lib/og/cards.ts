import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Article, getArticles, getAuthors, getSections, getTags } from '@/lib/content';
import { nameIn } from '@/lib/content/schema';
import { formatDate, joinNames } from '@/lib/format';
import { translate } from '@/lib/i18n/messages';
import { getListing, type Listing } from '@/lib/listings';
import { isOngoing } from '@/lib/live-stories';
import { prerendersShareFiles } from '@/lib/prerender';
import { publicDir, settings } from '@/lib/settings.js';
import { absoluteUrl, localeInfo, otherLocales, site } from '@/lib/site';
import { cardTemplateHash } from './template-hash.mjs';

export const RENDITIONS = {
  og: { width: 1200, height: 630 },
  '4x3': { width: 1200, height: 900 },
  '1x1': { width: 1200, height: 1200 },
} as const;

/**
 * A card with a photograph is a JPEG (a PNG of a photo is large and slow to encode); a text card,
 * or a round portrait on flat colour, is a PNG.
 */
export const CARD_FORMATS = {
  png: { extension: 'png', type: 'image/png' },
  jpeg: { extension: 'jpg', type: 'image/jpeg' },
} as const;

export type CardFormat = keyof typeof CARD_FORMATS;

export const LOGO_SIZE = 512;

export type Rendition = keyof typeof RENDITIONS;
export const RENDITION_NAMES = Object.keys(RENDITIONS).filter(
  (name): name is Rendition => name in RENDITIONS,
);

export type CardKind = 'article' | 'home' | 'section' | 'tag' | 'author';

/** Everything a card draws. The hash covers all of it, so a card's URL changes with its picture. */
export interface CardContent {
  kind: CardKind;
  key: string;
  kicker: string;
  title: string;
  byline?: string;
  date?: string;
  description?: string;
  image?: string;
  portrait?: boolean;
  /** A live story whose coverage runs: the card carries a badge with this word. */
  live?: string;
  /** A story in a right-to-left language: the card is drawn mirrored. */
  dir?: 'rtl';
}

export interface Card extends CardContent {
  hash: string;
  alt: string;
}

// Set by next.config.js at build time; scripts and tests outside Next compute it themselves.
const TEMPLATE_HASH = settings.MERIDIAN_CARD_TEMPLATE || cardTemplateHash(process.cwd());

const imageHashes = new Map<string, string>();

/** The hash of a local image's bytes, so replacing the picture under the same name changes the card. */
function imageHash(publicPath: string): string {
  let hash = imageHashes.get(publicPath);
  if (hash === undefined) {
    const file = path.join(/* turbopackIgnore: true */ publicDir, decodeURI(publicPath));
    hash = fs.existsSync(file)
      ? createHash('sha256').update(fs.readFileSync(file)).digest('hex')
      : 'missing';
    imageHashes.set(publicPath, hash);
  }
  return hash;
}

function localImage(image: string | undefined): string | undefined {
  return image?.startsWith('/') ? image : undefined;
}

function finish(content: CardContent, alt: string): Card {
  const hash = createHash('sha256')
    .update(JSON.stringify([TEMPLATE_HASH, site.name, content]))
    .update(content.image ? imageHash(content.image) : '')
    .digest('hex')
    .slice(0, 12);
  return { ...content, hash, alt };
}

export function articleCard(article: Article): Card {
  const { locale } = article;
  const byline = joinNames(
    article.authors.map((author) => nameIn(author, locale)),
    locale,
  );
  const section = nameIn(article.section, locale);
  return finish(
    {
      kind: 'article',
      key: article.slug,
      kicker: section,
      title: article.title,
      byline,
      date: formatDate(article.published, locale),
      image: localImage(article.image),
      live: isOngoing(article) ? translate(locale, 'live.label') : undefined,
      dir: localeInfo(locale).dir === 'rtl' ? 'rtl' : undefined,
    },
    `${site.name}: “${article.title}”, by ${byline}, in ${section}`,
  );
}

export function listingCard(listing: Listing): Card {
  if (listing.kind === 'home') {
    return finish(
      {
        kind: 'home',
        key: '',
        kicker: site.tagline,
        title: site.name,
        description: site.description,
      },
      `${site.name}: ${site.tagline}`,
    );
  }
  const kicker = listing.kicker ?? (listing.kind === 'author' ? 'Author' : listing.kind);
  return finish(
    {
      kind: listing.kind,
      key: listing.slug,
      kicker,
      title: listing.title,
      description: listing.description,
      image: localImage(listing.author?.avatar),
      portrait: listing.kind === 'author' || undefined,
    },
    `${site.name}: ${kicker} ${listing.title}`,
  );
}

function allListingCards(): Card[] {
  const listings = [
    getListing('home'),
    ...getSections().map((section) => getListing('section', section.slug)),
    ...getTags().map((tag) => getListing('tag', tag.slug)),
    ...getAuthors().map((author) => getListing('author', author.slug)),
  ];
  return listings.flatMap((listing) => (listing ? [listingCard(listing)] : []));
}

/** Translations: few beside the default language's archive, so each one's card is prerendered. */
function translatedArticles(): Article[] {
  return otherLocales.flatMap((locale) => getArticles(locale));
}

export function allCards(): Card[] {
  return [...allListingCards(), ...[...getArticles(), ...translatedArticles()].map(articleCard)];
}

let byHash: { articles: Article[]; cards: Map<string, Card> } | undefined;

export function findCard(kind: string, hash: string): Card | undefined {
  const articles = getArticles();
  if (byHash?.articles !== articles) {
    byHash = {
      articles,
      cards: new Map(allCards().map((card) => [`${card.kind}/${card.hash}`, card])),
    };
  }
  return byHash.cards.get(`${kind}/${hash}`);
}

/** The cards a build writes: every rendition of every card, or none (see prerendersShareFiles). */
export function prerenderedCards(): { card: Card; rendition: Rendition }[] {
  if (!prerendersShareFiles()) return [];
  return allCards().flatMap((card) => RENDITION_NAMES.map((rendition) => ({ card, rendition })));
}

export function cardFormat(card: CardContent): CardFormat {
  return card.image && !card.portrait ? 'jpeg' : 'png';
}

/** The file name of a card's rendition in its URL, e.g. `og.png` or `4x3.jpg`. */
export function cardFile(card: Card, rendition: Rendition): string {
  return `${rendition}.${CARD_FORMATS[cardFormat(card)].extension}`;
}

export function cardPath(card: Card, rendition: Rendition = 'og'): string {
  return `/cards/${card.kind}/${card.hash}/${cardFile(card, rendition)}`;
}

export function cardImage(card: Card, rendition: Rendition = 'og') {
  const { width, height } = RENDITIONS[rendition];
  return {
    url: absoluteUrl(cardPath(card, rendition)),
    width,
    height,
    alt: card.alt,
    type: CARD_FORMATS[cardFormat(card)].type,
  };
}

/** The rendition a card URL's file name asks for, if it is the name that card is served under. */
export function renditionOf(card: Card, file: string): Rendition | undefined {
  return RENDITION_NAMES.find((name) => cardFile(card, name) === file);
}
