import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { round } from './common';

export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => fs.existsSync(file));

/**
 * The anchor for serving: nginx (Debian's package) serving the article's HTML as a file, as a
 * CDN origin or a static host would. With `gzipStatic`, it sends the `.gz` copy written next to
 * each file to clients that accept gzip.
 */
export function startNginx(
  docroot: string,
  port: number,
  { gzipStatic = false } = {},
): ChildProcess {
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
  ${gzipStatic ? 'gzip_static on;' : ''}
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

/** The load generator servers are measured with: wrk (apt) when installed. */
export const WRK = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((file) => fs.existsSync(file));

function milliseconds(value: string, unit: string): number {
  const scale: Record<string, number> = { us: 0.001, ms: 1, s: 1000 };
  return round(Number(value) * (scale[unit] ?? NaN), 2);
}

export async function wrk(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<Throughput> {
  if (!WRK) throw new Error('wrk is not installed: apt-get install -y wrk');
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => [
    '-H',
    `${name}: ${value}`,
  ]);
  const child = spawn(
    WRK,
    ['-t', '2', '-c', String(connections), '-d', `${seconds}s`, '--latency', ...headerArgs, url],
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
