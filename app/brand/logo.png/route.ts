import { renderLogo } from '@/lib/og/card';

export const dynamic = 'force-static';

export function GET() {
  return renderLogo();
}
