// A content repository, a production server and the publisher following it, on ports of the
// caller's choosing: the publisher's integration test (tests/integration/) and its bench share it.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { type Cluster, DIST_DIR, ensureBuild, startCluster } from '../cluster/cluster';

const root = path.resolve(import.meta.dirname, '..', '..');
const next = path.join(root, 'node_modules', '.bin', 'next');

export const WEBHOOK_SECRET = 'world-webhook-secret';
export const STATUS_TOKEN = 'world-status-token';
export const REVALIDATE_TOKEN = 'world-revalidate-token';
export const INDEXNOW_KEY = 'world-indexnow-key-1234';

export interface Received {
  path: string;
  contentType: string;
  body: string;
}

export interface ClusterPorts {
  edge: number;
  redis: number;
  origins: number[];
}

export interface WorldOptions {
  /** `server` is one `next start`; unused when `cluster` is given. */
  ports: { server: number; publisher: number; stub: number };
  /** Run the publisher in front of the cluster (scripts/cluster/): Varnish, origins, Redis. */
  cluster?: ClusterPorts;
  /** Folder of the production build; built unless it holds one and `reuseBuild` is set. */
  distDir: string;
  reuseBuild?: boolean;
  /** Content to start from (default: the sample content/). */
  content?: string;
  intervalSeconds?: number;
  log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', ...args],
    {
      cwd,
      encoding: 'utf8',
    },
  ).trim();
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 60_000,
  everyMs = 200,
): Promise<T> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

export class World {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-publisher-'));
  readonly work = path.join(this.dir, 'work');
  readonly bare = path.join(this.dir, 'content.git');
  readonly publisherDir = path.join(this.dir, 'publisher');
  readonly searchLink = path.join(this.publisherDir, 'search', 'current');
  /** The address canonical links and IndexNow URLs use (the build's SITE_URL). */
  site: string;
  /** Where readers ask: the server, or the edge of the cluster. */
  readonly base: string;
  readonly publisherUrl: string;
  private cluster: Cluster | undefined;
  readonly received: Received[] = [];
  private server: ChildProcess | undefined;
  private publisher: ChildProcess | undefined;
  private stub: http.Server | undefined;
  readonly publisherLog: string[] = [];

  constructor(private readonly options: WorldOptions) {
    this.base = options.cluster
      ? `http://127.0.0.1:${options.cluster.edge}`
      : `http://127.0.0.1:${options.ports.server}`;
    this.site = this.base;
    this.publisherUrl = `http://127.0.0.1:${options.ports.publisher}`;
  }

  private env(): NodeJS.ProcessEnv {
    const stub = `http://127.0.0.1:${this.options.ports.stub}`;
    return {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      BUILD_TIME: '',
      SITE_URL: this.site,
      CONTENT_DIR: path.join(this.publisherDir, 'current'),
      NEXT_DIST_DIR: this.options.distDir,
      PRERENDER_NEWEST: '4',
      PRERENDER_ARCHIVE_PAGES: '1',
      REVALIDATE_TOKEN,
      SEARCH_LIVE_DIR: this.searchLink,
      INDEXNOW_KEY,
      INDEXNOW_ENDPOINT: `${stub}/indexnow`,
      WEBSUB_HUB: `${stub}/hub`,
      PUBLISHER_REMOTE: this.bare,
      PUBLISHER_DIR: this.publisherDir,
      PUBLISHER_INTERVAL: String(this.options.intervalSeconds ?? 30),
      PUBLISHER_PORT: String(this.options.ports.publisher),
      // One instance's hook is enough: the shared cache carries it to the others, and it purges the edge.
      PUBLISHER_SERVER_URL: this.options.cluster
        ? `http://127.0.0.1:${this.options.cluster.origins[0]}`
        : this.site,
      PUBLISHER_WEBHOOK_SECRET: WEBHOOK_SECRET,
      PUBLISHER_STATUS_TOKEN: STATUS_TOKEN,
      PUBLISHER_NOTIFY_URL: `${stub}/notify`,
    };
  }

  /** The repository editors push to, holding the sample content in `content/`. */
  createRepository(): void {
    fs.cpSync(this.options.content ?? path.join(root, 'content'), path.join(this.work, 'content'), {
      recursive: true,
    });
    git(this.dir, 'init', '--quiet', '--initial-branch=main', this.work);
    git(this.work, 'add', '-A');
    git(this.work, 'commit', '--quiet', '-m', 'Sample content');
    git(this.dir, 'clone', '--quiet', '--bare', this.work, this.bare);
    git(this.work, 'remote', 'add', 'origin', this.bare);
  }

  /** Writes (or, for null, deletes) files under content/, commits and pushes; the commit's id. */
  push(message: string, files: Record<string, string | null>): string {
    for (const [relative, text] of Object.entries(files)) {
      const file = path.join(this.work, 'content', relative);
      if (text === null) fs.rmSync(file);
      else {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
      }
    }
    git(this.work, 'add', '-A');
    git(this.work, 'commit', '--quiet', '-m', message);
    git(this.work, 'push', '--quiet', 'origin', 'main');
    return git(this.work, 'rev-parse', 'HEAD');
  }

  /** The release link the server reads exists (the publisher has published a first commit). */
  linkReady(): true | undefined {
    return fs.existsSync(path.join(this.publisherDir, 'current')) || undefined;
  }

