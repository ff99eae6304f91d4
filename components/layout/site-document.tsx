import type { ReactNode } from 'react';
import { arabic, sans, serif } from '@/app/fonts';
import { setRequestLocale } from '@/lib/i18n/request';
import { type Locale, localeInfo } from '@/lib/site';
import { ThemeScript } from './theme-script';

/**
 * The document around every route, in one language: `<html lang dir>`. The default language's
 * routes (app/(default)) and the others' (app/(intl)/[locale]) each have a root layout that
 * renders it, so each language's pages carry their own `lang` and `dir`. The header, main and
 * footer are the page's own (SitePage), so the language switcher knows the page it is on.
 */
export function SiteDocument({ locale, children }: { locale: Locale; children: ReactNode }) {
  setRequestLocale(locale);
  const info = localeInfo(locale);
  return (
    <html
      lang={info.tag}
      dir={info.dir}
      className={`${sans.variable} ${serif.variable}${info.dir === 'rtl' ? ` ${arabic.variable}` : ''}`}
      suppressHydrationWarning
    >
      {/* eslint-disable-next-line @next/next/no-head-element -- a root layout's <head>, rendered for it */}
      <head>
        <ThemeScript />
      </head>
      <body>{children}</body>
    </html>
  );
}
