/**
 * Follows the content branch and publishes each good commit to a running server (docs/publishing.md).
 *   PUBLISHER_REMOTE=… REVALIDATE_TOKEN=… npm run publisher
 */
import path from 'node:path';
import { startHttp } from '../lib/publisher/http';
import { Publisher } from '../lib/publisher/publisher';
import { defaultCacheFile } from '../lib/content/verdicts';
import { DEFAULT_SITE_URL, settings } from '../lib/settings.js';

function fail(message: string): never {
  console.error(`publisher: ${message}`);
  process.exit(2);
}

const remote =
  settings.PUBLISHER_REMOTE ??
  fail('set PUBLISHER_REMOTE to the git URL or path of the content repository');
const token =
  settings.REVALIDATE_TOKEN ??
  fail('set REVALIDATE_TOKEN to the token the server was started with');
const dir = path.resolve(settings.PUBLISHER_DIR);
const currentLink = path.join(dir, 'current');
const searchLink = settings.SEARCH_LIVE_DIR ? path.resolve(settings.SEARCH_LIVE_DIR) : undefined;

const publisher = new Publisher({
  root: process.cwd(),
  dir,
  remote,
  branch: settings.PUBLISHER_BRANCH,
  contentPath: settings.PUBLISHER_CONTENT_PATH,
  intervalSeconds: settings.PUBLISHER_INTERVAL,
  keepReleases: Math.max(2, settings.PUBLISHER_KEEP_RELEASES),
  server: { url: settings.PUBLISHER_SERVER_URL, token },
  siteUrl: new URL(settings.SITE_URL ?? DEFAULT_SITE_URL),
  // The server reads CONTENT_DIR=<dir>/current: sharing its verdict cache file means a body the
  // check judged is not parsed again when the server loads the release.
  checkCacheFile: defaultCacheFile(currentLink),
  ...(settings.INDEXNOW_KEY
    ? { indexNow: { endpoint: settings.INDEXNOW_ENDPOINT, key: settings.INDEXNOW_KEY } }
    : {}),
  ...(settings.WEBSUB_HUB ? { webSubHub: settings.WEBSUB_HUB } : {}),
  ...(settings.PUBLISHER_NOTIFY_URL ? { notifyUrl: settings.PUBLISHER_NOTIFY_URL } : {}),
  ...(searchLink ? { searchLink } : {}),
});

const server = await startHttp(settings.PUBLISHER_PORT, {
  webhookSecret: settings.PUBLISHER_WEBHOOK_SECRET,
  statusToken: settings.PUBLISHER_STATUS_TOKEN,
  onPush: () => void publisher.trigger('webhook'),
  status: () => publisher.status(),
});
console.log(
  `publisher: following ${remote} ${settings.PUBLISHER_BRANCH} every ${settings.PUBLISHER_INTERVAL} s into ${currentLink}; webhook and status on http://127.0.0.1:${settings.PUBLISHER_PORT}`,
);
publisher.start();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    publisher.stop();
    server.close();
    process.exit(0);
  });
}