  /** Whether the search index the server now serves holds `word` (Pagefind fragments are gzip). */
  searchHas(word: string): boolean {
    const fragments = path.join(this.searchLink, 'fragment');
    if (!fs.existsSync(fragments)) return false;
    return fs
      .readdirSync(fragments)
      .some((name) => zlib.gunzipSync(fs.readFileSync(path.join(fragments, name))).includes(word));
  }

  read(relative: string): string {
    return fs.readFileSync(path.join(this.work, 'content', relative), 'utf8');
  }

  async startStub(): Promise<void> {
    this.stub = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({
          path: request.url ?? '',
          contentType: request.headers['content-type'] ?? '',
          body: Buffer.concat(chunks).toString(),
        });
        response.writeHead(request.url === '/indexnow' ? 200 : 202).end();
      });
    });
    await new Promise<void>((resolve) =>
      this.stub?.listen(this.options.ports.stub, '127.0.0.1', resolve),
    );
  }

  startPublisher(): void {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/publisher.ts'], {
      cwd: root,
      env: this.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        this.publisherLog.push(line);
        this.options.log?.(line);
      }
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    this.publisher = child;
  }

  /** Kills the publisher without warning (SIGKILL), as a crash or an OOM would. */
  async killPublisher(): Promise<void> {
    const child = this.publisher;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /**
   * The production build. The cluster's standalone build is shared with `npm run cluster` and its
   * test (made once, in .next-cluster/); its SITE_URL becomes the world's.
   */
  build(): void {
    if (this.options.cluster) {
      ensureBuild(`http://localhost:${this.options.cluster.edge}`, false, this.options.log);
      this.site = fs.readFileSync(path.join(root, DIST_DIR, 'cluster-site-url'), 'utf8').trim();
      return;
    }
    const dist = path.join(root, this.options.distDir);
    if (this.options.reuseBuild && fs.existsSync(path.join(dist, 'BUILD_ID'))) return;
    execFileSync(next, ['build'], { cwd: root, env: this.env(), stdio: 'inherit' });
  }

  /**
   * Repository, stub, build, publisher and server(s), in the order each needs: one `next start`
   * is built from the publisher's first release; the cluster's build exists before the publisher
   * starts, so the publisher knows its SITE_URL, and the origins start once the release exists.
   */
  async setUp(timeoutMs = 900_000): Promise<void> {
    this.createRepository();
    await this.startStub();
    if (this.options.cluster) this.build();
    this.startPublisher();
    await waitFor('the first release', () => this.linkReady(), timeoutMs);
    if (!this.options.cluster) this.build();
    await this.startServer();
    await waitFor(
      'the first publish',
      async () => (await this.status())?.published ?? undefined,
      timeoutMs,
    );
  }

  async startServer(): Promise<void> {
    if (this.options.cluster) {
      // The origins inherit this environment (scripts/cluster/cluster.ts): the publisher's
      // search index, IndexNow key and WebSub hub, as an operator would set them.
      const env = this.env();
      for (const name of ['SEARCH_LIVE_DIR', 'INDEXNOW_KEY', 'WEBSUB_HUB'] as const) {
        process.env[name] = env[name];
      }
      this.cluster = await startCluster({
        ports: this.options.cluster,
        runDir: path.join(this.dir, 'cluster'),
        contentDir: path.join(this.publisherDir, 'current'),
        revalidateToken: REVALIDATE_TOKEN,
        log: this.options.log ?? (() => {}),
      });
      return;
    }
    this.server = spawn(
      next,
      ['start', '-p', String(this.options.ports.server), '-H', '127.0.0.1'],
      {
        cwd: root,
        env: this.env(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.server.stderr?.on('data', (chunk: Buffer) => this.options.log?.(chunk.toString().trim()));
    await waitFor(
      'the server',
      async () => (await this.get('/robots.txt')).status === 200 || undefined,
      60_000,
      500,
    );
  }

  async get(pathname: string): Promise<{ status: number; text: string }> {
    try {
      const response = await fetch(new URL(pathname, this.base), { redirect: 'manual' });
      return { status: response.status, text: await response.text() };
    } catch {
      return { status: 0, text: '' };
    }
  }

  /** A push webhook as GitHub signs it. */
  async webhook(
    headers: Record<string, string> = {},
    body = JSON.stringify({ ref: 'refs/heads/main' }),
  ): Promise<number> {
    const signature = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}`;
    const response = await fetch(new URL('/hooks/git', this.publisherUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature, ...headers },
      body,
    });
    return response.status;
  }

  async status(token = STATUS_TOKEN): Promise<PublisherStatus | undefined> {
    try {
      const response = await fetch(new URL('/status', this.publisherUrl), {
        headers: { authorization: `Bearer ${token}` },
      });
      return response.ok ? ((await response.json()) as PublisherStatus) : undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    await this.killPublisher();
    await this.cluster?.stop();
    const server = this.server;
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.on('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    this.stub?.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface PublisherStatus {
  published: string | null;
  publishedAt: string | null;
  nextEmbargo: string | null;
  publishes: {
    commit: string;
    reason: string;
    seconds: number;
    steps: Record<string, number>;
    changed: string[];
  }[];
  refused: {
    commit: string;
    problems: { file: string; line: number; column: number; message: string }[];
  } | null;
  search: { building: boolean; last: { at: string } | null } | null;
}
