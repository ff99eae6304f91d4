import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { KEYSPACE_EVENTS } from '../../lib/cache-handler.js';
import { verdictCacheFile } from '../../lib/content/verdicts';
import { waitFor } from '../bench/common';
import { warmOrigin } from './warm';

const root = path.resolve(import.meta.dirname, '../..');
export const DIST_DIR = '.next-cluster';
const standalone = path.join(root, DIST_DIR, 'standalone');

export interface ClusterPorts {
  edge: number;
  redis: number;
  origins: number[];
}

export interface ClusterOptions {
  ports: ClusterPorts;
  /** Where pid file, logs and the generated VCL go. */
  runDir: string;
  /** Content folder the instances read (and the revalidate hook reloads). */
  contentDir?: string;
  /** The address every canonical link of the build points to. */
  siteUrl?: string;
  rebuild?: boolean;
  /** The revalidate hook's token (default: a random one); the publisher is given it. */
  revalidateToken?: string;
  log?: (line: string) => void;
}

export interface Service {
  name: string;
  pid: number;
}

export interface OriginSettings {
  siteUrl: string;
  redisUrl: string;
  edgeUrl: string;
  secret: string;
  token: string;
  contentDir: string;
}

export interface Cluster {
  edgeUrl: string;
  purgeSecret: string;
  originSettings: OriginSettings;
  originUrls: string[];
  redisUrl: string;
  revalidateToken: string;
  services: Service[];
  stop(): Promise<void>;
}

export const PID_FILE = 'pids.json';
const siteUrlFile = path.join(root, DIST_DIR, 'cluster-site-url');

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
}

const stampFile = path.join(root, DIST_DIR, 'cluster-source');

// Varnish writes every header of every request and fetch to its shared-memory log; on two cores
// that cost the edge 12–21 % of its requests a second (docs/decisions/0326-a-lean-edge-log.md).
// What an access log and `varnishlog -g request` need stays: client, method, URL, status,
// bytes, timings, and the records that group them.
const VSL_MASK = [
  'ReqHeader',
  'RespHeader',
  'BereqHeader',
  'BerespHeader',
  'ObjHeader',
  'ReqUnset',
  'RespUnset',
  'BereqUnset',
  'BerespUnset',
  'VCL_call',
  'VCL_return',
  'ReqProtocol',
  'RespProtocol',
  'RespReason',
  'Hit',
  'VCL_use',
  'Storage',
  'Length',
]
  .map((tag) => `-${tag}`)
  .join(',');

// What the build does not read: a change there needs no new build.
const NOT_BUILT = [':!docs', ':!*.md', ':!tests', ':!e2e', ':!deploy', ':!scripts/cluster'];

/** The sources a build was made from (committed and not): other sources need a new build. */
function sourceStamp(): string {
  const git = (...args: string[]) =>
    spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 }).stdout ?? '';
  return (
    createHash('sha256')
      // ls-files, not ls-tree: ls-tree refuses the exclude pathspecs and printed nothing.
      .update(git('ls-files', '--stage', '--', '.', ...NOT_BUILT))
      .update(git('diff', 'HEAD', '--', '.', ...NOT_BUILT))
      .digest('hex')
  );
}

function builtWithSharedCache(): boolean {
  try {
    const file = path.join(standalone, DIST_DIR, 'required-server-files.json');
    const { config } = JSON.parse(fs.readFileSync(file, 'utf8'));
    return (
      Boolean(config.cacheHandler) &&
      fs.existsSync(path.join(standalone, 'server.js')) &&
      fs.existsSync(siteUrlFile) &&
      fs.readFileSync(stampFile, 'utf8') === sourceStamp()
    );
  } catch {
    return false;
  }
}

/** The standalone build with the Redis cache handler, made once (`--rebuild` makes it again). */
export function ensureBuild(siteUrl: string, rebuild = false, log = console.log): void {
  if (!rebuild && builtWithSharedCache()) return;
  log(`Building the standalone server into ${DIST_DIR}/ from this checkout (minutes)...`);
  const stamp = sourceStamp();
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_OUTPUT: 'standalone',
    NEXT_DIST_DIR: DIST_DIR,
    SITE_URL: siteUrl,
    // Only tells next.config to name the cache handler; the build itself never connects.
    REDIS_URL: 'redis://127.0.0.1:6379',
  };
  run('npm', ['run', '--silent', 'search:index'], env);
  run('npx', ['next', 'build'], env);
  fs.cpSync(path.join(root, 'public'), path.join(standalone, 'public'), { recursive: true });
  fs.cpSync(path.join(root, DIST_DIR, 'static'), path.join(standalone, DIST_DIR, 'static'), {
    recursive: true,
  });
  fs.writeFileSync(siteUrlFile, siteUrl);
  fs.writeFileSync(stampFile, stamp);
}

