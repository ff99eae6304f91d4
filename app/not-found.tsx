import { NotFoundView } from '@/components/layout/not-found-view';
import { SiteDocument } from '@/components/layout/site-document';
import { defaultLocale } from '@/lib/site';

/** A URL no route matches: the same page as a notFound() inside the default language's routes. */
export default function NotFound() {
  return (
    <SiteDocument locale={defaultLocale}>
      <NotFoundView />
    </SiteDocument>
  );
}
