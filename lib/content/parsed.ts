import type { ContentFile } from './blobs';
import { schemaIssues, type Severity } from './issues';
import { strayUpdates } from './live';
import { recall, remember, table } from './memo';
import { countWords } from './reading-time';
import {
  ARTICLE_FIELDS,
  type ArticleFrontmatter,
  articleFrontmatterSchema,
  AUTHOR_FIELDS,
  type AuthorFrontmatter,
  authorFrontmatterSchema,
} from './schema';
import { decodeUtf8, type ParsedSource, parseFrontmatterFile, type Position } from './source';
import { bodyKey } from './verdicts';

// What a story or author file says on its own, whatever else the release holds and whenever it
// is read: computed once per file version (its blob id) in a process. References to authors and
// sections, images on disk, embargoes and live coverage depend on more and are worked out at
// each load (articles.ts, authors.ts).

export const HEADLINE_WARN_LENGTH = 110;
export const SUMMARY_WARN_LENGTH = 200;

export interface FileProblem extends Position {
  severity: Severity;
  message: string;
}

interface Parsed<T> {
  /** What keeps the file from loading: not UTF-8, no frontmatter, invalid fields. */
  problems: FileProblem[];
  /** The body's key and first line, when the frontmatter could be read (it is judged then). */
  body?: { key: string; line: number };
  data?: T;
  /** Where each field the load may report on is (`authors.0`, `section`; `` the frontmatter). */
  positions: Record<string, Position>;
}

export interface ParsedArticle extends Parsed<ArticleFrontmatter> {
  words: number;
  /** Warnings on headline and summary length, and `<Update>`s in a story that is not live. */
  notes: FileProblem[];
}

export interface ParsedAuthor extends Parsed<AuthorFrontmatter> {
  bodyText: string;
}

const articles = table<ParsedArticle>('articles');
const authors = table<ParsedAuthor>('authors');

const ARTICLE_POSITIONS = [
  'title',
  'summary',
  'date',
  'updated',
  'section',
  'image',
  'live',
  'translationOf',
];

/** The file's frontmatter and body, or what keeps them from being read. */
function read(file: ContentFile): ParsedSource | FileProblem[] {
  const decoded = decodeUtf8(file.bytes());
  if ('error' in decoded) {
    return [{ line: 1, column: 1, severity: 'error', message: `the file ${decoded.error}` }];
  }
  const source = parseFrontmatterFile(decoded.text);
  if (source.problems.length) {
    return source.problems.map((p) => ({ ...p, severity: 'error' as const }));
  }
  return source;
}

function positionsOf(source: ParsedSource, fields: string[], lists: Record<string, unknown[]>) {
  const positions: Record<string, Position> = { '': source.locate([]) };
  for (const field of fields) positions[field] = source.locate([field]);
  for (const [field, items] of Object.entries(lists)) {
    items.forEach((_, index) => (positions[`${field}.${index}`] = source.locate([field, index])));
  }
  return positions;
}

/** Looks up what positionsOf kept, as `locate` of the parsed source would have answered. */
export function locator(positions: Record<string, Position>) {
  return (at: readonly PropertyKey[]): Position =>
    positions[at.map(String).join('.')] ?? positions[''] ?? { line: 1, column: 1 };
}

function withoutFile(issues: { line: number; column: number; severity: Severity; message: string }[]) {
  return issues.map(({ line, column, severity, message }) => ({ line, column, severity, message }));
}

export function parsedArticle(file: ContentFile, counts: { parsed: number }): ParsedArticle {
  return remember(articles, file.id, () => {
    counts.parsed++;
    const empty = { words: 0, notes: [], positions: {} };
    const source = read(file);
    if (Array.isArray(source)) return { ...empty, problems: source };
    const body = { key: bodyKey(source.body, source.bodyLine), line: source.bodyLine };
    const result = articleFrontmatterSchema.safeParse(source.data);
    if (!result.success) {
      const issues = schemaIssues(result.error, { ...source, file: '', allowedFields: ARTICLE_FIELDS });
      return { ...empty, problems: withoutFile(issues), body };
    }
    const data = result.data;
    const note = (field: string, message: string): FileProblem => ({
      ...source.locate([field]),
      severity: 'warning',
      message,
    });
    const notes: FileProblem[] = [];
    if (data.title.length > HEADLINE_WARN_LENGTH) {
      notes.push(
        note(
          'title',
          `"title" is ${data.title.length} characters; headlines over ${HEADLINE_WARN_LENGTH} are cut off in search results and share cards`,
        ),
      );
    }
    if (data.summary.length > SUMMARY_WARN_LENGTH) {
      notes.push(
        note(
          'summary',
          `"summary" is ${data.summary.length} characters; keep it under ${SUMMARY_WARN_LENGTH} so previews show all of it`,
        ),
      );
    }
    if (!data.live) {
      notes.push(
        ...strayUpdates(source.body, source.bodyLine).map((p) => ({ ...p, severity: 'error' as const })),
      );
    }
    return {
      problems: [],
      body,
      data,
      words: countWords(source.body),
      notes,
      positions: positionsOf(source, ARTICLE_POSITIONS, { authors: data.authors, tags: data.tags }),
    };
  });
}

export function parsedAuthor(file: ContentFile, counts: { parsed: number }): ParsedAuthor {
  return remember(authors, file.id, () => {
    counts.parsed++;
    const source = read(file);
    if (Array.isArray(source)) return { problems: source, positions: {}, bodyText: '' };
    const body = { key: bodyKey(source.body, source.bodyLine), line: source.bodyLine };
    const result = authorFrontmatterSchema.safeParse(source.data);
    if (!result.success) {
      const issues = schemaIssues(result.error, { ...source, file: '', allowedFields: AUTHOR_FIELDS });
      return { problems: withoutFile(issues), body, positions: {}, bodyText: source.body };
    }
    return {
      problems: [],
      body,
      data: result.data,
      positions: positionsOf(source, ['avatar'], {}),
      bodyText: source.body,
    };
  });
}

/** The body's key of a file version this process has parsed, without reading it. */
export function knownBody(id: string): { key: string; line: number } | undefined {
  return recall(articles, id)?.body ?? recall(authors, id)?.body;
}
