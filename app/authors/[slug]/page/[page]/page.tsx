import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListingPage } from '@/components/listing/listing-page';
import { listingPageParams, resolveListingPage } from '@/lib/listings';
import { listingMetadata } from '@/lib/metadata';

type Props = { params: Promise<{ slug: string; page: string }> };

export function generateStaticParams() {
  return listingPageParams('author');
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  const view = resolveListingPage('author', slug, page);
  return view ? listingMetadata(view) : {};
}

export default async function AuthorArchivePage({ params }: Props) {
  const { slug, page } = await params;
  const view = resolveListingPage('author', slug, page);
  if (!view) notFound();
  return <ListingPage view={view} />;
}
