/** A parse error as the content check reports it: where, and what to write instead. */
export interface ParseProblem {
  line: number;
  column: number;
  message: string;
}

export const LITERAL_HINT = 'to write a literal < or { in text, put a backslash before it: \\< \\{';

export const UNCLOSED_COMMENT =
  'this HTML comment "<!--" is never closed: end it with "-->" (everything up to "-->" is left out of the page)';

interface ParserError {
  reason: string;
  ruleId: string;
  /** Where the parser stopped, as an offset into the body when it can be told. */
  offset: number | undefined;
  line: number;
  column: number;
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? Reflect.get(value, key) : undefined;
}

function readError(error: unknown): ParserError {
  const place = field(error, 'place');
  const start = field(place, 'start') ?? place;
  const reason = field(error, 'reason');
  const offset = field(start, 'offset');
  return {
    reason: (typeof reason === 'string' ? reason : String(error)).replace(/\.$/, ''),
    ruleId: String(field(error, 'ruleId') ?? ''),
    offset: typeof offset === 'number' ? offset : undefined,
    line: Number(field(start, 'line') ?? 1),
    column: Number(field(start, 'column') ?? 1),
  };
}

/** Line and column (1-based) of an offset into the body. */
function pointAt(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line: (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1, column: offset - lineStart + 1 };
}

/** The text from `start` to the end of its line, cut short where `stop` matches. */
function snippet(source: string, start: number, stop: RegExp): string {
  const rest = source.slice(start).split(/\r?\n|\r/, 1)[0] ?? '';
  const match = stop.exec(rest.slice(1));
  const text = match ? rest.slice(0, match.index + 1) : rest;
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

interface Found {
  /** Offset of what is named in the message, when it differs from where the parser stopped. */
  at?: number;
  line?: number;
  column?: number;
  message: string;
}

/** A `<` the tag parser could not read: a stray `<`, an unquoted or unclosed attribute value. */
function tagProblem(source: string, parsed: ParserError, offset: number): Found {
  const at = source.lastIndexOf('<', Math.max(0, offset - 1));
  if (at === -1) return { message: `this is not a tag MDX can read: ${LITERAL_HINT}` };
  const tag = snippet(source, at, /[\s>]/);
  const reason = parsed.reason;
  if (source.startsWith('<!--', at)) {
    return {
      at,
      message: UNCLOSED_COMMENT,
    };
  }
  if (reason.includes('before attribute value')) {
    const name = /([\w:-]+)\s*=\s*$/.exec(source.slice(at, offset))?.[1] ?? 'name';
    const value = snippet(source, offset, /[\s>]|\/>/);
    return {
      message: `the attribute value ${name}=${value} needs quotes: write ${name}="${value}"`,
    };
  }
  if (reason.includes('in attribute value')) {
    const quote = Math.max(source.lastIndexOf('="', offset), source.lastIndexOf("='", offset));
    const name = /([\w:-]+)\s*$/.exec(source.slice(0, Math.max(quote, 0)))?.[1] ?? 'name';
    const mark = source.charAt(quote + 1) || '"';
    return {
      at: quote === -1 ? at : quote - name.length,
      message: `the value of the attribute ${name} has no closing quote: end it with ${mark}, like ${name}=${mark}…${mark}`,
    };
  }
  if (parsed.ruleId === 'unexpected-eof') {
    return {
      at,
      message: `"${snippet(source, at, /$^/)}" reads as the start of a tag with no closing ">": end the tag with >, or ${LITERAL_HINT}`,
    };
  }
  return { at, message: `"${tag}" is not a tag or a link: ${LITERAL_HINT}` };
}

/** A `{` whose content is not an expression, in text or as an attribute value. */
function expressionProblem(source: string, parsed: ParserError, offset: number): Found {
  const at = source.lastIndexOf('{', Math.max(0, offset - 1));
  if (at === -1) return { message: `this is not an expression MDX can read: ${LITERAL_HINT}` };
  const attribute = /([\w:-]+)\s*=\s*$/.exec(source.slice(0, at))?.[1];
  const inTag = source.lastIndexOf('<', at) > source.lastIndexOf('>', at);
  if (inTag) {
    return {
      at,
      message: attribute
        ? `the attribute ${attribute}={…} is a JavaScript expression; attributes must be text in quotes, like ${attribute}="…"`
        : SPREAD,
    };
  }
  const text = snippet(source, at, /\}/);
  const closed = source.slice(at).split(/\r?\n|\r/, 1)[0]?.includes('}');
  return {
    at,
    message: `"${closed ? `${text}}` : text}" is not allowed in text (curly braces hold JavaScript in MDX): ${LITERAL_HINT}`,
  };
}

const SPREAD =
  '{…} among the attributes of a tag is JavaScript, which articles cannot use: write each attribute as name="text"';

