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

/** @type {(RedisStringsHandler & WithClient) | undefined} */
let shared;
let down = false;
/** What this instance read or wrote last, served while Redis is away. @type {Map<string, Entry>} */
const local = new Map();

/** @param {string} key @param {Entry | null | undefined} entry */
function remember(key, entry) {
  if (!entry) return;
  local.delete(key);
  local.set(key, entry);
  if (local.size > LOCAL_ENTRIES) local.delete(/** @type {string} */ (local.keys().next().value));
}

/** @param {unknown} error */
function reportDown(error) {
  if (down) return;
  down = true;
  const reason = error instanceof Error ? error.message : String(error);
  console.error(
    `Shared cache: Redis at ${settings.REDIS_URL} is unreachable (${reason}); this instance serves its own recent pages and renders the rest until Redis is back.`,
  );
}

/** @param {string | undefined} serverDistDir */
function buildId(serverDistDir) {
  try {
    return fs.readFileSync(path.join(serverDistDir ?? '.next/server', '..', 'BUILD_ID'), 'utf8');
  } catch {
    return 'unknown-build';
  }
}

/** @param {{ serverDistDir?: string }} options */
function open(options) {
  if (shared) return shared;
  shared = /** @type {RedisStringsHandler & WithClient} */ (
    new RedisStringsHandler({
      redisUrl: settings.REDIS_URL,
      database: 0,
      // One build, one key space: a new deployment never serves the previous build's pages.
      keyPrefix: `meridian:${buildId(options.serverDistDir).trim()}:`,
      getTimeoutMs: 500,
      inMemoryCachingTime: 1000,
      // Fail fast while Redis is away instead of queueing every request's command.
      clientOptions: { disableOfflineQueue: true },
      socketOptions: {
        connectTimeout: 1000,
        reconnectStrategy: (/** @type {number} */ retries) => Math.min(250 * (retries + 1), 2000),
      },
    })
  );
  // The library logs every failed command; the fault is reported once, and the recovery once.
  const { client } = shared;
  client.removeAllListeners('error');
  client.on('error', reportDown);
  client.on('ready', () => {
    if (!down) return;
    down = false;
    // Other instances may have revalidated pages meanwhile: Redis is the truth again.
    local.clear();
    console.error(`Shared cache: Redis at ${settings.REDIS_URL} is back.`);
  });
  return shared;
}

export default class SharedCacheHandler {
  /** @param {{ serverDistDir?: string }} options */
  constructor(options) {
    this.redis = open(options);
  }

  /** @param {Parameters<RedisStringsHandler['get']>} args */
  async get(...args) {
    const [key] = args;
    if (!this.redis.client.isReady) return local.get(key) ?? null;
    const entry = await this.redis.get(...args);
    remember(key, entry);
    return entry;
  }

  /** @param {Parameters<RedisStringsHandler['set']>} args */
  async set(...args) {
    const [key, value] = args;
    if (value) remember(key, { lastModified: Date.now(), value });
    if (this.redis.client.isReady) await this.redis.set(...args);
  }

  /** @param {Parameters<RedisStringsHandler['revalidateTag']>} args */
  async revalidateTag(...args) {
    if (this.redis.client.isReady) return this.redis.revalidateTag(...args);
    local.clear();
  }

  resetRequestCache() {}
}
