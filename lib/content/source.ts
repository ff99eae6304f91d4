import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export interface SourceProblem extends Position {
  message: string;
}

export interface ParsedSource {
  data: unknown;
  body: string;
  bodyLine: number;
  problems: SourceProblem[];
  locate(path: readonly PropertyKey[]): Position;
  locateKey(key: string): Position;
}

const FRONTMATTER_START: Position = { line: 1, column: 1 };

export function decodeUtf8(bytes: Uint8Array): { text: string } | { error: string } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text: text.replace(/\r\n?/g, '\n') };
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    return {
      error: `is not valid UTF-8 text (first bad byte at offset ${offset}); save the file as UTF-8`,
    };
  }
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid;
    }
  }
  return low;
}

function emptyResult(problem: SourceProblem, body = ''): ParsedSource {
  return {
    data: undefined,
    body,
    bodyLine: 1,
    problems: [problem],
    locate: () => FRONTMATTER_START,
    locateKey: () => FRONTMATTER_START,
  };
}

export function parseYaml(text: string, firstLine = 1): Omit<ParsedSource, 'body' | 'bodyLine'> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const at = (offset: number): Position => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + firstLine - 1, column: pos.col };
  };
  const problems: SourceProblem[] = [...doc.errors, ...doc.warnings].map((error) => ({
    ...at(error.pos[0]),
    message: `the frontmatter is not valid YAML: ${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`,
  }));
  return {
    data: problems.length ? undefined : doc.toJS(),
    problems,
    locate: (path) => locateIn(doc, path, at),
    locateKey: (key) => locateKeyIn(doc, key, at),
  };
}

function locateIn(
  doc: Document,
  path: readonly PropertyKey[],
  at: (offset: number) => Position,
): Position {
  for (let depth = path.length; depth > 0; depth--) {
    const node: unknown = doc.getIn(path.slice(0, depth), true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      const start: unknown = node.range[0];
      if (typeof start === 'number') return at(start);
    }
  }
  const root = doc.contents;
  if (root?.range) return at(root.range[0]);
  return at(0);
}

function locateKeyIn(doc: Document, key: string, at: (offset: number) => Position): Position {
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      if (isPair(item) && isScalar(item.key) && item.key.value === key && item.key.range) {
        return at(item.key.range[0]);
      }
    }
  }
  return locateIn(doc, [], at);
}

/** The YAML between the two --- lines and the body after them (with its first line number). */
export function splitFrontmatter(
  source: string,
): { yamlText: string; body: string; bodyLine: number } | 'unopened' | 'unclosed' {
  const lines = source.split('\n');
  if (lines[0]?.trimEnd() !== '---') return 'unopened';
  const end = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  if (end === -1) return 'unclosed';
  return {
    yamlText: lines.slice(1, end).join('\n'),
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
  };
}

/** A file's body and the line it starts on, without parsing its frontmatter (none: it has none). */
export function readBody(bytes: Uint8Array): { body: string; line: number } | undefined {
  const decoded = decodeUtf8(bytes);
  if ('error' in decoded) return undefined;
  const split = splitFrontmatter(decoded.text.replace(/^\uFEFF/, ''));
  return typeof split === 'object' ? { body: split.body, line: split.bodyLine } : undefined;
}

export function parseFrontmatterFile(text: string): ParsedSource {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (source.trim() === '') {
    return emptyResult({
      ...FRONTMATTER_START,
      message: 'the file is empty: it must start with frontmatter between two --- lines',
    });
  }
  const split = splitFrontmatter(source);
  if (split === 'unopened') {
    return emptyResult({
      ...FRONTMATTER_START,
      message: 'the file must start with a line containing only --- (the frontmatter)',
    });
  }
  if (split === 'unclosed') {
    return emptyResult({
      ...FRONTMATTER_START,
      message: 'the frontmatter is never closed: add a line containing only --- after it',
    });
  }
  const { yamlText, body, bodyLine } = split;
  const end = bodyLine - 2;
  const parsed = parseYaml(yamlText, 2);
  const data = parsed.data;
  if (parsed.problems.length === 0 && (data === null || typeof data !== 'object' || Array.isArray(data))) {
    return {
      ...emptyResult(
        { ...FRONTMATTER_START, message: 'the frontmatter must be a list of fields like title: …' },
        body,
      ),
      bodyLine: end + 2,
    };
  }
  return { ...parsed, body, bodyLine: end + 2 };
}
