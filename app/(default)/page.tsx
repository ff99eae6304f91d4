import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { HomeView } from '@/components/listing/home-view';
import { JsonLd } from '@/components/seo/json-ld';
import { websiteJsonLd } from '@/lib/json-ld';
import { resolveListingPage } from '@/lib/listings';
import { homeMetadata } from '@/lib/metadata';

export function generateMetadata(): Metadata {
  return homeMetadata();
}

export default function HomePage() {
  const view = resolveListingPage('home', '');
  if (!view) notFound();
  return (
    <>
      <JsonLd data={websiteJsonLd()} />
      <HomeView page={view.page} />
    </>
  );
}
