import { notFoundResponse } from '@/lib/http';
import { liveSearchFile } from '@/lib/publisher/serving';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ file: string[] }> };

/** The search index the publisher keeps (SEARCH_LIVE_DIR); the proxy sends /pagefind/* here. */
export async function GET(_request: Request, { params }: Context) {
  const { file } = await params;
  return liveSearchFile(file) ?? notFoundResponse('no such search file');
}
