import type { Nodes, Parent, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { isSafeUrl, urlScheme } from './urls';

export { isSafeUrl, urlScheme } from './urls';

export interface ComponentSpec {
  required: readonly string[];
  optional: readonly string[];
  choices?: Readonly<Record<string, readonly string[]>>;
  urls?: readonly string[];
}

export const MDX_COMPONENTS = {
  Figure: { required: ['src', 'alt'], optional: ['caption', 'credit'], urls: ['src'] },
  PullQuote: { required: ['quote'], optional: ['attribution'] },
  Callout: { required: [], optional: ['type', 'title'], choices: { type: ['note', 'warning'] } },
  Embed: { required: ['url'], optional: ['title'], urls: ['url'] },
  Aside: { required: [], optional: ['title'] },
  // Live stories only; lib/content/live.ts checks the attributes when content loads.
  Update: { required: [], optional: ['time', 'title', 'pinned'] },
} as const satisfies Record<string, ComponentSpec>;

export type MdxComponentName = keyof typeof MDX_COMPONENTS;
export const MDX_COMPONENT_NAMES = Object.keys(MDX_COMPONENTS);

function componentSpec(name: string): ComponentSpec | undefined {
  return Object.hasOwn(MDX_COMPONENTS, name) ? Reflect.get(MDX_COMPONENTS, name) : undefined;
}

export const ALLOWED_HTML = new Set(
  (
    'a abbr b bdi bdo blockquote br caption cite code data dd del details dfn div dl dt em ' +
    'figcaption figure h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q rp rt ruby s samp ' +
    'small span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr'
  ).split(' '),
);

export const DANGEROUS_HTML = new Set(
  (
    'script style iframe frame frameset object embed applet link meta base form input button ' +
    'textarea select option template noscript svg math audio video source track canvas portal ' +
    'dialog title head html body xmp plaintext noembed noframes'
  ).split(' '),
);

const ALLOWED_ATTRIBUTES = new Set(
  (
    'href src alt title id className lang dir cite dateTime datetime width height colSpan ' +
    'rowSpan colspan rowspan start reversed open value abbr scope headers align role'
  ).split(' '),
);
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);

