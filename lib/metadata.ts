import type { Metadata, Viewport } from 'next';
import type { Article } from '@/lib/content';
import { feedLinks } from '@/lib/feeds';
import { getListing, type Listing, type ListingPageView, pageHref } from '@/lib/listings';
import { site } from '@/lib/site';

export function rootMetadata(): Metadata {
  return {
    metadataBase: site.url,
    title: { default: site.name, template: `%s | ${site.name}` },
    description: site.description,
    applicationName: site.name,
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

export function articleMetadata(article: Article): Metadata {
  return {
    title: article.title,
    description: article.summary,
    alternates: { canonical: article.canonical ?? article.url },
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

export function homeMetadata(): Metadata {
  return {
    title: { absolute: `${site.name}: ${site.tagline}` },
    description: site.description,
    alternates: { canonical: '/', ...feedAlternates(getListing('home')) },
  };
}

export function listingMetadata({ listing, page }: ListingPageView): Metadata {
  const title = page.page > 1 ? `${listing.title} – page ${page.page}` : listing.title;
  return {
    title,
    description: listing.description,
    alternates: { canonical: pageHref(listing.basePath, page.page), ...feedAlternates(listing) },
  };
}

export function searchMetadata(): Metadata {
  return {
    title: 'Search',
    description: `Search every story in ${site.name}.`,
    alternates: { canonical: '/search' },
    robots: { index: false, follow: true },
  };
}
