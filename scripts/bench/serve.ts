import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { log, nextBin, round, startServer, stopServer, waitFor } from './common';
import type { Options } from './options';
import { type PageBytes, pageBytes } from './page-bytes';
import { startNginx, type Throughput, WRK, wrk } from './servers';

/** The load generator both servers are measured with: wrk (apt) when installed, else autocannon. */
export const loadClient = WRK ? 'wrk' : 'autocannon';

async function load(url: string, options: Options): Promise<Throughput> {
  if (WRK) {
    await wrk(url, options.connections, 2);
    return wrk(url, options.connections, options.duration);
  }
  await autocannon({ url, connections: options.connections, duration: 2 });
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.duration,
  });
  return {
    requestsPerSecond: round(result.requests.average, 0),
    latencyP99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export interface Serving {
  client: string;
  next: Throughput;
  nginx: Throughput;
  ratio: number;
}

/**
 * The article page under `next start`: its bytes, then requests per second against nginx serving
 * the same HTML as a file, with the same client.
 */
export async function measureServing(
  env: NodeJS.ProcessEnv,
  options: Options,
  articlePath: string,
  distDir: string,
): Promise<{ page: PageBytes; serving: Serving }> {
  const nextUrl = `http://localhost:${options.port}`;
  const server = startServer([nextBin, 'start', '-p', String(options.port)], env);
  try {
    await waitFor(nextUrl + articlePath);
    const page = await pageBytes(nextUrl, articlePath, distDir);
    const html = await (await fetch(nextUrl + articlePath)).text();
    const staticRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-static-'));
    fs.mkdirSync(path.join(staticRoot, 'articles'));
    fs.writeFileSync(path.join(staticRoot, `${articlePath}.html`), html);
    log(
      `load (${loadClient}): next start, ${options.duration} s × ${options.connections} connections`,
    );
    const nextLoad = await load(nextUrl + articlePath, options);
    await stopServer(server);
    const staticPort = options.port + 1;
    const nginx = startNginx(staticRoot, staticPort);
    try {
      const staticUrl = `http://localhost:${staticPort}${articlePath}`;
      await waitFor(staticUrl);
      log('load: nginx');
      const staticLoad = await load(staticUrl, options);
      return {
        page,
        serving: {
          client: loadClient,
          next: nextLoad,
          nginx: staticLoad,
          ratio: round(nextLoad.requestsPerSecond / staticLoad.requestsPerSecond, 3),
        },
      };
    } finally {
      await stopServer(nginx);
      fs.rmSync(staticRoot, { recursive: true, force: true });
    }
  } finally {
    await stopServer(server);
  }
}
