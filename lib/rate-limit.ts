import { RecentlyUsed } from '@/lib/recently-used';

interface Window {
  start: number;
  count: number;
}

/**
 * A fixed-window request counter per key (a client address), held in this process's memory: each
 * server instance counts on its own, and a restart forgets. Only the `keys` most recently seen
 * addresses are kept, so a flood of addresses cannot grow it without bound.
 */
export class RateLimit {
  readonly #windows: RecentlyUsed<string, Window>;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    keys = 10_000,
  ) {
    this.#windows = new RecentlyUsed(keys);
  }

  /**
   * Counts one request from `key` at `at` (milliseconds on a monotonic clock). Refused once the key
   * has made `limit` requests in the current window; `retryAfter` is the seconds until it ends.
   */
  take(key: string, at: number): { allowed: boolean; retryAfter: number } {
    const window = this.#windows.get(key, () => ({ start: at, count: 0 }));
    if (at - window.start >= this.windowMs) {
      window.start = at;
      window.count = 0;
    }
    window.count++;
    const retryAfter = Math.max(1, Math.ceil((window.start + this.windowMs - at) / 1000));
    return { allowed: window.count <= this.limit, retryAfter };
  }
}

/**
 * The address a request came from: the last X-Forwarded-For entry, which is the one the nearest
 * proxy (Varnish, nginx) appended, or the socket address Next itself sets when a request carries
 * none. A server reached directly, with no proxy in front, cannot tell a client's own
 * X-Forwarded-For from a proxy's (docs/preview-links.md).
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for') ?? '';
  return forwarded.split(',').at(-1)?.trim() || 'unknown';
}
