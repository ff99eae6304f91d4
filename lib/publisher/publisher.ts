import fs from 'node:fs';
import path from 'node:path';
import { now } from '@/lib/clock';
import { type Problem, checkRelease } from './check';
import { commitSubject, extractTree, fetchBranch } from './git';
import { revalidate } from './hook';
import { deliver, feedPaths, indexNow, refusedNotice, webSubPing } from './notify';
import { SearchIndexer } from './search';
import {
  HISTORY_LENGTH,
  linkTarget,
  prune,
  type PublisherState,
  readState,
  removeRelease,
  swapLink,
  writeState,
} from './state';

export interface PublisherOptions {
  /** The project: its content check and search index build run from here. */
  root: string;
  /** Holds repo.git, releases/<commit>, the `current` link the servers read, state.json. */
  dir: string;
  remote: string;
  branch: string;
  contentPath: string;
  intervalSeconds: number;
  keepReleases: number;
  server: { url: string; token: string };
  siteUrl: URL;
  checkCacheFile: string;
  indexNow?: { endpoint: string; key: string };
  webSubHub?: string;
  notifyUrl?: string;
  /** The search index link the servers read (SEARCH_LIVE_DIR); unset: no search rebuild. */
  searchLink?: string;
}

const MAX_TIMER_MS = 60 * 60 * 1000;
const RETRY_MS = 5000;
const WAKE_MARGIN_MS = 20;

export class Publisher {
  private readonly gitDir: string;
  private readonly releases: string;
  readonly currentLink: string;
  private readonly stateFile: string;
  private state: PublisherState;
  private running: Promise<void> | undefined;
  private queued: string | undefined;
  private poll: NodeJS.Timeout | undefined;
  private wake: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private lastFetch: { at: string; error?: string } | undefined;
  private lastCheck: { commit: string; parsed: number; fromCache: number } | undefined;
  private readonly search: SearchIndexer | undefined;

  constructor(private readonly options: PublisherOptions) {
    this.gitDir = path.join(options.dir, 'repo.git');
    this.releases = path.join(options.dir, 'releases');
    this.currentLink = path.join(options.dir, 'current');
    this.stateFile = path.join(options.dir, 'state.json');
    fs.mkdirSync(this.releases, { recursive: true });
    this.state = readState(this.stateFile);
    this.search = options.searchLink
      ? new SearchIndexer(options.root, options.searchLink, this.currentLink)
      : undefined;
  }

  start(): void {
    this.trigger('start');
    this.poll = setInterval(() => this.trigger('poll'), this.options.intervalSeconds * 1000);
  }

  stop(): void {
    clearInterval(this.poll);
    clearTimeout(this.wake);
    clearTimeout(this.retry);
  }

  /** Runs a cycle now, or once more after the one under way: cycles never overlap. */
  trigger(reason: string): Promise<void> {
    if (this.running) {
      this.queued ??= reason;
      return this.running;
    }
    this.running = this.cycle(reason)
      .catch((error: unknown) => {
        console.error(`publisher: ${reason}: ${error instanceof Error ? error.message : error}`);
        // A server that is restarting or a network blip: try again well before the next poll.
        clearTimeout(this.retry);
        this.retry = setTimeout(() => void this.trigger('retry'), RETRY_MS);
      })
      .finally(() => {
        this.running = undefined;
        this.scheduleWake();
        const again = this.queued;
        this.queued = undefined;
        if (again) void this.trigger(again);
      });
    return this.running;
  }

  private save(): void {
    writeState(this.stateFile, this.state);
  }

  private async cycle(reason: string): Promise<void> {
    const started = performance.now();
    const steps: Record<string, number> = {};
    let mark = started;
    const step = (name: string) => {
      const at = performance.now();
      steps[name] = Number(((at - mark) / 1000).toFixed(2));
      mark = at;
    };
    if (reason === 'embargo' && this.state.published) {
      // Nothing to fetch: the story is in the published release, only the clock moved.
      await this.publish(this.state.published, reason, started, steps);
      return;
    }
    let head: string;
    try {
      head = await fetchBranch(this.gitDir, this.options.remote, this.options.branch);
      this.lastFetch = { at: now().toISOString() };
      step('fetch');
    } catch (error) {
      this.lastFetch = { at: now().toISOString(), error: String(error) };
      throw error;
    }
    const current = linkTarget(this.currentLink);
    if (head !== current && head !== this.state.refused?.commit) {
      const release = path.join(this.releases, head);
      // The release published now lends the new one every file the commit did not change.
      const previous = current && path.join(this.releases, current);
      await extractTree(this.gitDir, head, this.options.contentPath, release, previous);
      step('worktree');
      const verdict = await checkRelease(release, {
        root: this.options.root,
        contentPath: this.options.contentPath,
        cacheFile: this.options.checkCacheFile,
      });
      step('check');
      this.lastCheck = { commit: head, parsed: verdict.parsed, fromCache: verdict.fromCache };
      if (verdict.problems.length) await this.refuse(head, verdict.problems);
      else {
        swapLink(this.currentLink, release);
        step('swap');
      }
    }
    const published = linkTarget(this.currentLink);
    const due = this.state.next !== null && now().getTime() >= Date.parse(this.state.next);
    if (!published || (published === this.state.published && !due)) return;
    const why = published === this.state.published ? 'embargo' : reason;
    await this.publish(published, why, started, steps);
  }

