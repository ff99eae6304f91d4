import { describe, expect, it } from 'vitest';
import { jsonError } from '@/lib/http';

describe('jsonError', () => {
  it('answers {error} with no-store, which the caller may replace rather than add to', async () => {
    const plain = jsonError(404, 'no such thing');
    expect(plain.status).toBe(404);
    expect(plain.headers.get('cache-control')).toBe('no-store');
    expect(await plain.json()).toEqual({ error: 'no such thing' });
    const own = jsonError(429, 'slow down', {
      'Cache-Control': 'private, no-store',
      'Retry-After': '7',
    });
    expect(own.headers.get('cache-control')).toBe('private, no-store');
    expect(own.headers.get('retry-after')).toBe('7');
  });
});
