import type { Metadata, Viewport } from 'next';
import { type Article, type Author, getTranslations } from '@/lib/content';
import { nameIn } from '@/lib/content/schema';
import {
  everyLocalePage,
  type LocalizedPage,
  metadataLanguages,
  openGraphLocales,
} from '@/lib/i18n/alternates';
import { translate } from '@/lib/i18n/messages';
import { feedLinks, liveFeedPath } from '@/lib/feeds';
import { joinNames } from '@/lib/format';
import { getListing, type Listing, type ListingPageView, pageHref } from '@/lib/listings';
import { articleCard, type Card, cardImage, listingCard } from '@/lib/og/cards';
import { OEMBED_JSON_SUFFIX } from '@/lib/oembed';
import {
  absoluteUrl,
  defaultLocale,
  type Locale,
  localePath,
  site,
  staticExport,
} from '@/lib/site';

export function rootMetadata(): Metadata {
  return {
    metadataBase: site.url,
    title: { default: site.name, template: `%s | ${site.name}` },
    description: site.description,
    applicationName: site.name,
    robots: { index: true, follow: true, 'max-image-preview': 'large' },
  };
}

export function rootViewport(): Viewport {
  return {
    themeColor: [
      { media: '(prefers-color-scheme: light)', color: site.themeColor.light },
      { media: '(prefers-color-scheme: dark)', color: site.themeColor.dark },
    ],
  };
}

export function articleUrl(article: Article): string {
  return article.canonical ?? absoluteUrl(article.url);
}

export function oembedUrl(article: Article): string {
  if (staticExport) return absoluteUrl(`/api/oembed/${article.slug}${OEMBED_JSON_SUFFIX}`);
  return absoluteUrl(`/api/oembed?url=${encodeURIComponent(absoluteUrl(article.url))}&format=json`);
}

const X_PROFILE = /^https?:\/\/(?:www\.)?(?:x|twitter)\.com\/@?([A-Za-z0-9_]{1,15})\/?$/;

export function xHandle(author: Author): string | undefined {
  for (const url of Object.values(author.links)) {
    const match = X_PROFILE.exec(url);
    if (match?.[1]) return `@${match[1]}`;
  }
  return undefined;
}

interface Share {
  title: string;
  description: string;
  url: string;
  card: Card;
  locale?: Locale;
  /** The same page in every language it is published in (itself included). */
  translations?: readonly LocalizedPage[];
}

function shareTags(
  { title, description, url, card, locale = defaultLocale, translations = [] }: Share,
  creator?: string,
) {
  const image = cardImage(card);
  const { locale: ogLocale, alternateLocale } = openGraphLocales(locale, translations);
  return {
    openGraph: {
      siteName: site.name,
      locale: ogLocale,
      ...(alternateLocale.length ? { alternateLocale } : {}),
      url,
      title,
      description,
      images: [image],
    },
    twitter: {
      card: 'summary_large_image' as const,
      site: site.socials.x,
      ...(creator ? { creator } : {}),
      title,
      description,
      images: [{ url: image.url, alt: image.alt }],
    },
  };
}

export function articleMetadata(article: Article): Metadata {
  const url = articleUrl(article);
  const { locale } = article;
  const names = article.authors.map((author) => nameIn(author, locale));
  const translations = getTranslations(article);
  const languages = metadataLanguages(translations);
  const share = shareTags(
    {
      title: article.title,
      description: article.summary,
      url,
      card: articleCard(article),
      locale,
      translations,
    },
    article.authors.map(xHandle).find(Boolean),
  );
  return {
    title: article.title,
    description: article.summary,
    authors: article.authors.map((author) => ({ name: author.name, url: absoluteUrl(author.url) })),
    alternates: {
      canonical: url,
      ...(Object.keys(languages).length ? { languages } : {}),
      types: {
        'application/json+oembed': [{ url: oembedUrl(article), title: article.title }],
        ...(article.live
          ? {
              'application/rss+xml': [
                { url: liveFeedPath(article), title: `${article.title} (RSS)` },
              ],
            }
          : {}),
      },
    },
    openGraph: {
      ...share.openGraph,
      type: 'article',
      publishedTime: article.date,
      modifiedTime: article.dateModified,
      authors: article.authors.map((author) => absoluteUrl(author.url)),
      section: nameIn(article.section, locale),
      tags: article.tags.map((tag) => nameIn(tag, locale)),
    },
    twitter: share.twitter,
    other: {
      'twitter:label1': translate(locale, 'meta.writtenBy'),
      'twitter:data1': joinNames(names, locale),
      'twitter:label2': translate(locale, 'meta.readingTime'),
      'twitter:data2': translate(locale, 'article.readingTime', {
        minutes: article.readingTime.minutes,
      }),
      ...(article.live ? { 'og:updated_time': article.dateModified } : {}),
    },
  };
}

type AlternateTypes = NonNullable<Metadata['alternates']>['types'];

function feedAlternates(listing: Listing | undefined): { types?: AlternateTypes } {
  if (!listing || listing.kind === 'tag') return {};
  return {
    types: Object.fromEntries(
      feedLinks(listing).map(({ type, url, title }) => [type, [{ url, title }]]),
    ),
  };
}

export function homeMetadata(locale: Locale = defaultLocale): Metadata {
  const home = getListing('home', '', locale);
  if (!home) return {};
  const title = `${site.name}: ${translate(locale, 'tagline')}`;
  const translations = everyLocalePage('/');
  const share = shareTags({
    title,
    description: home.description,
    url: absoluteUrl(home.basePath),
    card: listingCard(home),
    locale,
    translations,
  });
  return {
    title: { absolute: title },
    description: home.description,
    alternates: {
      canonical: absoluteUrl(home.basePath),
      languages: metadataLanguages(translations),
      ...feedAlternates(home),
    },
    openGraph: { ...share.openGraph, type: 'website' },
    twitter: share.twitter,
  };
}

export function listingMetadata({ listing, page }: ListingPageView): Metadata {
  if (listing.kind === 'home' && page.page === 1) return homeMetadata(listing.locale);
  const title =
    page.page > 1
      ? translate(listing.locale, 'listing.pageTitle', { title: listing.title, page: page.page })
      : listing.title;
  const url = absoluteUrl(pageHref(listing.basePath, page.page));
  const share = shareTags({
    title: `${title} | ${site.name}`,
    description: listing.description,
    url,
    card: listingCard(listing),
    locale: listing.locale,
  });
  return {
    title,
    description: listing.description,
    alternates: { canonical: url, ...feedAlternates(listing) },
    openGraph: {
      ...share.openGraph,
      type: listing.kind === 'author' ? 'profile' : 'website',
    },
    twitter: share.twitter,
  };
}

export function searchMetadata(locale: Locale = defaultLocale): Metadata {
  return {
    title: translate(locale, 'search.title'),
    description: translate(locale, 'search.description', { site: site.name }),
    alternates: { canonical: absoluteUrl(localePath(locale, '/search')) },
    robots: { index: false, follow: true },
  };
}

/**
 * A signed preview (app/preview): no summary, Open Graph, Twitter, oEmbed or canonical link,
 * and a title without the headline, so a link pasted into a chat app unfolds into nothing.
 */
export function previewMetadata(): Metadata {
  return {
    title: 'Preview (not published)',
    robots: { index: false, follow: false, noarchive: true },
    referrer: 'no-referrer',
  };
}
