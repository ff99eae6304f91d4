import fs from 'node:fs';
import path from 'node:path';
import { RULES_HASH } from './sanitise';

/**
 * Each body's search text, kept on disk beside the verdict cache and under the same key
 * (bodyKey), so that a body is parsed once per version: by the content check's workers when they
 * judge it, else by the search index, which reads the rest from here. One line per body, a JSON
 * `[key, text]`, after a first line naming the pipeline (RULES_HASH) that wrote them. Lines are
 * appended as bodies are parsed, so no run holds every text to write them; a later line wins.
 */
export function searchTextFile(verdictCacheFile: string | undefined): string | undefined {
  return verdictCacheFile && `${verdictCacheFile.replace(/\.json$/, '')}.texts.jsonl`;
}

const HEADER = JSON.stringify(RULES_HASH);
const NEWLINE = 0x0a;

/** The file's lines, read in pieces: at 100,000 stories it is larger than a string may be. */
function* lines(file: string): Generator<string> {
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(1 << 22);
    let rest = Buffer.alloc(0);
    for (let read; (read = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0; ) {
      const data = rest.length ? Buffer.concat([rest, chunk.subarray(0, read)]) : chunk.subarray(0, read);
      let start = 0;
      for (let end; (end = data.indexOf(NEWLINE, start)) !== -1; start = end + 1) {
        yield data.toString('utf8', start, end);
      }
      rest = Buffer.from(data.subarray(start));
    }
    if (rest.length) yield rest.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether the file was written by this pipeline (only its first line is read). */
function isCurrent(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const start = Buffer.alloc(HEADER.length + 1);
      const read = fs.readSync(fd, start, 0, start.length, 0);
      return start.toString('utf8', 0, read) === `${HEADER}\n`;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

function entry(line: string): [string, string] | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string'
      ? [value[0], value[1]]
      : undefined;
  } catch {
    // A line cut short by a run that stopped while writing.
    return undefined;
  }
}

export interface SearchTexts {
  texts: Map<string, string>;
  /** Entries in the file, wanted or not (texts of older versions, authors, drafts). */
  entries: number;
}

/** The texts of the wanted keys, if the file was written by this pipeline. */
export function readSearchTexts(file: string | undefined, wanted: ReadonlySet<string>): SearchTexts {
  const texts = new Map<string, string>();
  let entries = 0;
  if (!file || !isCurrent(file)) return { texts, entries };
  try {
    for (const line of lines(file)) {
      if (line === HEADER) continue;
      const found = entry(line);
      if (!found) continue;
      entries++;
      if (wanted.has(found[0])) texts.set(found[0], found[1]);
    }
  } catch {
    // An unreadable file only means the texts are computed again.
  }
  return { texts, entries };
}

const line = ([key, text]: [string, string]) => `${JSON.stringify([key, text])}\n`;

/** Adds texts to the file as they are computed; a file of another pipeline is started afresh. */
export class SearchTextWriter {
  private fd: number | undefined;
  private failed = false;

  constructor(private readonly file: string | undefined) {}

  add(entries: readonly [string, string][]): void {
    if (!this.file || this.failed || entries.length === 0) return;
    try {
      this.fd ??= this.open(this.file);
      fs.writeSync(this.fd, entries.map(line).join(''));
    } catch {
      // The texts are an optimisation: the index computes what it does not find.
      this.failed = true;
    }
  }

  private open(file: string): number {
    if (isCurrent(file)) return fs.openSync(file, 'a');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, `${HEADER}\n`);
    return fd;
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

/** Writes the file anew with these texts only (when most of it is texts nobody reads any more). */
export function rewriteSearchTexts(file: string | undefined, texts: ReadonlyMap<string, string>) {
  if (!file) return;
  // Written whole and renamed into place: a run reading the file meanwhile sees one or the other.
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const fd = fs.openSync(temporary, 'w');
    try {
      fs.writeSync(fd, `${HEADER}\n`);
      let batch = '';
      for (const pair of texts) {
        batch += line(pair);
        if (batch.length > 1 << 20) {
          fs.writeSync(fd, batch);
          batch = '';
        }
      }
      fs.writeSync(fd, batch);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}
