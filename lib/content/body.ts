import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { RecentlyUsed } from '../recently-used';
import { componentFeedForm, isBodyComponent } from './body-components';
import { markdown, toHast } from './pipeline';
import { type BodyVerdict, parseFailure } from './sanitise';

export { isSafeUrl, urlScheme } from './urls';
export * from './sanitise';

export interface ProcessedBody extends BodyVerdict {
  /** The sanitised body; editor components are elements named after them (`Figure`). */
  tree: HastRoot;
}

/** Runs the pipeline's Markdown plugins (the sanitiser among them) on a body. */
function parse(body: string, firstLine: number): { mdast?: Root; verdict: BodyVerdict } {
  const file = new VFile({ value: body, data: { bodyLineOffset: firstLine - 1 } });
  let mdast: Root;
  try {
    mdast = markdown.parse(file);
    // The plugins change the tree in place.
    markdown.runSync(mdast, file);
  } catch (error) {
    return { verdict: { problems: [parseFailure(error, firstLine - 1, body)], links: [] } };
  }
  return { mdast, verdict: file.data.verdict ?? { problems: [], links: [] } };
}

/** The verdict alone (what the loader needs), without building HTML. */
export function judgeBody(body: string, firstLine = 1): BodyVerdict {
  return parse(body, firstLine).verdict;
}

/** The verdict and the search text from one parse (what the content check keeps of each body). */
export function judgeWithText(body: string, firstLine = 1): { verdict: BodyVerdict; text: string } {
  const { mdast, verdict } = parse(body, firstLine);
  return { verdict, text: mdast ? treeText(toHast.runSync(mdast)) : '' };
}

/** Parses and sanitises a body into HTML elements, for every output but the page. */
export function processBody(body: string, firstLine = 1): ProcessedBody {
  const { mdast, verdict } = parse(body, firstLine);
  if (!mdast) return { ...verdict, tree: { type: 'root', children: [] } };
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

function feedForm(tree: HastRoot): HastRoot {
  return { type: 'root', children: withFeedForms(tree.children) };
}

/** The body with every component in its feed form: plain HTML for feed readers. */
export function feedTree(source: BodySource): HastRoot {
  return feedForm(bodyOf(source).tree);
}

function treeText(tree: HastRoot): string {
  return toText(feedForm(tree)).replace(/\s+/g, ' ').trim();
}

/** The body as plain text, for the search index. */
export function bodyText(source: BodySource): string {
  return treeText(bodyOf(source).tree);
}

const stringify = unified().use(rehypeStringify);

export function toHtml(tree: HastRoot): string {
  return stringify.stringify(tree);
}
