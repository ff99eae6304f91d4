import type { Metadata } from 'next';
import { paramsLocale } from '@/components/listing/listing-route';
import { SearchPage } from '@/components/search/search-page';
import { setRequestLocale } from '@/lib/i18n/request';
import { searchMetadata } from '@/lib/metadata';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return searchMetadata(paramsLocale(await params));
}

export default async function LocaleSearch({ params }: Props) {
  setRequestLocale(paramsLocale(await params));
  return <SearchPage />;
}
