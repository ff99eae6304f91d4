import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { SiteDocument } from '@/components/layout/site-document';
import { isLocale, otherLocales } from '@/lib/site';

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return otherLocales.map((locale) => ({ locale }));
}

/** The root layout of every language but the default: `/ko/…`, `/ar/…` with their lang and dir. */
export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return <SiteDocument locale={locale}>{children}</SiteDocument>;
}