export function isAttributeAllowed(name: string): boolean {
  return ALLOWED_ATTRIBUTES.has(name) || /^(aria|data)-[a-z0-9-]+$/.test(name);
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

function isJsx(node: Nodes): node is JsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

function isIntrinsic(name: string): boolean {
  return /^[a-z][a-z0-9]*$/.test(name);
}

export interface MdxProblem {
  line: number;
  column: number;
  message: string;
}

export interface MdxLink {
  url: string;
  line: number;
  column: number;
  kind: 'link' | 'image';
}

export interface MdxInspection {
  problems: MdxProblem[];
  links: MdxLink[];
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

function describeTag(name: string): string {
  return `<${name}>`;
}

function attributeProblem(element: string, attribute: MdxJsxAttribute): string | undefined {
  const name = attribute.name;
  if (typeof attribute.value === 'object' && attribute.value !== null) {
    return `${describeTag(element)}: the attribute ${name}={…} is a JavaScript expression; attributes must be text in quotes, like ${name}="…"`;
  }
  if (/^on/i.test(name)) {
    return `${describeTag(element)}: "${name}" is an event handler, which would run script; event handlers are not allowed`;
  }
  if (name === 'style') {
    return `${describeTag(element)}: the style attribute is not allowed; the site's own styles apply to everything in the body`;
  }
  if (!isAttributeAllowed(name)) {
    return `${describeTag(element)}: the attribute "${name}" is not allowed`;
  }
  return undefined;
}

function unsafeUrlMessage(what: string, url: string, kind: 'link' | 'image'): string {
  const shown = url.length > 60 ? `${url.slice(0, 60)}…` : url;
  return `${what} "${shown}" uses a ${urlScheme(url)}: address, which is not allowed; ${
    kind === 'image'
      ? 'images must be a path under public/ (/images/…) or an https:// URL'
      : 'links must be https://, http://, mailto:, tel: or a path on this site (/articles/…)'
  }`;
}

function parseFailure(error: unknown, lineOffset: number): MdxProblem {
  const place =
    error && typeof error === 'object' && 'place' in error ? Reflect.get(error, 'place') : undefined;
  const start = place && typeof place === 'object' && 'start' in place ? place.start : place;
  const line = start && typeof start === 'object' && 'line' in start ? Number(start.line) : 1;
  const column = start && typeof start === 'object' && 'column' in start ? Number(start.column) : 1;
  const reason =
    error && typeof error === 'object' && 'reason' in error
      ? String(Reflect.get(error, 'reason'))
      : String(error);
  return {
    line: line + lineOffset,
    column,
    message: `the body is not valid MDX: ${reason.replace(/\.$/, '')} (to write a literal < or { in text, put a backslash before it: \\< or \\{)`,
  };
}

/** Parses an MDX body and reports everything the site refuses, plus every link for checking. */
export function inspectMdx(body: string, firstLine = 1): MdxInspection {
  const lineOffset = firstLine - 1;
  let tree: Root;
  try {
    tree = parser.parse(body);
  } catch (error) {
    return { problems: [parseFailure(error, lineOffset)], links: [] };
  }
  const problems: MdxProblem[] = [];
  const links: MdxLink[] = [];
  const at = (node: { position?: { start: { line: number; column: number } } }) => ({
    line: (node.position?.start.line ?? 1) + lineOffset,
    column: node.position?.start.column ?? 1,
  });
  const problem = (node: Parameters<typeof at>[0], message: string) =>
    problems.push({ ...at(node), message });
  const link = (node: Parameters<typeof at>[0], url: string, kind: 'link' | 'image') => {
    if (!isSafeUrl(url, kind)) {
      problem(node, unsafeUrlMessage(kind === 'image' ? 'the image' : 'the link', url, kind));
    } else {
      links.push({ url, kind, ...at(node) });
    }
  };

  visit(tree, (node: Nodes) => {
    switch (node.type) {
      case 'mdxjsEsm':
        problem(
          node,
          `import and export lines are not allowed in articles; the components ${MDX_COMPONENT_NAMES.join(', ')} are available without importing`,
        );
        return SKIP;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        problem(
          node,
          `{${node.value.length > 30 ? `${node.value.slice(0, 30)}…` : node.value}} is a JavaScript expression, which is not allowed (it would be left out of the page); to show a curly brace, write \\{`,
        );
        return SKIP;
      case 'link':
      case 'definition':
        link(node, node.url, 'link');
        return undefined;
      case 'image':
        link(node, node.url, 'image');
        return undefined;
      default:
        break;
    }
    if (!isJsx(node)) return undefined;
    const name = node.name;
    if (name === null) return undefined;
    for (const attribute of node.attributes) {
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        problem(
          attribute.position ? attribute : node,
          `${describeTag(name)}: {…} spreads JavaScript into the attributes; write each attribute as name="text"`,
        );
      }
    }
    const attributes = node.attributes.filter(
      (attribute): attribute is MdxJsxAttribute => attribute.type === 'mdxJsxAttribute',
    );
    if (isIntrinsic(name)) {
      if (DANGEROUS_HTML.has(name)) {
        problem(
          node,
          `${describeTag(name)} is not allowed in articles: it could run script or load another site into the page${
            ['iframe', 'script', 'embed', 'object', 'video', 'audio'].includes(name)
              ? '; use <Embed url="…" /> for videos and social posts'
              : ''
          }`,
        );
        return SKIP;
      }
      if (!ALLOWED_HTML.has(name)) {
        problem(
          node,
          `${describeTag(name)} is not an HTML element articles may use; write Markdown, or one of the components ${MDX_COMPONENT_NAMES.join(', ')}`,
        );
      }
      for (const attribute of attributes) {
        const message = attributeProblem(name, attribute);
        if (message) problem(attribute.position ? attribute : node, message);
        else if (URL_ATTRIBUTES.has(attribute.name) && typeof attribute.value === 'string') {
          link(
            attribute.position ? attribute : node,
            attribute.value,
            name === 'img' && attribute.name === 'src' ? 'image' : 'link',
          );
        }
      }
      return undefined;
    }
    const spec = componentSpec(name);
    if (!spec) {
      problem(
        node,
        `unknown component <${name}>: the components articles can use are ${MDX_COMPONENT_NAMES.join(', ')} (names are case-sensitive)`,
      );
      return undefined;
    }
    const known = [...spec.required, ...spec.optional];
    const given = new Set<string>();
    for (const attribute of attributes) {
      given.add(attribute.name);
      if (typeof attribute.value === 'object' && attribute.value !== null) {
        problem(attribute.position ? attribute : node, attributeProblem(name, attribute) ?? '');
        continue;
      }
      if (!known.includes(attribute.name)) {
        problem(
          attribute.position ? attribute : node,
          `<${name}> has no attribute "${attribute.name}"; it takes ${known.join(', ')}`,
        );
        continue;
      }
      const value = attribute.value ?? '';
      const choices = spec.choices?.[attribute.name];
      if (choices && !choices.includes(value)) {
        problem(
          attribute.position ? attribute : node,
          `<${name}> ${attribute.name}="${value}" is not one of ${choices.map((c) => `"${c}"`).join(', ')}`,
        );
      }
      if (spec.urls?.includes(attribute.name)) {
        if (name === 'Embed' && !/^https?:\/\//i.test(value) && !value.startsWith('/')) {
          problem(
            attribute.position ? attribute : node,
            `<Embed> url must be a full https:// address or a path on this site, not "${value}"`,
          );
        } else {
          link(attribute.position ? attribute : node, value, name === 'Figure' ? 'image' : 'link');
        }
      }
    }
    for (const required of spec.required) {
      if (!given.has(required)) {
        problem(node, `<${name}> needs the attribute ${required}="…"`);
      }
    }
    return undefined;
  });
  return { problems, links };
}

function removeChild(parent: Parent, index: number, replacement: Parent['children'] = []) {
  parent.children.splice(index, 1, ...replacement);
}

/**
 * Render-time safety net (remark plugin): whatever slips past the content check is made inert
 * before compilation. Dangerous elements are dropped with their content, unknown HTML elements are
 * unwrapped, and event handlers, style and unsafe URLs are removed.
 */
export function remarkSafeMdx() {
  return (tree: Root) => {
    visit(tree, (node: Nodes, index, parent) => {
      if (parent === undefined || index === undefined) return undefined;
      if ((node.type === 'link' || node.type === 'definition') && !isSafeUrl(node.url)) {
        if (node.type === 'link') removeChild(parent, index, node.children);
        else removeChild(parent, index);
        return [SKIP, index];
      }
      if (node.type === 'image' && !isSafeUrl(node.url, 'image')) {
        removeChild(parent, index);
        return [SKIP, index];
      }
      if (!isJsx(node) || node.name === null) return undefined;
      const name = node.name;
      if (isIntrinsic(name)) {
        if (DANGEROUS_HTML.has(name)) {
          removeChild(parent, index);
          return [SKIP, index];
        }
        node.attributes = node.attributes.filter(
          (attribute) =>
            attribute.type === 'mdxJsxAttribute' &&
            isAttributeAllowed(attribute.name) &&
            !(
              URL_ATTRIBUTES.has(attribute.name) &&
              typeof attribute.value === 'string' &&
              !isSafeUrl(attribute.value, name === 'img' ? 'image' : 'link')
            ),
        );
        if (!ALLOWED_HTML.has(name)) {
          removeChild(parent, index, node.children);
          return [SKIP, index];
        }
        return undefined;
      }
      const spec = componentSpec(name);
      if (spec) {
        const known: readonly string[] = [...spec.required, ...spec.optional];
        node.attributes = node.attributes.filter(
          (attribute) =>
            attribute.type === 'mdxJsxAttribute' &&
            known.includes(attribute.name) &&
            (attribute.value === null || typeof attribute.value === 'string'),
        );
      }
      return undefined;
    });
  };
}
