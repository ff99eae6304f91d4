import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A release folder's list of files with their git blob ids, written beside it by the publisher
 * (`releases/<commit>.blobs`, the output of `git ls-tree -r -z`): the loader knows which files a
 * release changed without reading the others. Outside the folder, so no commit can bring one.
 */
export const MANIFEST_SUFFIX = '.blobs';

/** Git's id of a file's bytes (`git hash-object`): the same whether read here or listed by git. */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** Each regular file's blob id by its path in the folder (`/`-separated), from `git ls-tree -r -z`. */
export function parseManifest(text: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const record of text.split('\0')) {
    const match = /^(100644|100755) blob ([0-9a-f]{40})\t(.+)$/s.exec(record);
    if (match?.[2] && match[3]) ids.set(match[3], match[2]);
  }
  return ids;
}

/** The manifest of the folder `dir` (the one its path resolves to), if it has one. */
export function readManifest(dir: string): Map<string, string> | undefined {
  try {
    return parseManifest(fs.readFileSync(`${fs.realpathSync(dir)}${MANIFEST_SUFFIX}`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** A file of a content folder: its blob id, from the manifest or by reading it, and its bytes. */
export interface ContentFile {
  id: string;
  /** Read once, when first asked (never when the manifest gave the id and nothing needs the text). */
  bytes(): Buffer;
}

export function contentFile(
  absolute: string,
  relative: string,
  manifest: ReadonlyMap<string, string> | undefined,
  onRead?: () => void,
): ContentFile {
  let bytes: Buffer | undefined;
  const read = () => {
    if (!bytes) onRead?.();
    return (bytes ??= fs.readFileSync(absolute));
  };
  const listed = manifest?.get(relative.split(path.sep).join('/'));
  return { id: listed ?? blobId(read()), bytes: read };
}
