import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Construct, ConstructRecord, Extension } from 'micromark-util-types';
import type { Processor } from 'unified';

/**
 * What each of GFM's literal autolinks cannot match without. The email construct is tried at
 * the start of every word (before it can know there is no `@`), which doubled the time micromark
 * took to parse a body.
 */
const LITERALS = {
  emailAutolink: /@/,
  wwwAutolink: /www\./i,
  protocolAutolink: /https?:\/\//i,
} satisfies Record<string, RegExp>;

function isLiteral(construct: Construct): boolean {
  return construct.name !== undefined && construct.name in LITERALS;
}

function filterRecord(record: ConstructRecord, keep: (construct: Construct) => boolean) {
  const kept: ConstructRecord = {};
  for (const [code, value] of Object.entries(record)) {
    const list = (Array.isArray(value) ? value : [value]).filter(
      (construct): construct is Construct => construct !== undefined && keep(construct),
    );
    if (list.length > 0) kept[code] = list;
  }
  return kept;
}

const library = gfm();
const literalText = filterRecord(library.text ?? {}, isLiteral);
/** Everything GFM adds but the literal autolinks: footnotes, strikethrough, tables, tasks. */
const rest: Extension = { ...library, text: filterRecord(library.text ?? {}, (c) => !isLiteral(c)) };

const literalRecords = new Map<string, ConstructRecord>();

/** The literal autolink constructs a document could match, the same for documents alike. */
function literalsFor(document: string): ConstructRecord {
  const names = Object.entries(LITERALS)
    .filter(([, pattern]) => pattern.test(document))
    .map(([name]) => name);
  const key = names.join();
  let record = literalRecords.get(key);
  if (!record) {
    record = filterRecord(literalText, (construct) => names.includes(construct.name ?? ''));
    literalRecords.set(key, record);
  }
  return record;
}

/**
 * remark-gfm, parsing exactly as it does (tests/markdown-gfm.test.ts compares the trees), but
 * offering micromark only the literal autolinks a document's text could hold. Use it after
 * remark-parse, whose parser it wraps.
 */
export function remarkGfm(this: Processor) {
  const data = this.data();
  const literals: Extension = { text: {} };
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), rest, literals];
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), gfmFromMarkdown()];
  const parser = this.parser;
  if (!parser) throw new Error('remarkGfm must be used after remark-parse');
  // micromark combines the extensions as each parse starts, and a parse is synchronous.
  this.parser = (document, file) => {
    literals.text = literalsFor(document);
    return parser(document, file);
  };
}
