import fs from 'node:fs';
import { now } from '@/lib/clock';
import { contentDir } from '@/lib/settings.js';
import { buildIndex, type ContentIndex } from './content-index';
import { contentSignature, showUnpublished } from './dev-watch';
import { loadRelease, type Release, releaseId, visibleAt } from './release';
import { nextChangeAfter } from './timing';
import type { Article } from './types';

// Next bundles this module into each route separately; keeping the index on globalThis loads the
// content once per process, and lets invalidateContent() reach every route's copy.
const store = Symbol.for('meridian.content.index');
const storeKey = `${contentDir}\0${showUnpublished}`;

interface Entry {
  release: Release;
  /** The release before, kept so the revalidate hook can compare with what was published. */
  previous?: Release;
  signature: string;
  checkedAt: number;
  /** Where the content path pointed when last looked at, when it is a link (none: a folder). */
  link?: string;
  index: ContentIndex;
  validUntil: number;
}
type Loaded = Map<string, Entry>;

function loaded(): Loaded {
  const existing: Loaded | undefined = Reflect.get(globalThis, store);
  if (existing) return existing;
  const created: Loaded = new Map();
  Reflect.set(globalThis, store, created);
  return created;
}

// How often a production server looks at where the content path points: a publisher swaps a
// symlink to publish a commit, and every instance picks it up within this time, at the cost of
// one realpath a second.
const RELEASE_CHECK_MS = 1000;

function readLink(): string | undefined {
  try {
    return fs.readlinkSync(contentDir);
  } catch {
    return undefined;
  }
}

function entry(forceReleaseCheck = false): Entry {
  const signature = contentSignature();
  let cached = loaded().get(storeKey);
  const at = now();
  // The publisher's link is read on every call (one readlink, microseconds): a page rendered
  // after the hook revalidated it must not be rendered from the release before.
  const moved = cached?.link !== undefined && readLink() !== cached.link;
  const due =
    forceReleaseCheck || moved || performance.now() - (cached?.checkedAt ?? 0) >= RELEASE_CHECK_MS;
  if (cached && !showUnpublished && due) {
    cached.checkedAt = performance.now();
    cached.link = readLink();
    if (releaseId() !== cached.release.id) {
      try {
        const started = performance.now();
        const release = loadRelease();
        const { total, read, parsed } = release.files;
        console.log(
          `content: release ${release.id} loaded in ${((performance.now() - started) / 1000).toFixed(2)} s (${total} files, ${read} read, ${parsed} parsed)`,
        );
        cached = { ...cached, previous: cached.release, release, validUntil: -Infinity };
      } catch (error) {
        // A release the publisher checked does not fail; if one does, keep serving the last.
        console.error(error);
      }
    }
  }
  if (!cached || cached.signature !== signature) {
    const link = readLink();
    const release = loadRelease();
    cached = {
      release,
      signature,
      checkedAt: performance.now(),
      ...(link === undefined ? {} : { link }),
      index: buildIndex(release, at),
      validUntil: nextChangeAfter(release.articles, at),
    };
  } else if (at.getTime() >= cached.validUntil) {
    cached = {
      ...cached,
      index: buildIndex(cached.release, at),
      validUntil: nextChangeAfter(cached.release.articles, at),
    };
  }
  loaded().set(storeKey, cached);
  follow();
  return cached;
}

const following = Symbol.for('meridian.content.following');

/**
 * Behind a link the publisher moves (CONTENT_DIR=<dir>/current), each instance looks at it every
 * second in the background and loads a new release there, not inside the first reader's request
 * after the swap: the other instances have it loaded before the publisher's hook has purged the
 * edge. It also rebuilds the index when an embargo lifts. The timer never keeps a process alive.
 */
function follow(): void {
  if (showUnpublished || Reflect.get(globalThis, following)) return;
  Reflect.set(globalThis, following, true);
  if (!fs.lstatSync(contentDir, { throwIfNoEntry: false })?.isSymbolicLink()) return;
  setInterval(() => {
    try {
      entry(true);
    } catch (error) {
      console.error(error);
    }
  }, RELEASE_CHECK_MS).unref();
}

/** The index of the content as it stands now, loaded once and rebuilt when it changes. */
export function index(): ContentIndex {
  return entry().index;
}

/** Forgets the loaded content, so the next read loads it again (the revalidate hook calls this). */
export function invalidateContent(): void {
  loaded().delete(storeKey);
}

/**
 * The release now published (the content folder's real name), the time, and the next moment a
 * story's embargo lifts or its live coverage ends.
 */
export function publishedRelease(): { release: string; at: Date; next?: Date } {
  const { release, validUntil } = entry(true);
  return {
    release: release.id,
    at: now(),
    ...(Number.isFinite(validUntil) ? { next: new Date(validUntil) } : {}),
  };
}

/**
 * The stories that were visible in `release` at `at`, if that release is the current one or the
 * one before it in this process; undefined otherwise (the caller then cannot tell what changed).
 */
export function articlesAt(release: string, at: Date): Article[] | undefined {
  const { release: current, previous } = entry();
  const found = [current, previous].find((candidate) => candidate?.id === release);
  return found && visibleAt(found, at);
}
