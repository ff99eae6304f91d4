import type { Paragraph, Root, RootContent } from 'mdast';
import rehypeAutolinkHeadings, { type Options as AutolinkOptions } from 'rehype-autolink-headings';
import rehypeHighlight from 'rehype-highlight';
import rehypeSlug from 'rehype-slug';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type PluggableList, unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { remarkGithubAlerts } from './markdown/alerts';
import { remarkAutolinks } from './markdown/autolinks';
import { remarkGfm } from './markdown/gfm';
import { type BodyVerdict, replaceChild, sanitise } from './sanitise';

declare module 'vfile' {
  interface DataMap {
    /** Lines above the body in its file, so that problems name the file's line. */
    bodyLineOffset: number;
    verdict: BodyVerdict;
  }
}

function isBlank(node: RootContent): boolean {
  return node.type === 'text' && !node.value.trim();
}

/** The sanitiser inside the compile: nothing it refuses reaches the MDX compiler. */
function remarkSanitise() {
  return (tree: Root, file: VFile) => {
    file.data.verdict = sanitise(tree, file.data.bodyLineOffset ?? 0);
  };
}

/**
 * As MDX does: a paragraph holding only elements (and white space) is not a paragraph; and one
 * left empty by the sanitiser is removed. MDX unravels before the sanitiser runs, this after it.
 */
function remarkUnravel() {
  return (tree: Root) => {
    visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const content = node.children.filter((child) => !isBlank(child));
      if (!content.every((child) => child.type === 'bodyElement')) return undefined;
      replaceChild(parent, index, content);
      return index;
    });
  };
}

// rehype-highlight registers its 37 grammars each time the plugin is attached, and the MDX
// compiler attaches every plugin for each body: one instance serves them all.
const highlight = rehypeHighlight();
const autolink: AutolinkOptions = { behavior: 'wrap', properties: { className: ['anchor'] } };

/**
 * The one body pipeline, in order. The page render (next-mdx-remote), the feeds, the search text,
 * the content check and the live updates all run these plugins and no others.
 */
export const remarkPlugins: PluggableList = [
  // After remark-mdx (MDX's own parser adds it first), which leaves `<https://…>` to JSX.
  remarkAutolinks,
  remarkGfm,
  remarkGithubAlerts,
  remarkSanitise,
  remarkUnravel,
];
export const rehypePlugins: PluggableList = [
  rehypeSlug,
  [rehypeAutolinkHeadings, autolink],
  () => highlight,
];

/** Parses MDX with the pipeline's syntax (GFM included) and runs its Markdown plugins. */
export const markdown = unified().use(remarkParse).use(remarkMdx).use(remarkPlugins).freeze();

/** The sanitised Markdown tree to HTML elements: what feeds and the search text start from. */
export const toHast = unified().use(remarkRehype).use(rehypePlugins).freeze();
