import { type FeedFormat, feedResponse } from '@/lib/feeds';
import { listingSlugParams } from '@/lib/listings';

type Context = { params: Promise<{ slug: string }> };

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
