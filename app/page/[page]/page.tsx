import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListingPage } from '@/components/listing/listing-page';
import { listingPageParams, resolveListingPage } from '@/lib/listings';
import { listingMetadata } from '@/lib/metadata';

type Props = { params: Promise<{ page: string }> };

export function generateStaticParams() {
  return listingPageParams('home');
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = resolveListingPage('home', '', (await params).page);
  return view ? listingMetadata(view) : {};
}

export default async function HomeArchivePage({ params }: Props) {
  const view = resolveListingPage('home', '', (await params).page);
  if (!view) notFound();
  return <ListingPage view={view} />;
}
