import type { Blockquote, Paragraph, PhrasingContent, Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { CALLOUT_TYPES, type CalloutType } from '../body-components';


// As on GitHub: the marker alone on the quote's first line, in any case.
const MARKER = /^[ \t]*\[!([a-z]+)\][ \t]*$/i;

function alertType(word: string | undefined): CalloutType | undefined {
  const lower = word?.toLowerCase();
  return CALLOUT_TYPES.find((type) => type === lower);
}

/** The quote's content without its marker line, or undefined when it is not an alert. */
function withoutMarker(quote: Blockquote): { type: CalloutType; first: Paragraph[] } | undefined {
  const paragraph = quote.children[0];
  if (paragraph?.type !== 'paragraph') return undefined;
  const [head, ...inline] = paragraph.children;
  if (head?.type !== 'text') return undefined;
  const newline = head.value.indexOf('\n');
  const type = alertType(MARKER.exec(newline === -1 ? head.value : head.value.slice(0, newline))?.[1]);
  if (!type) return undefined;
  let rest: PhrasingContent[];
  if (newline !== -1) {
    rest = [{ ...head, value: head.value.slice(newline + 1) }, ...inline];
  } else if (inline.length === 0) {
    rest = [];
  } else if (inline[0]?.type === 'break') {
    rest = inline.slice(1);
  } else {
    return undefined;
  }
  return { type, first: rest.length ? [{ ...paragraph, children: rest }] : [] };
}

/**
 * GitHub alerts (`> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`) as the
 * `Callout` component, which the sanitiser then judges like one the editor wrote. Other
 * `[!WORD]` markers, or text after the marker on its line, leave the quote a quote.
 */
export function githubAlerts(tree: Root) {
  visit(tree, 'blockquote', (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const alert = withoutMarker(node);
    if (!alert) return undefined;
    const callout: MdxJsxFlowElement = {
      type: 'mdxJsxFlowElement',
      name: 'Callout',
      attributes: [{ type: 'mdxJsxAttribute', name: 'type', value: alert.type }],
      children: [...alert.first, ...node.children.slice(1)],
      position: node.position,
    };
    parent.children[index] = callout;
    // Visit the callout's children too: a quote inside an alert may be an alert itself.
    return index;
  });
}

/** The same as a remark plugin, for a unified pipeline. */
export const remarkGithubAlerts: Plugin<[], Root> = () => githubAlerts;
