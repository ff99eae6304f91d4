import type { Properties } from 'hast';
import type { Data, Parent, PhrasingContent, RootContent } from 'mdast';
import { phrasing } from 'mdast-util-phrasing';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/**
 * A JSX element the sanitiser kept, now plain markup: it becomes the HTML element or component it
 * names, and MDX maps it to the registry's components like any Markdown element (MDX leaves a
 * literal `<img>` typed as JSX alone; this one is sized by SiteImage).
 */
export interface BodyElement extends Parent {
  type: 'bodyElement';
  data: Data & { hName: string; hProperties: Properties };
}

declare module 'mdast' {
  interface RootContentMap {
    bodyElement: BodyElement;
  }
  interface BlockContentMap {
    bodyElement: BodyElement;
  }
  interface PhrasingContentMap {
    bodyElement: BodyElement;
  }
}

/**
 * What stands in for an element the sanitiser removes but whose content it keeps. MDX lifts a
 * lone element out of its paragraph before the sanitiser runs, so text-only content gets its
 * paragraph back (as it has when the sanitiser runs first).
 */
export function unwrapped(node: JsxElement): RootContent[] {
  const children: RootContent[] = node.children;
  if (node.type !== 'mdxJsxFlowElement' || !children.length) return children;
  const inline = children.filter((child): child is PhrasingContent => phrasing(child));
  return inline.length === children.length ? [{ type: 'paragraph', children: inline }] : children;
}

export function bodyElement(node: JsxElement, hName: string, hProperties: Properties): BodyElement {
  return {
    type: 'bodyElement',
    data: { hName, hProperties },
    children: node.children,
    ...(node.position && { position: node.position }),
  };
}
