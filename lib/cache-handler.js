// @ts-check
// Next's cache, shared by every instance through Redis: next.config names this file as
// `cacheHandler` when REDIS_URL is set, and Next loads it at run time as plain JavaScript.
import fs from 'node:fs';
import path from 'node:path';
import { RedisStringsHandler } from '@trieb.work/nextjs-turbo-redis-cache';
import { settings } from './settings.js';

const LOCAL_ENTRIES = 300;
// Redis announces every write, delete, expiry and eviction of a key on these channels, so each
// instance can keep the entries it read in memory and drop one the moment it changes anywhere.
export const KEYSPACE_EVENTS = 'Eg$xe';
const EVENTS = ['del', 'set', 'expired', 'evicted'].map((event) => `__keyevent@0__:${event}`);

/**
 * @typedef {{ lastModified: number, tags?: string[], value: any }} Entry
 * @typedef {{
 *   client: import('redis').RedisClientType,
 *   revalidatedTagsMap: { get(tag: string): number | undefined },
 *   get: RedisStringsHandler['get'],
 *   set: RedisStringsHandler['set'],
 *   revalidateTag: RedisStringsHandler['revalidateTag'],
 * }} Shared the library's handler, with the client it keeps private
 * @typedef {{
 *   shared?: Shared,
 *   prefix: string,
 *   down: boolean,
 *   coherent: boolean,
 *   generation: number,
 *   local: Map<string, Entry>,
 *   pages: Map<string, string>,
 * }} State
 */

/**
 * Next loads this file twice per process (the server, and bundled into the route modules and the
 * proxy): every copy shares one client and one state through the global object.
 */
const global = /** @type {Record<symbol, State | undefined>} */ (
  /** @type {unknown} */ (globalThis)
);
/** @type {State} */
const state = (global[Symbol.for('meridian.sharedCache')] ??= {
  prefix: '',
  down: false,
  // Whether `local` is kept in step with Redis by keyspace events (else it only serves outages).
  coherent: false,
  // Bumped on every change event: a read that raced a change is not remembered.
  generation: 0,
  // What this instance read or wrote last: served while it is known current, or Redis is away.
  local: new Map(),
  // Page path → Next's cache key for it (which names the route it belongs to), as Next asked.
  pages: new Map(),
});
const { local, pages } = state;
const PAGE_KEY = /^\/route-cache\/APP_(?:PAGE|ROUTE)\/[^/]+\/\$(\/.*)$/;

/** @param {string} key */
function notePage(key) {
  const page = PAGE_KEY.exec(key)?.[1];
  if (page && !pages.has(page)) pages.set(page, key);
}

/** @param {string} key @param {Entry | null | undefined} entry */
function remember(key, entry) {
  if (!entry) return;
  local.delete(key);
  local.set(key, entry);
  if (local.size > LOCAL_ENTRIES) local.delete(/** @type {string} */ (local.keys().next().value));
}

/** @param {unknown} error */
function reportDown(error) {
  state.coherent = false;
  if (state.down) return;
  state.down = true;
  const reason = error instanceof Error ? error.message : String(error);
  console.error(
    `Shared cache: Redis at ${settings.REDIS_URL} is unreachable (${reason}) this instance serves its own recent pages and renders the rest until Redis is back.`,
  );
}

