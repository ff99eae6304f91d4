import { feedResponse } from '@/lib/feeds';
import { listingSlugParams } from '@/lib/listings';

type Context = { params: Promise<{ slug: string }> };

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return listingSlugParams('section');
}

export async function GET(_request: Request, { params }: Context) {
  return feedResponse('section', (await params).slug, 'json');
}
