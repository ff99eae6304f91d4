import type { z } from 'zod';
import type { Position } from './source';

export type Severity = 'error' | 'warning';

export interface ContentIssue {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  message: string;
}

export function formatIssue(issue: ContentIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}  ${issue.severity}  ${issue.message}`;
}

export class ContentError extends Error {
  readonly issues: ContentIssue[];

  constructor(issues: ContentIssue[]) {
    const errors = issues.filter((issue) => issue.severity === 'error');
    super(
      `The content has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} and build again:\n` +
        errors.map(formatIssue).join('\n'),
    );
    this.name = 'ContentError';
    this.issues = issues;
  }
}

export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Reflect.get(current, part);
  }
  return current;
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export interface IssueContext {
  file: string;
  data: unknown;
  allowedFields: readonly string[];
  locate(path: readonly PropertyKey[]): Position;
  locateKey(key: string): Position;
}

export function schemaIssues(error: z.ZodError, context: IssueContext): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const suggestion = issue.path.length === 0 ? closest(key, context.allowedFields) : undefined;
        const where = issue.path.length ? ` in ${fieldName(issue.path)}` : '';
        const position =
          issue.path.length === 0 ? context.locateKey(key) : context.locate([...issue.path, key]);
        issues.push({
          file: context.file,
          ...position,
          severity: 'error',
          message: suggestion
            ? `unknown field "${key}"${where}: did you mean "${suggestion}"?`
            : `unknown field "${key}"${where}; allowed fields are ${context.allowedFields.join(', ')}`,
        });
      }
      continue;
    }
    const field = fieldName(issue.path);
    const value = valueAt(context.data, issue.path);
    let message: string;
    const wrongType = issue.code === 'invalid_type' || issue.code === 'invalid_union';
    if (wrongType && value === undefined) {
      message = `"${field}" is missing: it is required`;
    } else if (wrongType) {
      message = `"${field}" ${issue.message}, but it is ${describeValue(value)}`;
    } else {
      message = `"${field}" ${issue.message}`;
    }
    issues.push({
      file: context.file,
      ...(value === undefined && issue.path.length === 1
        ? context.locate([])
        : context.locate(issue.path)),
      severity: 'error',
      message,
    });
  }
  return issues;
}
