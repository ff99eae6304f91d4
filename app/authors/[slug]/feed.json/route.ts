import { feedResponse } from '@/lib/feeds';
import { listingSlugParams } from '@/lib/listings';

type Context = { params: Promise<{ slug: string }> };

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return listingSlugParams('author');
}

export async function GET(_request: Request, { params }: Context) {
  return feedResponse('author', (await params).slug, 'json');
}
