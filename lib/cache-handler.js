// @ts-check
// Next's cache, shared by every instance through Redis: next.config names this file as
// `cacheHandler` when REDIS_URL is set, and Next loads it at run time as plain JavaScript.
import fs from 'node:fs';
import path from 'node:path';
import { RedisStringsHandler } from '@trieb.work/nextjs-turbo-redis-cache';
import { settings } from './settings.js';

const LOCAL_ENTRIES = 500;

/**
 * @typedef {{ lastModified: number, value: unknown }} Entry
 * @typedef {{ client: import('redis').RedisClientType }} WithClient
 */

/**
 * Next loads this file twice per process (the server, and bundled into the route modules): both
 * copies share one client and one state through the global object.
 * @type {{ shared?: RedisStringsHandler & WithClient, down: boolean, local: Map<string, Entry> }}
 */
const state = /** @type {any} */ (
  globalThis[Symbol.for('meridian.sharedCache')] ??= {
    down: false,
    // What this instance read or wrote last, served while Redis is away.
    local: new Map(),
  }
);
const { local } = state;

/** @param {string} key @param {Entry | null | undefined} entry */
function remember(key, entry) {
  if (!entry) return;
  local.delete(key);
  local.set(key, entry);
  if (local.size > LOCAL_ENTRIES) local.delete(/** @type {string} */ (local.keys().next().value));
}

/** @param {unknown} error */
function reportDown(error) {
  if (state.down) return;
  state.down = true;
  const reason = error instanceof Error ? error.message : String(error);
  console.error(
    `Shared cache: Redis at ${settings.REDIS_URL} is unreachable (${reason}); this instance serves its own recent pages and renders the rest until Redis is back.`,
  );
}

function buildId() {
  const file = path.join(process.cwd(), settings.NEXT_DIST_DIR ?? '.next', 'BUILD_ID');
  return fs.readFileSync(file, 'utf8').trim();
}

function open() {
  if (state.shared) return state.shared;
  const shared = /** @type {RedisStringsHandler & WithClient} */ (
    new RedisStringsHandler({
      redisUrl: settings.REDIS_URL,
      database: 0,
      // One build, one key space: a new deployment never serves the previous build's pages.
      keyPrefix: `meridian:${buildId()}:`,
      getTimeoutMs: 500,
      inMemoryCachingTime: 1000,
      socketOptions: {
        // Generous: the library never recovers its tag maps from a first connection that timed out.
        connectTimeout: 10_000,
        reconnectStrategy: (/** @type {number} */ retries) => Math.min(250 * (retries + 1), 2000),
      },
    })
  );
  // The library logs every failed command; the fault is reported once, and the recovery once.
  const { client } = shared;
  client.removeAllListeners('error');
  client.on('error', reportDown);
  client.on('ready', () => {
    if (!state.down) return;
    state.down = false;
    // Other instances may have revalidated pages meanwhile: Redis is the truth again.
    local.clear();
    console.error(`Shared cache: Redis at ${settings.REDIS_URL} is back.`);
  });
  state.shared = shared;
  return shared;
}

// The build writes its prerenders to disk; it never needs, nor waits for, Redis.
const building = process.env.NEXT_PHASE === 'phase-production-build';

export default class SharedCacheHandler {
  constructor() {
    this.redis = building ? undefined : open();
  }

  /** @param {Parameters<RedisStringsHandler['get']>} args */
  async get(...args) {
    const [key] = args;
    if (!this.redis) return null;
    if (!this.redis.client.isReady) return local.get(key) ?? null;
    const entry = await this.redis.get(...args);
    remember(key, entry);
    return entry;
  }

  /** @param {Parameters<RedisStringsHandler['set']>} args */
  async set(...args) {
    const [key, value] = args;
    if (!this.redis) return;
    if (value) remember(key, { lastModified: Date.now(), value });
    if (this.redis.client.isReady) await this.redis.set(...args);
  }

  /** @param {Parameters<RedisStringsHandler['revalidateTag']>} args */
  async revalidateTag(...args) {
    if (!this.redis) return;
    if (this.redis.client.isReady) return this.redis.revalidateTag(...args);
    local.clear();
  }

  resetRequestCache() {}
}
