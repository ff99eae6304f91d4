import { sitemapChunkParams, sitemapChunkResponse } from '@/lib/sitemaps';

type Context = { params: Promise<{ file: string }> };

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return sitemapChunkParams();
}

export async function GET(_request: Request, { params }: Context) {
  return sitemapChunkResponse((await params).file);
}
