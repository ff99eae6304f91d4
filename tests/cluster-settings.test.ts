import { describe, expect, it } from 'vitest';
import { parseSettings } from '@/lib/settings.js';

describe('the cluster settings', () => {
  it('takes a Redis URL, an edge URL and its purge secret', () => {
    const settings = parseSettings({
      REDIS_URL: 'redis://127.0.0.1:6379',
      EDGE_URL: 'http://127.0.0.1:8080',
      EDGE_PURGE_SECRET: 'shared',
    });
    expect([settings.REDIS_URL, settings.EDGE_URL, settings.EDGE_PURGE_SECRET]).toEqual([
      'redis://127.0.0.1:6379',
      'http://127.0.0.1:8080',
      'shared',
    ]);
  });

  it('names the variable and what it expects when one is wrong or missing', () => {
    expect(() => parseSettings({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(
      /REDIS_URL="http:\/\/127.0.0.1:6379" is not valid: expected a redis:\/\/ URL/,
    );
    expect(() => parseSettings({ EDGE_URL: 'http://127.0.0.1:8080' })).toThrow(
      /EDGE_PURGE_SECRET=.*the secret the edge \(EDGE_URL\) expects on a purge/,
    );
  });
});
