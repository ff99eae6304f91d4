import { homeFeedRoute } from '@/lib/feed-routes';

export const dynamic = 'force-static';
export const { GET } = homeFeedRoute('rss');
