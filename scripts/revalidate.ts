/**
 * Tells a running server (`next start`) to publish what changed in content/ since it loaded it.
 *   REVALIDATE_TOKEN=… npm run revalidate -- [--url http://localhost:3000]
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SITE_URL, settings } from '../lib/settings.js';

const { values } = parseArgs({
  options: { url: { type: 'string', default: settings.SITE_URL || DEFAULT_SITE_URL } },
});
const token = settings.REVALIDATE_TOKEN;
if (!token) {
  console.error('revalidate: set REVALIDATE_TOKEN to the token the server was started with');
  process.exit(2);
}
const response = await fetch(new URL('/api/revalidate', values.url), {
  method: 'POST',
  headers: { authorization: `Bearer ${token}` },
});
const body: { changed?: string[]; revalidated?: number; message?: string } = await response.json();
if (!response.ok) {
  console.error(`revalidate: ${response.status} ${body.message ?? ''}`);
  process.exit(1);
}
console.log(
  `revalidate: ${body.changed?.length ?? 0} stories changed (${(body.changed ?? []).join(', ') || 'none'}), ${body.revalidated} paths revalidated`,
);
