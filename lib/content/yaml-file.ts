import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { type Collected, relativeName } from './collection';
import { type ContentIssue, schemaIssues } from './issues';
import { decodeUtf8, parseYaml, type Position } from './source';
import type { LoadOptions } from './types';

export interface YamlFile<T> {
  file: string;
  data: T;
  locate(path: readonly PropertyKey[]): Position;
}

/**
 * A YAML file of the content folder (sections.yaml, tags.yaml) read and checked against its
 * schema; undefined when it cannot be used, with an issue at file:line:column for each problem.
 */
export function readYamlFile<S extends z.ZodType>(
  options: LoadOptions,
  name: string,
  schema: S,
  allowedFields: readonly string[],
  issues: ContentIssue[],
  collected: Collected,
): YamlFile<z.output<S>> | undefined {
  const absolute = path.join(options.contentDir, name);
  const file = relativeName(options, absolute);
  collected.files++;
  const decoded = decodeUtf8(fs.readFileSync(absolute));
  if ('error' in decoded) {
    issues.push({ file, line: 1, column: 1, severity: 'error', message: `the file ${decoded.error}` });
    return undefined;
  }
  const parsed = parseYaml(decoded.text.replace(/^\uFEFF/, ''));
  if (parsed.problems.length) {
    issues.push(...parsed.problems.map((p) => ({ file, ...p, severity: 'error' as const })));
    return undefined;
  }
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    issues.push(...schemaIssues(result.error, { ...parsed, file, allowedFields }));
    return undefined;
  }
  return { file, data: result.data, locate: parsed.locate };
}

/** A list's entries in order, each slug once; a slug declared again is an issue at that slug. */
export function declaredOnce<T extends { slug: string }>(
  read: YamlFile<T[]>,
  what: string,
  issues: ContentIssue[],
): T[] {
  const seen = new Set<string>();
  return read.data.filter((entry, index) => {
    if (!seen.has(entry.slug)) {
      seen.add(entry.slug);
      return true;
    }
    issues.push({
      file: read.file,
      ...read.locate([index, 'slug']),
      severity: 'error',
      message: `${what} "${entry.slug}" is declared twice`,
    });
    return false;
  });
}
