import fs from 'node:fs';
import { readBody } from './source';
import { bodyKey } from './verdicts';

export interface BodyFile {
  absolute: string;
  relative: string;
  hash: string;
}

// Kept on the article under a registered symbol, not in a module's WeakMap: Next bundles this
// module into each route separately while the content index is shared, so an article loaded by
// one copy is read (and copied, see copyWithBody) by another.
const BODY_FILE = Symbol.for('meridian.content.bodyFile');

function isBodyFile(value: unknown): value is BodyFile {
  return typeof value === 'object' && value !== null && 'absolute' in value && 'hash' in value;
}

function bodyFileOf(article: object): BodyFile | undefined {
  const file: unknown = Reflect.get(article, BODY_FILE);
  return isBodyFile(file) ? file : undefined;
}

/**
 * An article's `body`, read from its file on each access: a 100,000-story archive's bodies are
 * about 650 MB, and every build worker holds the whole index (lib/content/body.ts keeps the
 * parsed trees of the recent ones). One getter defined here for every article, because a getter
 * written in the loader's loop keeps that iteration's scope, the whole file text with it, alive.
 */
function articleBody(this: object): string {
  const file = bodyFileOf(this);
  if (!file) throw new Error('an article body was asked of an object the loader did not make');
  const read = readBody(fs.readFileSync(file.absolute));
  if (!read || bodyKey(read.body, read.line) !== file.hash) {
    // The file changed after the content was loaded (a `git pull` on a running server, before
    // the revalidate hook reloads it). The new text still goes through the one sanitiser.
    console.warn(`${file.relative} changed since the content was loaded; reload or rebuild`);
  }
  return read?.body ?? '';
}

function hasBody<T extends object>(value: T): value is T & { readonly body: string } {
  return 'body' in value;
}

export function withBodyFromFile<T extends object>(
  fields: T,
  file: BodyFile,
): T & { readonly body: string } {
  Object.defineProperty(fields, BODY_FILE, { value: file, enumerable: false });
  Object.defineProperty(fields, 'body', { get: articleBody, enumerable: true });
  if (!hasBody(fields)) throw new Error('the body accessor was not defined');
  return fields;
}

/** A copy of a loaded article whose body is read from the same file. */
export function copyWithBody<T extends { readonly body: string }>(article: T): T {
  if (!bodyFileOf(article)) throw new Error('an article was copied that the loader did not make');
  const copy: T = Object.create(Object.prototype, Object.getOwnPropertyDescriptors(article));
  return copy;
}