function buildId() {
  const file = path.join(process.cwd(), settings.NEXT_DIST_DIR ?? '.next', 'BUILD_ID');
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * Listens for changes to any key of this build, so `local` can answer reads without asking Redis.
 * Without the events configured (a managed Redis may refuse CONFIG) every read goes to Redis.
 * @param {import('redis').RedisClientType} client
 */
async function follow(client) {
  const subscriber = client.duplicate();
  let following = false;
  subscriber.on('error', () => {
    state.coherent = false;
  });
  // On every (re)connection: the client subscribes again by itself, but what changed while it
  // was away went unheard.
  subscriber.on('ready', async () => {
    try {
      if (!following) {
        const config = await subscriber.configGet('notify-keyspace-events');
        const events = config['notify-keyspace-events'] ?? '';
        const all = events.includes('A');
        if (![...KEYSPACE_EVENTS].every((flag) => events.includes(flag) || (all && flag !== 'E'))) {
          console.error(
            `Shared cache: Redis at ${settings.REDIS_URL} has notify-keyspace-events "${events}"; set it to "${KEYSPACE_EVENTS}" so instances can keep pages in memory. Until then every read asks Redis.`,
          );
          return;
        }
        await subscriber.subscribe(EVENTS, (key) => {
          state.generation++;
          if (key.startsWith(state.prefix)) local.delete(key.slice(state.prefix.length));
        });
        following = true;
      }
      local.clear();
      state.coherent = true;
    } catch (error) {
      state.coherent = false;
      console.error(`Shared cache: not following changes in Redis (${String(error)}).`);
    }
  });
  await subscriber.connect().catch(() => {});
}

function open() {
  if (state.shared) return state.shared;
  state.prefix = `meridian:${buildId()}:`;
  const shared = /** @type {Shared} */ (
    /** @type {unknown} */ (
      new RedisStringsHandler({
        redisUrl: settings.REDIS_URL,
        database: 0,
        // One build, one key space: a new deployment never serves the previous build's pages.
        keyPrefix: state.prefix,
        getTimeoutMs: 500,
        // `local` is the in-memory copy; a second, time-based one would serve changed pages.
        inMemoryCachingTime: 0,
        socketOptions: {
          // Generous: the library never recovers its tag maps from a first connection that timed out.
          connectTimeout: 10_000,
          reconnectStrategy: (/** @type {number} */ retries) => Math.min(250 * (retries + 1), 2000),
        },
      })
    )
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
  void follow(client);
  return shared;
}

/**
 * Whether a page or route entry was revalidated after it was written. The library drops a page's
 * key on revalidation only when its shared tag map lists the key, and that map can lose an entry
 * (its start-up clean-up races another instance's write), which left an edited story's old page
 * served for good. Every revalidation time is also kept (revalidatedTagsMap), so an entry whose
 * tags were revalidated since it was written is refused, and Next renders it again.
 * @param {Entry} entry
 * @param {Pick<Shared, 'revalidatedTagsMap'>} shared
 */
export function revalidatedSince(entry, shared) {
  return (entry.tags ?? []).some(
    (tag) => (shared.revalidatedTagsMap.get(tag) ?? 0) > entry.lastModified,
  );
}

// The build writes its prerenders to disk; it never needs, nor waits for, Redis.
const building = process.env.NEXT_PHASE === 'phase-production-build';

export default class SharedCacheHandler {
  constructor() {
    this.redis = building || !settings.REDIS_URL ? undefined : open();
  }

  /** @param {Parameters<RedisStringsHandler['get']>} args @returns {Promise<Entry | null>} */
  async get(...args) {
    const [key] = args;
    if (!this.redis) return null;
    notePage(key);
    if (!this.redis.client.isReady || state.coherent) {
      const known = local.get(key);
      if (known && revalidatedSince(known, this.redis)) local.delete(key);
      else if (known || !this.redis.client.isReady) return known ?? null;
    }
    const generation = state.generation;
    const entry = await this.redis.get(...args);
    if (entry && revalidatedSince(entry, this.redis)) return null;
    if (generation === state.generation) remember(key, entry);
    return entry;
  }

  /** @param {Parameters<RedisStringsHandler['set']>} args */
  async set(...args) {
    const [key, value, context] = args;
    if (!this.redis) return;
    notePage(key);
    if (value) {
      // The tags the library stores with the entry (the context's and the page's own header).
      const header = /** @type {any} */ (value).headers?.['x-next-cache-tags'];
      const tags = [
        .../** @type {any} */ (context?.tags ?? []),
        ...(typeof header === 'string' ? header.split(',') : []),
      ];
      remember(key, { lastModified: Date.now(), tags, value });
    }
    if (this.redis.client.isReady) await this.redis.set(...args);
  }

  /** @param {Parameters<RedisStringsHandler['revalidateTag']>} args */
  async revalidateTag(...args) {
    if (!this.redis) return;
    if (this.redis.client.isReady) await this.redis.revalidateTag(...args);
    // Without waiting for Redis to announce the deletions: this instance may be asked next.
    state.generation++;
    local.clear();
  }

  resetRequestCache() {}
}

/**
 * The entry Next would serve for `pathname` (decoded) from the shared cache, a page or a route's
 * answer (a feed, JSON, a card): null when it is not cached or this instance has not served that
 * path yet; undefined without a shared cache (Next reads the build's files).
 * @param {string} pathname
 * @returns {Promise<Entry | null | undefined>}
 */
export async function sharedEntry(pathname) {
  if (building || !settings.REDIS_URL) return undefined;
  const key = pages.get(pathname === '/' ? '/index' : pathname.replace(/\/+$/, ''));
  if (!key) return null;
  const kind = key.startsWith('/route-cache/APP_ROUTE/') ? 'APP_ROUTE' : 'APP_PAGE';
  const entry = await new SharedCacheHandler().get(key, /** @type {any} */ ({ kind }));
  const value = entry?.value;
  if (value?.kind === 'APP_PAGE' && typeof value.html === 'string') return entry;
  if (value?.kind === 'APP_ROUTE' && Buffer.isBuffer(value.body)) return entry;
  return null;
}

/**
 * Applies `revalidatePath(path)` for each of `paths` (or `revalidatePath('/', 'layout')`, every
 * page, when `everything`) to the shared cache now, where Next would only after its answer, so
 * that an edge purge made next cannot be refilled with an old page by any instance.
 * @param {string[]} paths
 * @param {boolean} [everything]
 */
export async function revalidateShared(paths, everything = false) {
  if (building || !settings.REDIS_URL) return;
  const tags = everything
    ? ['_N_T_/layout']
    : paths.flatMap((p) => {
        const tag = `_N_T_${p.replace(/(.)\/+$/, '$1')}`;
        return tag === '_N_T_/' ? [tag, '_N_T_/index'] : [tag];
      });
  await new SharedCacheHandler().revalidateTag(tags);
}
