import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { settings } from '../../lib/settings.js';
import { type Cluster, PID_FILE, type Service } from './cluster';

const root = path.resolve(import.meta.dirname, '../..');

export interface ClusterPublisher {
  /** The release link the origins read as CONTENT_DIR. */
  contentDir: string;
  /** The token the origins' revalidate hook is started with. */
  revalidateToken: string;
  service: Service;
}

/**
 * `npm run publisher` for the cluster, started before the origins: it publishes its first
 * commit to the release link they read, then calls the first origin's hook (retrying until the
 * origins answer); the shared cache carries each publish to every origin and the hook purges
 * the edge. Configured like `npm run publisher` (PUBLISHER_REMOTE and the rest of
 * docs/publishing.md); its log is `<runDir>/publisher.log`.
 */
export async function startClusterPublisher(
  runDir: string,
  originUrl: string,
  edgePort: number,
): Promise<ClusterPublisher> {
  fs.mkdirSync(runDir, { recursive: true });
  const contentDir = path.join(path.resolve(root, settings.PUBLISHER_DIR), 'current');
  const revalidateToken = settings.REVALIDATE_TOKEN ?? randomBytes(24).toString('hex');
  const logFile = path.join(runDir, 'publisher.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/publisher.ts'], {
    cwd: root,
    env: {
      ...process.env,
      REVALIDATE_TOKEN: revalidateToken,
      PUBLISHER_SERVER_URL: originUrl,
      SITE_URL: settings.SITE_URL ?? `http://localhost:${edgePort}`,
    },
    stdio: ['ignore', out, out],
    detached: true,
  });
  fs.closeSync(out);
  const service = { name: 'publisher', pid: child.pid ?? 0 };
  for (let waited = 0; !fs.existsSync(contentDir); waited += 250) {
    if (child.exitCode !== null || waited > 600_000) {
      if (child.exitCode === null) process.kill(-service.pid, 'SIGTERM');
      throw new Error(
        `the publisher published no first release; see ${logFile}:\n${fs.readFileSync(logFile, 'utf8').slice(-1500)}`,
      );
    }
    await delay(250);
  }
  return { contentDir, revalidateToken, service };
}

/** Adds the publisher to the cluster's services, so `npm run cluster:stop` stops it too. */
export function recordPublisher(runDir: string, cluster: Cluster, publisher: ClusterPublisher) {
  cluster.services.push(publisher.service);
  fs.writeFileSync(path.join(runDir, PID_FILE), JSON.stringify(cluster.services, null, 2));
}
