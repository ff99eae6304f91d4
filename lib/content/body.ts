import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Paragraph, Root, RootContent } from 'mdast';
import rehypeAutolinkHeadings, { type Options as AutolinkOptions } from 'rehype-autolink-headings';
import rehypeHighlight from 'rehype-highlight';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { RecentlyUsed } from '../recently-used';
import { componentFeedForm, isBodyComponent } from './body-components';
import { remarkGithubAlerts } from './markdown/alerts';
import { remarkAutolinks } from './markdown/autolinks';
import { type BodyVerdict, parseFailure, replaceChild, sanitise } from './sanitise';

export { isSafeUrl, urlScheme } from './urls';
export * from './sanitise';

export interface ProcessedBody extends BodyVerdict {
  /** The sanitised body; editor components are elements named after them (`Figure`). */
  tree: HastRoot;
}

function isBlank(node: RootContent): boolean {
  return node.type === 'text' && !node.value.trim();
}

/**
 * As MDX does: a paragraph holding only elements (and white space) is not a paragraph; and one
 * left empty by the sanitiser is removed.
 */
function unravel(tree: Root) {
  visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const content = node.children.filter((child) => !isBlank(child));
    if (!content.every((child) => child.type === 'mdxJsxTextElement')) {
      return undefined;
    }
    replaceChild(parent, index, content);
    return index;
  });
}

const parser = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkAutolinks)
  .use(remarkGfm)
  .use(remarkGithubAlerts);

// rehype-highlight registers its 37 grammars each time the plugin is attached: one instance
// serves every body.
const highlight = rehypeHighlight();
const autolink: AutolinkOptions = { behavior: 'wrap', properties: { className: ['anchor'] } };
const toHast = unified()
  .use(remarkRehype)
  .use(rehypeSlug)
  .use(rehypeAutolinkHeadings, autolink)
  .use(() => highlight);

function parse(body: string, lineOffset: number): { mdast?: Root; verdict: BodyVerdict } {
  let mdast: Root;
  try {
    mdast = parser.runSync(parser.parse(body));
  } catch (error) {
    return { verdict: { problems: [parseFailure(error, lineOffset, body)], links: [] } };
  }
  return { mdast, verdict: sanitise(mdast, lineOffset) };
}

/** The verdict alone (what the loader and the content check need), without building HTML. */
export function judgeBody(body: string, firstLine = 1): BodyVerdict {
  return parse(body, firstLine - 1).verdict;
}

/** Parses and sanitises a body: the one pipeline every output of a body starts from. */
export function processBody(body: string, firstLine = 1): ProcessedBody {
  const { mdast, verdict } = parse(body, firstLine - 1);
  if (!mdast) return { ...verdict, tree: { type: 'root', children: [] } };
  unravel(mdast);
  return { ...verdict, tree: toHast.runSync(mdast) };
}


/** Something with a body: an article or an author. */
export interface BodySource {
  body: string;
  bodyLine: number;
}

// The most recently used trees, not all of them: a build worker renders thousands of stories
// once each, while the feeds render the newest 50 many times.
const processed = new RecentlyUsed<BodySource, ProcessedBody>(256);

/** The processed body of a loaded article or author (the recent ones are kept). */
export function bodyOf(source: BodySource): ProcessedBody {
  return processed.get(source, () => processBody(source.body, source.bodyLine));
}

function isElement(node: HastContent): node is Element {
  return node.type === 'element';
}

function withFeedForms(nodes: HastContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'text' || node.type === 'comment') return [node];
    if (!isElement(node)) return [];
    const children = withFeedForms(node.children);
    if (isBodyComponent(node.tagName)) {
      return componentFeedForm(node.tagName, node.properties, children);
    }
    return [{ ...node, properties: { ...node.properties }, children }];
  });
}

/** The body with every component in its feed form: plain HTML for feed readers. */
export function feedTree(source: BodySource): HastRoot {
  const { tree } = bodyOf(source);
  return { type: 'root', children: withFeedForms(tree.children) };
}

/** The body as plain text, for the search index. */
export function bodyText(source: BodySource): string {
  return toText(feedTree(source)).replace(/\s+/g, ' ').trim();
}

const stringify = unified().use(rehypeStringify);

export function toHtml(tree: HastRoot): string {
  return stringify.stringify(tree);
}
