import type { ReactNode } from 'react';
import { SiteDocument } from '@/components/layout/site-document';
import { defaultLocale } from '@/lib/site';

export default function DefaultLocaleLayout({ children }: { children: ReactNode }) {
  return <SiteDocument locale={defaultLocale}>{children}</SiteDocument>;
}
