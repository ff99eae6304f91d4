import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NotFoundView } from '@/components/layout/not-found-view';
import { paramsLocale } from '@/components/listing/listing-route';
import { setRequestLocale } from '@/lib/i18n/request';
import { translate } from '@/lib/i18n/messages';
import { staticExport } from '@/lib/site';

type Props = { params: Promise<{ locale: string }> };

// The static export writes each language's not-found page as <code>/404.html, which the static
// server (and hosts that look for the nearest 404.html) answer unknown paths under /<code>/ with.
// A server answers those paths before rendering (dynamicParams = false in the layout) with the
// root not-found page, in the default language: an on-demand notFound() under a nested root layout
// renders Next's error shell instead (vercel/next.js#82446), blank without JavaScript.
export function generateStaticParams() {
  return staticExport ? [{ missing: ['404'] }] : [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return {
    title: translate(paramsLocale(await params), 'notFound.title'),
    robots: { index: false, follow: true },
  };
}

export default async function MissingPage({ params }: Props) {
  setRequestLocale(paramsLocale(await params));
  if (!staticExport) notFound();
  return <NotFoundView />;
}
