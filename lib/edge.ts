import { settings } from '@/lib/settings.js';

export type EdgePurge =
  { status: 'off' } | { status: 'purged'; objects: number } | { status: 'failed'; error: string };

/**
 * Purges every object the edge (Varnish with xkey, deploy/varnish/default.vcl) holds under any of
 * `keys`. Off unless EDGE_URL is set. The VCL takes a purge only from an origin's address with
 * the shared secret, and answers "Purged <count>".
 */
export async function purgeEdge(keys: string[]): Promise<EdgePurge> {
  if (!settings.EDGE_URL || keys.length === 0) return { status: 'off' };
  try {
    const response = await fetch(settings.EDGE_URL, {
      method: 'PURGE',
      headers: { xkey: keys.join(' '), 'x-purge-secret': settings.EDGE_PURGE_SECRET ?? '' },
      signal: AbortSignal.timeout(5000),
    });
    const text = (await response.text()).trim();
    const count = /^Purged (\d+)$/.exec(text)?.[1];
    if (!response.ok || count === undefined) {
      return { status: 'failed', error: `the edge answered ${response.status}: ${text}` };
    }
    return { status: 'purged', objects: Number(count) };
  } catch (error) {
    return {
      status: 'failed',
      error: `the edge at ${settings.EDGE_URL} did not answer: ${String(error)}`,
    };
  }
}
