import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Properties } from 'hast';
import type { Link, Nodes, Parent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { find, html as htmlSchema } from 'property-information';
import { SKIP, visit } from 'unist-util-visit';
import { bodyElement, type JsxElement, unwrapped } from './body-element';
import { BODY_COMPONENT_NAMES, BODY_COMPONENTS, type AttributeSpec, isBodyComponent } from './body-components';
import { LITERAL_HINT, parseFailure, UNCLOSED_COMMENT } from './markdown/parse-errors';
import { IMAGE_SCHEMES, isSafeUrl, LINK_SCHEMES, type UrlKind, urlScheme } from './urls';

export { parseFailure };

/** HTML elements an article body may write itself. */
export const ALLOWED_HTML: ReadonlySet<string> = new Set(
  (
    'a abbr b bdi bdo blockquote br caption cite code data dd del details dfn div dl dt em ' +
    'figcaption figure h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q rp rt ruby s samp ' +
    'small span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr'
  ).split(' '),
);

/** Elements dropped with their content: they could run script, load or submit elsewhere. */
export const DANGEROUS_HTML: ReadonlySet<string> = new Set(
  (
    'script style iframe frame frameset object embed applet link meta base form input button ' +
    'textarea select option template noscript svg math audio video source track canvas portal ' +
    'dialog title head html body xmp plaintext noembed noframes'
  ).split(' '),
);

export const ALLOWED_ATTRIBUTES: ReadonlySet<string> = new Set(
  (
    'href src alt title id className lang dir cite dateTime datetime width height colSpan ' +
    'rowSpan colspan rowspan start reversed open value abbr scope headers align role'
  ).split(' '),
);
export const DATA_ATTRIBUTE = /^(aria|data)-[a-z0-9-]+$/;
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'cite']);

export function isAttributeAllowed(name: string): boolean {
  return ALLOWED_ATTRIBUTES.has(name) || DATA_ATTRIBUTE.test(name);
}

export interface BodyProblem {
  line: number;
  column: number;
  message: string;
}

export interface BodyLink {
  url: string;
  line: number;
  column: number;
  kind: UrlKind;
}

/** What the content check needs from a body; small enough to cache between runs. */
export interface BodyVerdict {
  problems: BodyProblem[];
  links: BodyLink[];
}


type Position = { position?: { start: { line: number; column: number } } };

function isJsx(node: Nodes): node is JsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

function isAutolink(link: Link): boolean {
  const [text] = link.children;
  return (
    link.children.length === 1 &&
    text?.type === 'text' &&
    (link.url === text.value || link.url === `mailto:${text.value}`)
  );
}

function isIntrinsic(name: string): boolean {
  return /^[a-z][a-z0-9]*$/.test(name);
}

const componentList = BODY_COMPONENT_NAMES.join(', ');

function attributeProblem(element: string, attribute: MdxJsxAttribute): string | undefined {
  const name = attribute.name;
  if (typeof attribute.value === 'object' && attribute.value !== null) {
    return `<${element}>: the attribute ${name}={…} is a JavaScript expression; attributes must be text in quotes, like ${name}="…"`;
  }
  if (/^on/i.test(name)) {
    return `<${element}>: "${name}" is an event handler, which would run script; event handlers are not allowed`;
  }
  if (name === 'style') {
    return `<${element}>: the style attribute is not allowed; the site's own styles apply to everything in the body`;
  }
  if (!isAttributeAllowed(name)) return `<${element}>: the attribute "${name}" is not allowed`;
  return undefined;
}

function unsafeUrlMessage(what: string, url: string, kind: UrlKind): string {
  const shown = url.length > 60 ? `${url.slice(0, 60)}…` : url;
  return `${what} "${shown}" uses a ${urlScheme(url)}: address, which is not allowed; ${
    kind === 'image'
      ? 'images must be a path under public/ (/images/…) or an https:// URL'
      : 'links must be https://, http://, mailto:, tel: or a path on this site (/articles/…)'
  }`;
}

function hastProperties(attributes: MdxJsxAttribute[]): Properties {
  const properties: Properties = {};
  for (const attribute of attributes) {
    const value = attribute.value;
    if (typeof value === 'object' && value !== null) continue;
    const { property } = find(htmlSchema, attribute.name);
    properties[property] =
      value === null || value === undefined
        ? true
        : property === 'className'
          ? value.split(/\s+/).filter(Boolean)
          : value;
  }
  return properties;
}

export function replaceChild(parent: Parent, index: number, replacement: RootContent[]) {
  parent.children.splice(index, 1, ...replacement);
}

/**
 * The one sanitiser. Walks the parsed body once, reporting everything the site refuses (for the
 * content check and the loader) and removing it from the tree at the same time, so what is
 * rendered is exactly what passed: dangerous elements dropped with their content, other unknown
 * elements unwrapped, attributes allow-listed, unsafe URLs removed, expressions and imports
 * dropped, components reduced to their declared string attributes.
 */
