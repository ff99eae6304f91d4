import { describe, expect, it } from 'vitest';
import { RecentlyUsed } from '@/lib/recently-used';

describe('RecentlyUsed', () => {
  it('makes each value once and forgets the least recently used beyond its limit', () => {
    const made: string[] = [];
    const cache = new RecentlyUsed<string, string>(2);
    const get = (key: string) => cache.get(key, () => (made.push(key), key.toUpperCase()));
    expect(get('a')).toBe('A');
    get('b');
    get('a');
    get('c');
    expect(made).toEqual(['a', 'b', 'c']);
    get('a');
    get('b');
    expect(made).toEqual(['a', 'b', 'c', 'b']);
  });
});
