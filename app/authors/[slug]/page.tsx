import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListingPage } from '@/components/listing/listing-page';
import { JsonLd } from '@/components/seo/json-ld';
import { authorJsonLd } from '@/lib/json-ld';
import { listingSlugParams, resolveListingPage } from '@/lib/listings';
import { listingMetadata } from '@/lib/metadata';

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return listingSlugParams('author');
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = resolveListingPage('author', (await params).slug);
  return view ? listingMetadata(view) : {};
}

export default async function AuthorPage({ params }: Props) {
  const view = resolveListingPage('author', (await params).slug);
  if (!view) notFound();
  return (
    <>
      {view.listing.author && <JsonLd data={authorJsonLd(view.listing.author)} />}
      <ListingPage view={view} />
    </>
  );
}
