import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NotFoundView } from '@/components/layout/not-found-view';
import { paramsLocale } from '@/components/listing/listing-route';
import { setRequestLocale } from '@/lib/i18n/request';
import { translate } from '@/lib/i18n/messages';
import { staticExport } from '@/lib/site';

type Props = { params: Promise<{ locale: string }> };

// Any other path under a language (/ko/no-such-page) gets that language's not-found page: a server
// answers 404 with it; the static export writes it as <code>/404.html, which the static server
// (and hosts that look for the nearest 404.html) answer unknown paths under /<code>/ with.
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
