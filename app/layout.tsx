import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { rootMetadata, rootViewport } from '@/lib/metadata';
import './globals.css';

export const metadata: Metadata = rootMetadata();
export const viewport: Viewport = rootViewport();

// Each language's routes have their own layout that renders <html lang dir> (SiteDocument): the
// default language's in app/(default), the others' in app/(intl)/[locale]. This one only passes
// through, and is the layout of the not-found page for URLs no route matches.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
