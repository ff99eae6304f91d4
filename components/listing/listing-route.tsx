import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/seo/json-ld';
import { authorJsonLd } from '@/lib/json-ld';
import {
  listingPageParams,
  listingSlugParams,
  type ListingKind,
  resolveListingPage,
} from '@/lib/listings';
import { setRequestLocale } from '@/lib/i18n/request';
import { listingMetadata } from '@/lib/metadata';
import { defaultLocale, isLocale, type Locale } from '@/lib/site';
import { ListingPage } from './listing-page';

type Params = { slug?: string; page?: string; locale?: string };
type Props = { params: Promise<Params> };

/** The language of a route's params: the `[locale]` segment under app/(intl), else the default. */
export function paramsLocale(params: { locale?: unknown }): Locale {
  return typeof params.locale === 'string' && isLocale(params.locale)
    ? params.locale
    : defaultLocale;
}

/** What Next passes generateStaticParams: the params of the segments above (`locale`, if any). */
export type ParentParams = { params?: Record<string, unknown> };

function listingRoute(
  kind: ListingKind,
  params: (locale: Locale) => { slug?: string; page?: string }[],
) {
  const view = async (props: Props) => {
    const resolved = await props.params;
    const locale = paramsLocale(resolved);
    setRequestLocale(locale);
    return resolveListingPage(kind, resolved.slug ?? '', resolved.page, locale);
  };
  return {
    generateStaticParams: ({ params: parent }: ParentParams = {}) =>
      params(paramsLocale(parent ?? {})),
    async generateMetadata(props: Props): Promise<Metadata> {
      const found = await view(props);
      return found ? listingMetadata(found) : {};
    },
    async Page(props: Props) {
      const found = await view(props);
      if (!found) notFound();
      const { author } = found.listing;
      return (
        <>
          {author && found.page.page === 1 && <JsonLd data={authorJsonLd(author)} />}
          <ListingPage view={found} />
        </>
      );
    },
  };
}

/** A section's, tag's or author's first page: what `app/<kind>s/[slug]/page.tsx` exports. */
export function listingFirstPageRoute(kind: 'section' | 'tag' | 'author') {
  return listingRoute(kind, (locale) => listingSlugParams(kind, locale));
}

/** Page 2 onwards of an archive: what each `…/page/[page]/page.tsx` exports. */
export function listingArchivePageRoute(kind: ListingKind) {
  return listingRoute(kind, (locale) => listingPageParams(kind, locale));
}
