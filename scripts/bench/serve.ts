import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { log, nextBin, round, startServer, stopServer, waitFor } from './common';
import type { Options } from './options';
import { type PageBytes, pageBytes } from './page-bytes';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => fs.existsSync(file));

/**
 * The anchor for serving: nginx (Debian's package) serving the article's HTML as a file, as a
 * CDN origin or a static host would.
 */
function startNginx(docroot: string, port: number): ChildProcess {
  if (!NGINX)
    throw new Error('nginx is not installed: apt-get install -y nginx (or pass --no-serve)');
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-nginx-'));
  fs.chmodSync(docroot, 0o755);
  const conf = path.join(prefix, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `worker_processes auto;
pid ${path.join(prefix, 'nginx.pid')};
error_log ${path.join(prefix, 'error.log')};
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix};
  proxy_temp_path ${prefix};
  fastcgi_temp_path ${prefix};
  uwsgi_temp_path ${prefix};
  scgi_temp_path ${prefix};
  default_type text/html;
  server {
    listen 127.0.0.1:${port};
    root ${docroot};
    location / { try_files $uri $uri.html =404; }
  }
}
`,
  );
  const child = spawn(NGINX, ['-p', prefix, '-c', conf, '-g', 'daemon off; user root;'], {
    stdio: 'ignore',
  });
  child.on('close', () => fs.rmSync(prefix, { recursive: true, force: true }));
  return child;
}

export interface Throughput {
  requestsPerSecond: number;
  latencyP99Ms: number;
  errors: number;
  non2xx: number;
}

const WRK = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((file) => fs.existsSync(file));
/** The load generator both servers are measured with: wrk (apt) when installed, else autocannon. */
export const loadClient = WRK ? 'wrk' : 'autocannon';

function milliseconds(value: string, unit: string): number {
  const scale: Record<string, number> = { us: 0.001, ms: 1, s: 1000 };
  return round(Number(value) * (scale[unit] ?? NaN), 2);
}

async function wrk(url: string, connections: number, seconds: number): Promise<Throughput> {
  const child = spawn(
    WRK as string,
    ['-t', '2', '-c', String(connections), '-d', `${seconds}s`, '--latency', url],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(out);
  if (code !== 0 || !rate || !p99) throw new Error(`wrk failed (${code}):\n${out}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    requestsPerSecond: round(Number(rate[1]), 0),
    latencyP99Ms: milliseconds(p99[1] ?? '', p99[2] ?? ''),
    errors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
  };
}

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
