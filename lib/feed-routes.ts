import { type FeedFormat, feedResponse } from '@/lib/feeds';
import { notFoundResponse } from '@/lib/http';
import { listingSlugParams } from '@/lib/listings';
import { isLocale, otherLocales } from '@/lib/site';

type Context = { params: Promise<{ slug: string }> };
type LocaleContext = { params: Promise<{ locale: string; slug?: string }> };

/** The site's own feed in one format: what `app/<feed file>/route.ts` exports. */
export function homeFeedRoute(format: FeedFormat) {
  return { GET: () => feedResponse('home', '', format) };
}

/** A section's or author's feed in one format, one prerendered file per slug. */
export function listingFeedRoute(kind: 'section' | 'author', format: FeedFormat) {
  return {
    generateStaticParams: () => listingSlugParams(kind),
    GET: async (_request: Request, { params }: Context) =>
      feedResponse(kind, (await params).slug, format),
  };
}

/** Another language's feed in one format (`/ko/feed.xml`, `/ko/sections/<slug>/feed.xml`…). */
export function localeFeedRoute(kind: 'home' | 'section' | 'author', format: FeedFormat) {
  return {
    generateStaticParams: () =>
      otherLocales.flatMap((locale) =>
        kind === 'home'
          ? [{ locale }]
          : listingSlugParams(kind, locale).map(({ slug }) => ({ locale, slug })),
      ),
    GET: async (_request: Request, { params }: LocaleContext) => {
      const { locale, slug = '' } = await params;
      return isLocale(locale)
        ? feedResponse(kind, slug, format, locale)
        : notFoundResponse(`no language "${locale}"`);
    },
  };
}
