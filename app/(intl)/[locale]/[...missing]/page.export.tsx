import type { Metadata } from 'next';
import { NotFoundView } from '@/components/layout/not-found-view';
import { paramsLocale } from '@/components/listing/listing-route';
import { setRequestLocale } from '@/lib/i18n/request';
import { translate } from '@/lib/i18n/messages';

type Props = { params: Promise<{ locale: string }> };

// The static export writes each language's not-found page as <code>/404.html, which the static
// server (and hosts that look for the nearest 404.html) answer unknown paths under /<code>/ with.
// Only the export has this route (next.config.js pageExtensions): a server answers those paths
// with the root not-found page, in the default language, since an on-demand notFound() under a
// nested root layout renders Next's error shell (vercel/next.js#82446), blank without JavaScript.
export function generateStaticParams() {
  return [{ missing: ['404'] }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return {
    title: translate(paramsLocale(await params), 'notFound.title'),
    robots: { index: false, follow: true },
  };
}

export default async function MissingPage({ params }: Props) {
  setRequestLocale(paramsLocale(await params));
  return <NotFoundView />;
}
