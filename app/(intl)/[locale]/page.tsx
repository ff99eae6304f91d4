import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { paramsLocale } from '@/components/listing/listing-route';
import { HomeView } from '@/components/listing/home-view';
import { JsonLd } from '@/components/seo/json-ld';
import { setRequestLocale } from '@/lib/i18n/request';
import { websiteJsonLd } from '@/lib/json-ld';
import { resolveListingPage } from '@/lib/listings';
import { homeMetadata } from '@/lib/metadata';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return homeMetadata(paramsLocale(await params));
}

export default async function LocaleHomePage({ params }: Props) {
  const locale = paramsLocale(await params);
  setRequestLocale(locale);
  const view = resolveListingPage('home', '', undefined, locale);
  if (!view) notFound();
  return (
    <>
      <JsonLd data={websiteJsonLd(locale)} />
      <HomeView page={view.page} />
    </>
  );
}