/** The SITE_URL the build was made with: the instances must run with the same one. */
function builtSiteUrl(): string {
  return fs.readFileSync(siteUrlFile, 'utf8');
}

function start(
  name: string,
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; runDir: string },
): ChildProcess {
  const out = fs.openSync(path.join(options.runDir, `${name}.log`), 'a');
  const child = spawn(command, args, {
    cwd: options.cwd ?? root,
    env: options.env ?? process.env,
    stdio: ['ignore', out, out],
    detached: true,
  });
  fs.closeSync(out);
  if (child.pid === undefined) throw new Error(`${command} did not start`);
  return child;
}

async function waitForRedis(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ping = spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' });
    if (ping.stdout.trim() === 'PONG') return;
    await delay(100);
  }
  throw new Error(`Redis on port ${port} did not start`);
}

function backendsVcl(origins: number[]): string {
  const backends = origins
    .map(
      (port, i) =>
        `backend origin${i + 1} { .host = "127.0.0.1"; .port = "${port}"; .probe = origin_health; .connect_timeout = 1s; .first_byte_timeout = 30s; }`,
    )
    .join('\n');
  const adds = origins.map((_, i) => `    origins.add_backend(origin${i + 1});`).join('\n');
  return `${backends}\n\nacl purgers {\n    "127.0.0.1";\n}\n\nsub vcl_init {\n    new origins = directors.shard();\n${adds}\n    origins.reconfigure();\n}\n`;
}

