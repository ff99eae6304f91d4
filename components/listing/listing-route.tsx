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
import { listingMetadata } from '@/lib/metadata';
import { ListingPage } from './listing-page';

type Props = { params: Promise<{ slug?: string; page?: string }> };

function listingRoute(kind: ListingKind, params: () => { slug?: string; page?: string }[]) {
  const view = async (props: Props) => {
    const { slug = '', page } = await props.params;
    return resolveListingPage(kind, slug, page);
  };
  return {
    generateStaticParams: params,
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
  return listingRoute(kind, () => listingSlugParams(kind));
}

/** Page 2 onwards of an archive: what each `…/page/[page]/page.tsx` exports. */
export function listingArchivePageRoute(kind: ListingKind) {
  return listingRoute(kind, () => listingPageParams(kind));
}
