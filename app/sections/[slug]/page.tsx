import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListingPage } from '@/components/listing/listing-page';
import { listingSlugParams, resolveListingPage } from '@/lib/listings';
import { listingMetadata } from '@/lib/metadata';

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return listingSlugParams('section');
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = resolveListingPage('section', (await params).slug);
  return view ? listingMetadata(view) : {};
}

export default async function SectionPage({ params }: Props) {
  const view = resolveListingPage('section', (await params).slug);
  if (!view) notFound();
  return <ListingPage view={view} />;
}
