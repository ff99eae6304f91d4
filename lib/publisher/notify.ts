import type { Problem } from './check';

export interface Delivery {
  what: string;
  url: string;
  init: RequestInit;
}

const ATTEMPTS = 5;
const FIRST_DELAY_MS = 1000;
const TIMEOUT_MS = 10_000;

/**
 * Sends each delivery in the background, retrying a failure (network error or non-2xx) after 1,
 * 2, 4 and 8 s, then giving up with a log line. Nothing waits for it: publishing never does.
 */
export function deliver(delivery: Delivery, attempt = 1): void {
  fetch(delivery.url, { ...delivery.init, signal: AbortSignal.timeout(TIMEOUT_MS) })
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      console.log(`publisher: ${delivery.what}: delivered to ${delivery.url}`);
    })
    .catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      if (attempt >= ATTEMPTS) {
        console.error(`publisher: ${delivery.what}: gave up after ${attempt} attempts (${reason})`);
        return;
      }
      const delay = FIRST_DELAY_MS * 2 ** (attempt - 1);
      console.warn(`publisher: ${delivery.what}: ${reason}; retrying in ${delay / 1000} s`);
      setTimeout(() => deliver(delivery, attempt + 1), delay).unref();
    });
}

/** One IndexNow batch (https://www.indexnow.org/documentation): every changed URL, one POST. */
export function indexNow(endpoint: string, key: string, siteUrl: URL, urls: string[]): Delivery {
  return {
    what: `IndexNow (${urls.length} URLs)`,
    url: endpoint,
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        host: siteUrl.host,
        key,
        keyLocation: new URL(`/${key}.txt`, siteUrl).href,
        urlList: urls,
      }),
    },
  };
}

/** A WebSub publish ping for one feed (the hub then fetches it and tells its subscribers). */
export function webSubPing(hub: string, feedUrl: string): Delivery {
  return {
    what: `WebSub ping for ${feedUrl}`,
    url: hub,
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': feedUrl }).toString(),
    },
  };
}

/** A refused commit, posted as `{"text": …}` (the shape of a Slack incoming webhook). */
export function refusedNotice(url: string, commit: string, subject: string, problems: Problem[]) {
  const lines = problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.message}`);
  return {
    what: `notice of refused commit ${commit.slice(0, 12)}`,
    url,
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        text: `Not published: ${commit.slice(0, 12)} "${subject}" has ${problems.length} content error(s). The site keeps the last good commit.\n${lines.join('\n')}`,
        commit,
        problems,
      }),
    },
  } satisfies Delivery;
}

const FEED = /(?:^|\/)(?:feed\.xml|atom\.xml|feed\.json)$/;

/** The feeds among revalidated paths: the ones to ping the hub for. */
export function feedPaths(paths: string[]): string[] {
  return paths.filter((path) => FEED.test(path));
}