export function sanitise(tree: Root, lineOffset: number): BodyVerdict {
  const problems: BodyProblem[] = [];
  const links: BodyLink[] = [];
  const at = (node: Position) => ({
    line: (node.position?.start.line ?? 1) + lineOffset,
    column: node.position?.start.column ?? 1,
  });
  const problem = (node: Position, message: string) => problems.push({ ...at(node), message });
  /** Records a link to check, or reports it and answers false if its scheme is refused. */
  const url = (node: Position, value: string, kind: UrlKind, what = kind === 'image' ? 'the image' : 'the link') => {
    if (isSafeUrl(value, kind)) {
      links.push({ url: value, kind, ...at(node) });
      return true;
    }
    problem(node, unsafeUrlMessage(what, value, kind));
    return false;
  };
  const replace = (parent: Parent, index: number, replacement: RootContent[] = []) =>
    replaceChild(parent, index, replacement);

  visit(tree, (node: Nodes, index, parent) => {
    if (parent === undefined || index === undefined) return undefined;
    switch (node.type) {
      case 'mdxjsEsm':
        problem(
          node,
          `import and export lines are not allowed in articles; the components ${componentList} are available without importing`,
        );
        replace(parent, index);
        return [SKIP, index];
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        // {/* … */} holds only comments (no statement): a note to editors, left out like <!-- -->.
        if (node.data?.estree?.body.length === 0 && /^\s*\/[*/]/.test(node.value)) {
          replace(parent, index);
          return [SKIP, index];
        }
        problem(
          node,
          `{${node.value.length > 30 ? `${node.value.slice(0, 30)}…` : node.value}} is a JavaScript expression, which articles cannot use (it would be left out of the page): ${LITERAL_HINT}`,
        );
        replace(parent, index);
        return [SKIP, index];
      case 'html':
        // Only HTML comments get here (markdown/autolinks.ts): accepted, and left out of every output.
        if (!/^(\s*<!--[\s\S]*?-->)+\s*$/.test(node.value)) {
          problem(
            node,
            node.value.includes('-->')
              ? 'text after the end of an HTML comment ("-->") on the same line would be left out with the comment: start that text on a new line'
              : UNCLOSED_COMMENT,
          );
        }
        replace(parent, index);
        return [SKIP, index];
      case 'link':
        if (url(node, node.url, 'link')) return undefined;
        // A refused autolink's text is the refused address itself: dropped with it.
        replace(parent, index, isAutolink(node) ? [] : node.children);
        return index;
      case 'definition':
        if (url(node, node.url, 'link')) return undefined;
        replace(parent, index);
        return [SKIP, index];
      case 'image':
        if (url(node, node.url, 'image')) return undefined;
        replace(parent, index);
        return [SKIP, index];
      default:
        break;
    }
    if (!isJsx(node)) return undefined;
    const name = node.name;
    if (name === null) {
      replace(parent, index, unwrapped(node));
      return index;
    }
    const attributes: MdxJsxAttribute[] = [];
    for (const attribute of node.attributes) {
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        problem(
          attribute.position ? attribute : node,
          `<${name}>: {…} spreads JavaScript into the attributes; write each attribute as name="text"`,
        );
      } else attributes.push(attribute);
    }
    const where = (attribute: MdxJsxAttribute) => (attribute.position ? attribute : node);

    if (isIntrinsic(name)) {
      if (DANGEROUS_HTML.has(name)) {
        problem(
          node,
          `<${name}> is not allowed in articles: it could run script or load another site into the page${
            ['iframe', 'script', 'embed', 'object', 'video', 'audio'].includes(name)
              ? '; use <Embed url="…" /> for videos and social posts'
              : ''
          }`,
        );
        replace(parent, index);
        return [SKIP, index];
      }
      const kept = attributes.filter((attribute) => {
        const message = attributeProblem(name, attribute);
        if (message) {
          problem(where(attribute), message);
          return false;
        }
        if (URL_ATTRIBUTES.has(attribute.name) && typeof attribute.value === 'string') {
          return url(where(attribute), attribute.value, name === 'img' && attribute.name === 'src' ? 'image' : 'link');
        }
        return true;
      });
      if (!ALLOWED_HTML.has(name)) {
        problem(
          node,
          `<${name}> is not an HTML element articles may use; write Markdown, or one of the components ${componentList}`,
        );
        replace(parent, index, unwrapped(node));
        return index;
      }
      // An image whose source was refused shows nothing; a link whose target was, its text.
      if (name === 'img' && !kept.some((attribute) => attribute.name === 'src')) {
        replace(parent, index);
        return [SKIP, index];
      }
      if (name === 'a' && !kept.some((attribute) => attribute.name === 'href')) {
        replace(parent, index, unwrapped(node));
        return index;
      }
      replace(parent, index, [bodyElement(node, name, hastProperties(kept))]);
      return index;
    }

    if (!isBodyComponent(name)) {
      problem(
        node,
        `unknown component <${name}>: the components articles can use are ${componentList} (names are case-sensitive)`,
      );
      replace(parent, index, unwrapped(node));
      return index;
    }
    const spec: AttributeSpec = BODY_COMPONENTS[name].attributes;
    const known = [...spec.required, ...spec.optional];
    const props: Properties = {};
    for (const attribute of attributes) {
      if (typeof attribute.value === 'object' && attribute.value !== null) {
        problem(where(attribute), attributeProblem(name, attribute) ?? '');
        continue;
      }
      if (!known.includes(attribute.name)) {
        problem(where(attribute), `<${name}> has no attribute "${attribute.name}"; it takes ${known.join(', ')}`);
        continue;
      }
      const value = attribute.value ?? '';
      const choices = spec.choices?.[attribute.name];
      if (choices && !choices.includes(value)) {
        problem(
          where(attribute),
          `<${name}> ${attribute.name}="${value}" is not one of ${choices.map((c) => `"${c}"`).join(', ')}`,
        );
        continue;
      }
      const kind = spec.urls?.[attribute.name];
      if (kind) {
        if (kind === 'link' && !/^https?:\/\//i.test(value) && !value.startsWith('/')) {
          problem(where(attribute), `<${name}> ${attribute.name} must be a full https:// address or a path on this site, not "${value}"`);
          continue;
        }
        if (!url(where(attribute), value, kind)) continue;
      }
      props[attribute.name] = value;
    }
    const missing = spec.required.filter((required) => !(required in props));
    for (const required of missing) {
      if (!attributes.some((attribute) => attribute.name === required)) {
        problem(node, `<${name}> needs the attribute ${required}="…"`);
      }
    }
    if (missing.length) {
      replace(parent, index, unwrapped(node));
      return index;
    }
    replace(parent, index, [bodyElement(node, name, props)]);
    return index;
  });
  return { problems, links };
}

