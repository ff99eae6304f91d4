import type { NextRequest } from 'next/server';
import { oembed } from '@/lib/oembed';

export function GET(request: NextRequest) {
  const { status, body } = oembed(request.nextUrl.searchParams);
  return Response.json(body, {
    status,
    headers: {
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': status === 200 ? 'public, max-age=3600' : 'no-store',
    },
  });
}
