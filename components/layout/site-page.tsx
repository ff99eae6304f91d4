import type { ReactNode } from 'react';
import { type LocalizedPage, switcherLinks } from '@/lib/i18n/alternates';
import { requestLocale } from '@/lib/i18n/request';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/**
 * Header, main and footer around one page. Every page and not-found view renders it (not the root
 * layout, which never re-renders on navigation), passing its versions in other languages, so the
 * language switcher links this page's translations, in the server's HTML and after a client-side
 * navigation alike (decision 0810).
 */
export function SitePage({
  translations = [],
  children,
}: {
  /** This page in every language it exists in, itself included (none: front pages only). */
  translations?: readonly LocalizedPage[];
  children: ReactNode;
}) {
  return (
    <>
      <SiteHeader languages={switcherLinks(requestLocale(), translations)} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