export interface BodyRules {
  allowedHtml: string[];
  dangerousHtml: string[];
  allowedAttributes: string[];
  dataAttribute: string;
  urlAttributes: string[];
  linkSchemes: string[];
  imageSchemes: string[];
  components: Record<string, AttributeSpec>;
  code: string[];
}

// With the parse and the conversion to HTML (pipeline.ts, body.ts): the search texts kept
// beside the verdicts (search-texts.ts) come from them too.
export const SANITISER_SOURCES = [
  'pipeline.ts',
  'body.ts',
  'sanitise.ts',
  'body-element.ts',
  'urls.ts',
  'body-components.ts',
  'markdown/autolinks.ts',
  'markdown/gfm.ts',
  'markdown/alerts.ts',
  'markdown/parse-errors.ts',
];

/**
 * The sanitiser's own code, which its verdicts depend on as much as on the tables. Read from its
 * source files where the project is at hand (the check, `next build`, `next start`): the text of
 * the compiled functions differs between tsx, esbuild and Turbopack, and a key taken from it made
 * each of them throw away the others' cache.
 */
function sanitiserCode(): string[] {
  const dir = path.join(/* turbopackIgnore: true */ process.cwd(), 'lib', 'content');
  try {
    return SANITISER_SOURCES.map((file) =>
      fs.readFileSync(path.join(/* turbopackIgnore: true */ dir, file), 'utf8'),
    );
  } catch {
    return [sanitise, attributeProblem, unsafeUrlMessage, parseFailure].map(String);
  }
}

/** Every table the sanitiser's verdicts depend on. */
export const BODY_RULES: BodyRules = {
  allowedHtml: [...ALLOWED_HTML],
  dangerousHtml: [...DANGEROUS_HTML],
  allowedAttributes: [...ALLOWED_ATTRIBUTES],
  dataAttribute: DATA_ATTRIBUTE.source,
  urlAttributes: [...URL_ATTRIBUTES],
  linkSchemes: [...LINK_SCHEMES],
  imageSchemes: [...IMAGE_SCHEMES],
  components: Object.fromEntries(
    Object.entries(BODY_COMPONENTS).map(([name, entry]) => [name, entry.attributes]),
  ),
  code: sanitiserCode(),
};

/** A key for cached verdicts computed from the rules themselves: any change re-judges every body. */
export function rulesHash(rules: BodyRules = BODY_RULES): string {
  return createHash('sha256').update(JSON.stringify(rules)).digest('hex');
}

export const RULES_HASH = rulesHash();
