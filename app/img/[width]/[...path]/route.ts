import { exportImageVariants, resizedImage } from '@/lib/content/images';
import { notFoundResponse } from '@/lib/http';

// The static export's resized copies of public/images/ (see lib/image-loader.js); the server modes
// resize with Next's image optimiser instead and list none.
export const dynamic = 'force-static';
export const dynamicParams = false;

type Params = { width: string; path: string[] };

export function generateStaticParams(): Params[] {
  return exportImageVariants();
}

export async function GET(_request: Request, { params }: { params: Promise<Params> }) {
  const { width, path } = await params;
  const image = await resizedImage(`/${path.join('/')}`, Number(width));
  if (!image) return notFoundResponse('no such image');
  return new Response(new Uint8Array(image.bytes), {
    headers: {
      'Content-Type': image.type,
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  });
}