  private async refuse(commit: string, problems: Problem[]): Promise<void> {
    const subject = await commitSubject(this.gitDir, commit);
    this.state.refused = { commit, subject, at: now().toISOString(), problems };
    this.save();
    console.error(
      `publisher: refused ${commit.slice(0, 12)} "${subject}": ${problems.length} content error(s); still serving ${this.state.published?.slice(0, 12) ?? 'nothing'}`,
    );
    for (const p of problems) console.error(`  ${p.file}:${p.line}:${p.column}  ${p.message}`);
    removeRelease(this.releases, commit);
    if (this.options.notifyUrl) {
      deliver(refusedNotice(this.options.notifyUrl, commit, subject, problems));
    }
  }

  private async publish(
    commit: string,
    reason: string,
    started: number,
    steps: Record<string, number>,
  ): Promise<void> {
    const revalidating = performance.now();
    const result = await revalidate(this.options.server, {
      from: this.state.published ?? 'none',
      since: this.state.since ?? now().toISOString(),
    });
    if (result.release !== commit) {
      throw new Error(
        `the server at ${this.options.server.url} shows release "${result.release}", not ${commit}: start it with CONTENT_DIR=${this.currentLink}`,
      );
    }
    const hookSeconds = (performance.now() - revalidating) / 1000;
    // The hook's answer times its loading of the release and its edge purge: the rest of the
    // round trip is revalidation.
    const { loadSeconds = 0, purgeSeconds = 0 } = result;
    steps.load = Number(loadSeconds.toFixed(2));
    steps.revalidate = Number((hookSeconds - loadSeconds - purgeSeconds).toFixed(2));
    steps.purge = Number(purgeSeconds.toFixed(2));
    const subject = await commitSubject(this.gitDir, commit);
    const record = {
      commit,
      subject,
      reason,
      at: result.at,
      seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
      steps,
      changed: result.everything ? ['(everything)'] : result.changed,
      paths: result.revalidated,
    };
    this.state = {
      ...this.state,
      published: commit,
      since: result.at,
      next: result.next,
      history: [record, ...this.state.history].slice(0, HISTORY_LENGTH),
    };
    this.save();
    console.log(
      `publisher: published ${commit.slice(0, 12)} "${subject}" (${reason}) in ${record.seconds} s (${Object.entries(
        steps,
      )
        .map(([name, value]) => `${name} ${value} s`)
        .join(
          ', ',
        )}): ${record.changed.length} stories changed${record.changed.length ? ` (${record.changed.join(', ')})` : ''}, ${record.paths} paths revalidated`,
    );
    prune(this.releases, this.options.keepReleases, [commit]);
    if (result.everything || result.changed.length) this.search?.rebuild();
    this.tellSearchEngines(result.changed, result.paths);
  }

  private tellSearchEngines(changed: string[], paths: string[]): void {
    const { siteUrl } = this.options;
    const absolute = (p: string) => new URL(p, siteUrl).href;
    if (this.options.indexNow && changed.length) {
      const { endpoint, key } = this.options.indexNow;
      const urls = [absolute('/'), ...changed.map((slug) => absolute(`/articles/${slug}`))];
      deliver(indexNow(endpoint, key, siteUrl, urls));
    }
    if (this.options.webSubHub) {
      for (const feed of feedPaths(paths))
        deliver(webSubPing(this.options.webSubHub, absolute(feed)));
    }
  }

  /** Wakes at the next embargo or end of live coverage the server reported. */
  private scheduleWake(): void {
    clearTimeout(this.wake);
    if (this.state.next === null) return;
    // At the instant itself, on the one clock; the few milliseconds more make sure the server,
    // which judges visibility by its own reading of the same clock, has passed it too.
    const delay = Math.max(0, Date.parse(this.state.next) - now().getTime()) + WAKE_MARGIN_MS;
    this.wake = setTimeout(() => void this.trigger('embargo'), Math.min(delay, MAX_TIMER_MS));
  }

  status() {
    return {
      remote: this.options.remote,
      branch: this.options.branch,
      published: this.state.published ?? null,
      publishedAt: this.state.since ?? null,
      nextEmbargo: this.state.next,
      lastFetch: this.lastFetch ?? null,
      lastCheck: this.lastCheck ?? null,
      publishes: this.state.history,
      refused: this.state.refused ?? null,
      search: this.search?.status() ?? null,
    };
  }
}
