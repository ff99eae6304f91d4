import fs from 'node:fs';
import path from 'node:path';
import { type ContentFile, contentFile } from './blobs';
import type { ContentIssue } from './issues';
import type { BodyVerdict } from './sanitise';
import { SLUG_PATTERN } from './schema';
import { slugify } from './slug';
import { readBody } from './source';
import type { LoadOptions, SourceBody } from './types';
import type { Judging } from './verdicts';

export interface Collected {
  files: number;
  /** Files read, and files parsed: a file version parsed before in this process is not parsed again. */
  read: number;
  parsed: number;
  bodies: SourceBody[];
  verdicts: Map<SourceBody, BodyVerdict>;
  judging: Judging;
  judgeOnly?: ReadonlySet<string>;
  /** The folder's blob ids by path, when the publisher listed them (see blobs.ts). */
  manifest?: ReadonlyMap<string, string>;
}

/**
 * Notes a body and, unless `judgeOnly` leaves it to the caller, judges it now (not kept); the
 * file is read again only when no verdict on that body is known.
 */
export function collectBody(
  collected: Collected,
  entry: FileEntry,
  body: { key: string; line: number },
) {
  const source = { file: entry.relative, line: body.line, key: body.key };
  collected.bodies.push(source);
  if (collected.judgeOnly && !collected.judgeOnly.has(entry.relative)) return;
  const text = () => readBody(entry.file.bytes())?.body ?? '';
  collected.verdicts.set(source, collected.judging.verdict(text, body.line, body.key));
}

export interface FileEntry {
  relative: string;
  absolute: string;
  slug: string;
  file: ContentFile;
}

export function relativeName(options: LoadOptions, absolute: string): string {
  return path.join(path.basename(options.contentDir), path.relative(options.contentDir, absolute));
}

/** The collection's files, each read (if at all) as it is reached, so the loader never holds them all. */
export function* readCollection(
  options: LoadOptions,
  folder: string,
  kind: string,
  issues: ContentIssue[],
  collected: Collected,
): Generator<FileEntry> {
  const dir = path.join(options.contentDir, folder);
  if (!fs.existsSync(dir)) {
    issues.push({
      file: relativeName(options, dir),
      line: 1,
      column: 1,
      severity: 'error',
      message: `the folder is missing: ${kind.replace(/^an? /, '')} files live in ${folder}/`,
    });
    return;
  }
  const seen = new Map<string, string>();
  for (const dirent of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (dirent.name.startsWith('.')) continue;
    collected.files++;
    const absolute = path.join(dir, dirent.name);
    const relative = relativeName(options, absolute);
    const problem = (message: string) =>
      issues.push({ file: relative, line: 1, column: 1, severity: 'error', message });
    if (!dirent.isFile() || !dirent.name.endsWith('.mdx')) {
      problem(`is not ${kind} file: everything in ${folder}/ must be a .mdx file`);
      continue;
    }
    const slug = dirent.name.slice(0, -'.mdx'.length);
    const twin = seen.get(slug.toLowerCase());
    if (twin) {
      problem(
        twin.endsWith(dirent.name)
          ? `has the same slug as ${twin}`
          : `has the same slug as ${twin} apart from letter case; URLs are lowercase, so one must be renamed`,
      );
      continue;
    }
    seen.set(slug.toLowerCase(), relative);
    if (!SLUG_PATTERN.test(slug)) {
      problem(
        `the file name is the URL slug and must use only lowercase letters, digits and single hyphens (like ${suggestSlug(slug)}.mdx)`,
      );
      continue;
    }
    const file = contentFile(
      absolute,
      path.join(folder, dirent.name),
      collected.manifest,
      () => collected.read++,
    );
    yield { relative, absolute, slug, file };
  }
}

function suggestSlug(name: string): string {
  return slugify(name) || 'my-story';
}
