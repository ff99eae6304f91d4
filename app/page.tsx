import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { HomeView } from '@/components/listing/home-view';
import { resolveListingPage } from '@/lib/listings';
import { homeMetadata } from '@/lib/metadata';

export function generateMetadata(): Metadata {
  return homeMetadata();
}

export default function HomePage() {
  const view = resolveListingPage('home', '');
  if (!view) notFound();
  return <HomeView page={view.page} />;
}
