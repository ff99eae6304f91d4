import { listingFeedRoute } from '@/lib/feed-routes';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const { GET, generateStaticParams } = listingFeedRoute('author', 'json');