const UNCLOSED = /^Expected a closing tag for `<([^`]*)>` \((\d+):(\d+)-[^)]*\)( before the end of `(\w+)`)?/;
const MISMATCH = /^Unexpected closing tag `<\/([^`]*)>`, expected corresponding closing tag for `<([^`]*)>` \((\d+):\d+/;

/**
 * What the parser read but could not fit together: tags that do not pair, closing tags with more
 * than a name, spreads, lines of a tag left out of their quote or list.
 */
function structureProblem(
  source: string,
  parsed: ParserError,
  offset: number | undefined,
  lineOffset: number,
): Found | undefined {
  const unclosed = UNCLOSED.exec(parsed.reason);
  if (unclosed) {
    const [, name = '', line = '1', column = '1', , container] = unclosed;
    return {
      line: Number(line),
      column: Number(column),
      message: `<${name}> on line ${Number(line) + lineOffset} is never closed: ${
        container === 'paragraph'
          ? `close it with </${name}> before the end of its paragraph`
          : container
            ? `close it with </${name}> inside the Markdown formatting (${container}) it starts in: tags and formatting must nest, like *<${name}>text</${name}>*`
            : `end it with </${name}>, or write <${name} /> if it has no content`
      }`,
    };
  }
  const mismatch = MISMATCH.exec(parsed.reason);
  if (mismatch) {
    const [, closing = '', open = '', line = '1'] = mismatch;
    return {
      message: `</${closing}> does not match <${open}>, which is open from line ${Number(line) + lineOffset}: close <${open}> first with </${open}>`,
    };
  }
  if (parsed.ruleId === 'unexpected-self-closing-slash' || parsed.ruleId === 'unexpected-attribute') {
    const at = source.lastIndexOf('</', offset);
    const name = /^<\/\s*([^\s/>]*)/.exec(source.slice(at))?.[1] ?? '';
    return {
      at,
      message: `a closing tag holds only its name: write </${name}>, with no attributes and no / before the >`,
    };
  }
  if (parsed.ruleId === 'non-spread' || parsed.ruleId === 'spread-extra') {
    return {
      at: source.lastIndexOf('{', offset),
      message: SPREAD,
    };
  }
  if (parsed.ruleId === 'unexpected-lazy') {
    return {
      message:
        'a tag or {…} that goes on to the next line inside a quote or a list needs that line marked as part of it too: start it with > in a quote, or indent it in a list',
    };
  }
  if (parsed.ruleId === 'unexpected-closing-slash' && offset !== undefined) {
    const at = source.lastIndexOf('<', offset);
    return {
      at,
      message: `"${snippet(source, at, />/)}>" closes a tag that was never opened: remove it, or ${LITERAL_HINT}`,
    };
  }
  return undefined;
}

function explain(source: string, parsed: ParserError, lineOffset: number): Found {
  const offset =
    parsed.offset ??
    source.split(/\r?\n|\r/).slice(0, parsed.line - 1).reduce((sum, line) => sum + line.length + 1, 0) +
      parsed.column -
      1;
  const paired = structureProblem(source, parsed, offset, lineOffset);
  if (paired) return paired;
  if (/ in expression|with acorn|empty expression|^Unexpected content after/i.test(parsed.reason)) {
    return expressionProblem(source, parsed, offset);
  }
  if (/^Unexpected (character|end of file)/.test(parsed.reason)) return tagProblem(source, parsed, offset);
  return { message: `this is not valid MDX: ${LITERAL_HINT}` };
}

/** The parser's positions (`(3:1-3:10)`) counted from the top of the file, as the check's are. */
function inFileLines(reason: string, lineOffset: number): string {
  return reason.replace(
    /\((\d+):(\d+)-(\d+):(\d+)\)/g,
    (_, startLine: string, startColumn: string, endLine: string, endColumn: string) =>
      `(${Number(startLine) + lineOffset}:${startColumn}-${Number(endLine) + lineOffset}:${endColumn})`,
  );
}

/**
 * A parse error of the MDX parser in words an editor can act on: what was found and what to
 * write instead, at the line and column of the thing named, with the parser's own message after
 * it in brackets for developers.
 */
export function parseFailure(error: unknown, lineOffset: number, source = ''): ParseProblem {
  const parsed = readError(error);
  const found = explain(source, parsed, lineOffset);
  const point =
    found.line !== undefined
      ? { line: found.line, column: found.column ?? 1 }
      : found.at !== undefined && found.at >= 0
        ? pointAt(source, found.at)
        : { line: parsed.line, column: parsed.column };
  return {
    line: point.line + lineOffset,
    column: point.column,
    message: `${found.message} [MDX: ${inFileLines(parsed.reason, lineOffset)}]`,
  };
}
