import { autolink, htmlFlow, htmlText } from 'micromark-core-commonmark';
import type { Code, Construct, ConstructRecord, Extension, State } from 'micromark-util-types';
import type { Processor } from 'unified';

const LESS_THAN = 60;
const COMMENT_OPENING = [60, 33, 45, 45]; // <!--

/** `<!--`, looked at ahead: what separates a comment from the other HTML that MDX refuses. */
const commentOpening: Construct = {
  tokenize(effects, ok, nok) {
    let index = 0;
    const next: State = (code: Code) => {
      if (code !== COMMENT_OPENING[index]) return nok(code);
      if (index === 0) effects.enter('data');
      effects.consume(code);
      index++;
      if (index < COMMENT_OPENING.length) return next;
      effects.exit('data');
      return ok;
    };
    return next;
  },
};

/** CommonMark's own construct, started only where `<!--` opens an HTML comment. */
function commentOnly(construct: Construct, name: string): Construct {
  const tokenize = construct.tokenize;
  return {
    ...construct,
    name,
    tokenize(effects, ok, nok) {
      return effects.check(commentOpening, tokenize.call(this, effects, ok, nok), nok);
    },
  };
}

// MDX turns CommonMark's autolinks and HTML off by name; these copies carry other names.
const textAutolink: Construct = { name: 'mdxCommonmarkAutolink', tokenize: autolink.tokenize };
const textComment = commentOnly(htmlText, 'mdxCommonmarkCommentText');
const flowComment = commentOnly(htmlFlow, 'mdxCommonmarkCommentFlow');

/**
 * MDX's JSX tag construct, declining where the `<` opens an autolink or a comment, so that the
 * paragraph (flow) or the constructs above (text) take it instead of the tag parser crashing.
 */
function unlessMarkdown(jsx: Construct, markdown: Construct[]): Construct {
  const tokenize = jsx.tokenize;
  const markdownAhead: Construct = {
    tokenize(effects, ok, nok) {
      return effects.attempt(markdown, ok, nok);
    },
  };
  return {
    ...jsx,
    tokenize(effects, ok, nok) {
      return effects.check(markdownAhead, nok, tokenize.call(this, effects, ok, nok));
    },
  };
}

function wrapJsx(record: ConstructRecord | undefined, name: string, markdown: Construct[]): boolean {
  const value = record?.[LESS_THAN];
  if (!record || !value) return false;
  const list = Array.isArray(value) ? value : [value];
  const found = list.some((construct) => construct.name === name);
  record[LESS_THAN] = list.map((construct) =>
    construct.name === name ? unlessMarkdown(construct, markdown) : construct,
  );
  return found;
}

/**
 * CommonMark autolinks (`<https://…>`, `<mailto:…>`, `<name@example.org>`) and HTML comments
 * (`<!-- … -->`) in MDX, which otherwise reads both as the start of a JSX tag and fails. Works at
 * the tokenizer, so code spans and fenced code are never touched. Autolinks become `link` nodes,
 * judged by the sanitiser like any other link; comments become `html` nodes, which the sanitiser
 * drops. Use it after remark-mdx, whose JSX constructs it wraps.
 */
export function remarkAutolinks(this: Processor) {
  const data = this.data();
  const extensions = data.micromarkExtensions ?? [];
  let flow = false;
  let text = false;
  for (const extension of extensions) {
    flow = wrapJsx(extension.flow, 'mdxJsxFlowTag', [textAutolink, commentOpening]) || flow;
    text = wrapJsx(extension.text, 'mdxJsxTextTag', [textAutolink, textComment]) || text;
  }
  if (!flow || !text) throw new Error('remarkAutolinks must be used after remark-mdx');
  const markdown: Extension = {
    flow: { [LESS_THAN]: flowComment },
    text: { [LESS_THAN]: [textAutolink, textComment] },
  };
  data.micromarkExtensions = [...extensions, markdown];
}