/** Stops every service in the run folder's pid file, by PID, and removes the file. */
export async function stopRecorded(runDir: string): Promise<void> {
  const file = path.join(runDir, PID_FILE);
  if (!fs.existsSync(file)) return;
  const services: Service[] = JSON.parse(fs.readFileSync(file, 'utf8'));
  await stopServices(services);
  fs.rmSync(file);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function stopServices(services: Service[]): Promise<void> {
  for (const { pid } of services) {
    try {
      // Each service leads its own process group (detached): varnishd's worker goes with it.
      process.kill(-pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  for (let i = 0; i < 50 && services.some(({ pid }) => alive(pid)); i++) await delay(100);
  for (const { pid } of services) {
    if (!alive(pid)) continue;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

// V8 lets the old generation grow to four times what survived a full collection when the heap may
// reach 4 GB (Node's default here); a 1 GB budget lowers that to 1.6 times. The young generation
// starts at the size it grows to under load. Memory under load then stays near what an instance
// keeps (docs/decisions/0321-origin-heap-budget.md).
export const ORIGIN_NODE_FLAGS = ['--max-old-space-size=1024', '--min-semi-space-size=16'];

/** An origin instance: the standalone server on `port`, sharing Redis and purging the edge. */
export function startOrigin(port: number, settings: OriginSettings, runDir: string): ChildProcess {
  const args = [...ORIGIN_NODE_FLAGS, 'server.js'];
  return start(`origin-${port}`, process.execPath, args, {
    cwd: standalone,
    runDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      NEXT_DIST_DIR: DIST_DIR,
      SITE_URL: settings.siteUrl,
      REDIS_URL: settings.redisUrl,
      EDGE_URL: settings.edgeUrl,
      EDGE_PURGE_SECRET: settings.secret,
      REVALIDATE_TOKEN: settings.token,
      CONTENT_DIR: settings.contentDir,
      // The project's verdict cache for this content folder, which the content check and the
      // publisher fill: an origin loading a new release then parses only bodies nobody judged.
      CONTENT_CHECK_CACHE: verdictCacheFile(settings.contentDir) ?? 'off',
    },
  });
}

export async function startRedis(port: number, runDir: string): Promise<ChildProcess> {
  const redis = start(
    'redis',
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--notify-keyspace-events',
      KEYSPACE_EVENTS,
      '--dir',
      runDir,
    ],
    { runDir },
  );
  await waitForRedis(port);
  return redis;
}

/** Redis, the origins and Varnish on loopback; every PID in `<runDir>/pids.json`. */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { ports, runDir, log = console.log } = options;
  const siteUrl = options.siteUrl ?? `http://localhost:${ports.edge}`;
  ensureBuild(siteUrl, options.rebuild, log);
  fs.mkdirSync(runDir, { recursive: true });
  await stopRecorded(runDir);
  const services: Service[] = [];
  const record = (name: string, child: ChildProcess) => {
    services.push({ name, pid: child.pid ?? 0 });
    fs.writeFileSync(path.join(runDir, PID_FILE), JSON.stringify(services, null, 2));
  };
  const secret = randomBytes(24).toString('hex');
  const revalidateToken = options.revalidateToken ?? randomBytes(24).toString('hex');
  const redisUrl = `redis://127.0.0.1:${ports.redis}`;
  const edgeUrl = `http://127.0.0.1:${ports.edge}`;
  const contentDir = path.resolve(options.contentDir ?? path.join(root, 'content'));
  const shared: OriginSettings = {
    siteUrl: builtSiteUrl(),
    redisUrl,
    edgeUrl,
    secret,
    token: revalidateToken,
    contentDir,
  };
  try {
    record('redis', await startRedis(ports.redis, runDir));
    for (const port of ports.origins) {
      record(`origin ${port}`, startOrigin(port, shared, runDir));
    }
    await Promise.all(
      ports.origins.map(async (port) => {
        await waitFor(`http://127.0.0.1:${port}/robots.txt`);
        await warmOrigin(`http://127.0.0.1:${port}`);
      }),
    );

    fs.writeFileSync(path.join(runDir, 'backends.vcl'), backendsVcl(ports.origins));
    const errorPage = path.join(runDir, 'error.html');
    fs.copyFileSync(path.join(root, 'deploy', 'varnish', 'error.html'), errorPage);
    const varnish = start(
      'varnish',
      'varnishd',
      [
        '-F',
        '-j',
        'none',
        '-n',
        path.join(runDir, 'varnish'),
        '-a',
        `127.0.0.1:${ports.edge}`,
        '-T',
        'none',
        '-f',
        path.join(root, 'deploy', 'varnish', 'default.vcl'),
        '-p',
        `vcl_path=${runDir}:/usr/share/varnish/vcl`,
        '-s',
        'malloc,256m',
        '-p',
        `vsl_mask=${VSL_MASK}`,
      ],
      {
        runDir,
        env: { ...process.env, MERIDIAN_PURGE_SECRET: secret, MERIDIAN_ERROR_PAGE: errorPage },
      },
    );
    record('varnish', varnish);
    await waitFor(`${edgeUrl}/robots.txt`);
  } catch (error) {
    await stopServices(services);
    throw error;
  }
  return {
    edgeUrl,
    purgeSecret: secret,
    originSettings: shared,
    originUrls: ports.origins.map((port) => `http://127.0.0.1:${port}`),
    redisUrl,
    revalidateToken,
    services,
    stop: () => stopRecorded(runDir),
  };
}

/**
 * A content folder as the publisher lays it out (docs/publishing.md): `<runDir>/content` is a
 * symlink to a release folder, here a copy of content/. Returns the symlink's path.
 */
export function releaseContent(runDir: string): string {
  const link = path.join(runDir, 'content');
  const releases = path.join(runDir, 'releases');
  fs.rmSync(link, { recursive: true, force: true });
  fs.rmSync(releases, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'content'), path.join(releases, 'r1'), { recursive: true });
  fs.symlinkSync(path.join(releases, 'r1'), link);
  return link;
}

/**
 * Publishes an edit as the publisher does: a new release with `edit` applied to one of its
 * files, swapped in atomically, then time for every instance to notice it (they look once a
 * second). Returns the release it replaced, for the hook's `from`.
 */
export async function publishEdit(
  link: string,
  file: string,
  edit: (source: string) => string,
): Promise<string> {
  const current = fs.realpathSync(link);
  const next = path.join(path.dirname(current), `r${Date.now()}`);
  fs.cpSync(current, next, { recursive: true });
  const target = path.join(next, file);
  fs.writeFileSync(target, edit(fs.readFileSync(target, 'utf8')));
  const swap = `${link}.next`;
  fs.rmSync(swap, { force: true });
  fs.symlinkSync(next, swap);
  fs.renameSync(swap, link);
  await delay(1500);
  return path.basename(current);
}
