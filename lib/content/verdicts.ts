import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { keep, recall, table } from './memo';
import { cachePath, settings } from '../settings.js';
import { type BodyVerdict, RULES_HASH } from './sanitise';

/** Judges one body: `judgeBody` from body.ts, passed in so that reading the cache never loads the pipeline. */
export type BodyJudge = (body: string, firstLine: number) => BodyVerdict;

/** Where verdicts on bodies are kept between runs for a content folder. */
export function defaultCacheFile(contentDir: string): string {
  const key = createHash('sha1').update(contentDir).digest('hex').slice(0, 10);
  return cachePath(`content-check-${key}.json`);
}

/** The verdict cache for a content folder: CONTENT_CHECK_CACHE names the file, or is `off`. */
export function verdictCacheFile(contentDir: string): string | undefined {
  const chosen = settings.CONTENT_CHECK_CACHE;
  if (chosen === 'off') return undefined;
  return path.resolve(/* turbopackIgnore: true */ chosen ?? defaultCacheFile(contentDir));
}

export function readCache(file: string | undefined): Map<string, BodyVerdict> {
  if (!file) return new Map();
  try {
    const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (Array.isArray(data) && data[0] === RULES_HASH && Array.isArray(data[1])) {
      return new Map(data[1]);
    }
  } catch {
    // A missing or unreadable cache only means every body is parsed again.
  }
  return new Map();
}

export function writeCache(file: string | undefined, entries: Map<string, BodyVerdict>) {
  if (!file) return;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Several build workers load content at once: write whole files and rename them into place.
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify([RULES_HASH, [...entries]]));
    fs.renameSync(temporary, file);
  } catch {
    // The cache is an optimisation; failing to write it is not a content problem.
  }
}

/** A body's key in the cache: its text and the line it starts on (verdicts carry line numbers). */
export function bodyKey(body: string, line: number): string {
  return createHash('sha1').update(`${line}\n${body}`).digest('base64');
}

export interface Judging {
  /** The verdict on one body (its text asked for only if it must be judged). */
  verdict(body: () => string, line: number, key: string): BodyVerdict;
  /** Writes the cache if anything changed: the verdicts of exactly the bodies judged. */
  finish(): void;
}

// The verdicts this process knows, by body key: kept only for loads that use the cache file, whose
// verdicts come from the one pipeline (a test may judge with another function and no cache).
const known = table<BodyVerdict>('verdicts');

/**
 * Judges bodies one at a time as the loader reads them (so it never holds every body at once),
 * taking each verdict from this process's memory, else from the cache file (read only then),
 * when that body was judged before under the same rules (RULES_HASH).
 */
export function startJudging(cacheFile: string | undefined, judge: BodyJudge): Judging {
  let cached: Map<string, BodyVerdict> | undefined;
  const used = new Map<string, BodyVerdict>();
  let parsed = 0;
  return {
    verdict(body, line, key) {
      let verdict = cacheFile ? recall(known, key) : undefined;
      if (!verdict) {
        cached ??= readCache(cacheFile);
        verdict = cached.get(key);
      }
      if (!verdict) {
        verdict = judge(body(), line);
        parsed++;
      }
      if (cacheFile) keep(known, key, verdict);
      used.set(key, verdict);
      return verdict;
    },
    finish() {
      if (cached && (parsed > 0 || used.size !== cached.size)) writeCache(cacheFile, used);
    },
  };
}

/** A verdict this process already has (the content check asks before it reads a body). */
export function knownVerdict(key: string): BodyVerdict | undefined {
  return recall(known, key);
}

/** Keeps verdicts the content check judged or read, for the loads that follow in this process. */
export function rememberVerdict(key: string, verdict: BodyVerdict): void {
  keep(known, key, verdict);
}
