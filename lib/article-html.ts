import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Root as MdastRoot, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { Article } from '@/lib/content';
import { formatDateTime } from '@/lib/format';
import { isSafeUrl } from '@/lib/content/urls';
import { absoluteUrl } from '@/lib/site';

type JsxNode = MdxJsxFlowElement | MdxJsxTextElement;
type Attributes = Record<string, string | true>;

const URL_PROPERTIES = { href: 'link', cite: 'link', src: 'image', poster: 'image' } as const;
const DROPPED_ELEMENTS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'form']);

function attributesOf(node: JsxNode): Attributes {
  const attributes: Attributes = {};
  for (const attribute of node.attributes) {
    // Expression values are stripped on the site (next-mdx-remote blockJS), so they are here too.
    if (attribute.type !== 'mdxJsxAttribute') continue;
    if (attribute.value === null || attribute.value === undefined)
      attributes[attribute.name] = true;
    else if (typeof attribute.value === 'string') attributes[attribute.name] = attribute.value;
  }
  return attributes;
}

function text(attributes: Attributes, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = attributes[name];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return undefined;
}

type Built = RootContent & { data?: { hName?: string; hProperties?: Record<string, unknown> } };

function el(
  tagName: string,
  properties: Record<string, unknown>,
  children: RootContent[] = [],
): RootContent {
  const node = {
    type: 'feedElement',
    data: { hName: tagName, hProperties: properties },
    children,
  };
  return node as unknown as Built;
}

function textNode(value: string): RootContent {
  return { type: 'text', value };
}

function credit(...parts: (string | undefined)[]): RootContent[] {
  const present = parts.filter((part): part is string => Boolean(part));
  return present.length ? [el('figcaption', {}, [textNode(present.join(' '))])] : [];
}

const BLOCK_COMPONENTS = new Set([
  'Figure',
  'Image',
  'PullQuote',
  'Quote',
  'Callout',
  'Aside',
  'Note',
  'Update',
  'Embed',
  'Video',
  'Tweet',
]);

function fallback(node: JsxNode): RootContent[] {
  const attributes = attributesOf(node);
  const children = node.children as RootContent[];
  const inline = node.type === 'mdxJsxTextElement';
  if (
    inline &&
    node.name &&
    BLOCK_COMPONENTS.has(node.name) &&
    !/^(Embed|Video|Tweet)$/.test(node.name)
  ) {
    const src = text(attributes, 'src');
    const image = src ? [el('img', { src, alt: text(attributes, 'alt') ?? '' })] : [];
    return [...image, ...children];
  }
  switch (node.name) {
    case 'Figure':
    case 'Image': {
      const src = text(attributes, 'src');
      const image = src ? [el('img', { src, alt: text(attributes, 'alt') ?? '' })] : [];
      return [
        el('figure', {}, [
          ...image,
          ...children,
          ...credit(text(attributes, 'caption'), text(attributes, 'credit')),
        ]),
      ];
    }
    case 'PullQuote':
    case 'Quote': {
      const quote = text(attributes, 'quote', 'text');
      const by = text(attributes, 'attribution', 'cite', 'by', 'author', 'source');
      return [
        el('figure', {}, [
          el('blockquote', {}, quote ? [el('p', {}, [textNode(quote)]), ...children] : children),
          ...(by ? [el('figcaption', {}, [textNode(`— ${by}`)])] : []),
        ]),
      ];
    }
    case 'Callout':
    case 'Aside':
    case 'Note': {
      const warning = attributes.type === 'warning';
      const title =
        text(attributes, 'title', 'label') ??
        (node.name === 'Callout' ? (warning ? 'Warning' : 'Note') : undefined);
      return [
        el('aside', {}, [
          ...(title ? [el('p', {}, [el('strong', {}, [textNode(title)])])] : []),
          ...children,
        ]),
      ];
    }
    case 'Update': {
      const title = text(attributes, 'title');
      const time = text(attributes, 'time');
      return [
        el('section', {}, [
          ...(title || time
            ? [
                el('h3', {}, [
                  textNode([time && updateTime(time), title].filter(Boolean).join(' — ')),
                ]),
              ]
            : []),
          ...children,
        ]),
      ];
    }
    case 'Embed':
    case 'Video':
    case 'Tweet': {
      const url = text(attributes, 'url', 'src', 'href');
      if (!url) return children;
      const label = text(attributes, 'title', 'caption') ?? url;
      const link = el('a', { href: url }, [textNode(label)]);
      return [inline ? link : el('p', {}, [link])];
    }
  }
  if (node.name && /^[a-z][a-z0-9]*$/.test(node.name)) {
    if (DROPPED_ELEMENTS.has(node.name)) return [];
    const properties: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(attributes)) {
      if (!/^on/i.test(name) && name !== 'style') properties[name] = value;
    }
    return [el(node.name, properties, children)];
  }
  return children;
}

function updateTime(time: string): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? time : formatDateTime(date);
}

function isBlank(node: RootContent): boolean {
  return node.type === 'text' && !node.value.trim();
}

function remarkMdxFallbacks() {
  return (tree: MdastRoot) => {
    visit(tree, 'paragraph', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const content = node.children.filter((child) => !isBlank(child));
      const [only] = content;
      if (content.length !== 1 || only?.type !== 'mdxJsxTextElement') return;
      if (!only.name || !BLOCK_COMPONENTS.has(only.name)) return;
      const flow: MdxJsxFlowElement = {
        ...only,
        type: 'mdxJsxFlowElement',
        children: [{ type: 'paragraph', children: only.children }],
      };
      parent.children.splice(index, 1, flow);
    });
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return;
      switch (node.type) {
        case 'mdxjsEsm':
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          parent.children.splice(index, 1);
          return [SKIP, index];
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement': {
          const replacement = fallback(node);
          (parent.children as RootContent[]).splice(index, 1, ...replacement);
          return index;
        }
      }
    });
  };
}

function rehypeAbsoluteUrls(options: { base: string }) {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      for (const [name, kind] of Object.entries(URL_PROPERTIES)) {
        const value = node.properties[name];
        if (typeof value !== 'string') continue;
        if (!isSafeUrl(value, kind)) {
          delete node.properties[name];
          continue;
        }
        try {
          node.properties[name] = new URL(value, options.base).toString();
        } catch {
          delete node.properties[name];
        }
      }
      for (const name of ['srcSet', 'srcset']) {
        const value = node.properties[name];
        if (value === undefined || value === null || typeof value === 'boolean') continue;
        const candidates = Array.isArray(value) ? value.map(String) : String(value).split(',');
        node.properties[name] = candidates
          .map((candidate) => candidate.trim().split(/\s+/))
          .filter(([url = '']) => url && isSafeUrl(url, 'image'))
          .map(([url = '', ...rest]) => [new URL(url, options.base).toString(), ...rest].join(' '))
          .join(', ');
      }
    });
  };
}

function heroFigure(article: Article): ElementContent[] {
  if (!article.image) return [];
  const caption = [article.imageCaption, article.imageCredit].filter(Boolean).join(' ');
  const figure: Element = {
    type: 'element',
    tagName: 'figure',
    properties: {},
    children: [
      {
        type: 'element',
        tagName: 'img',
        properties: { src: article.image, alt: article.imageAlt ?? '' },
        children: [],
      },
      ...(caption
        ? [
            {
              type: 'element' as const,
              tagName: 'figcaption',
              properties: {},
              children: [{ type: 'text' as const, value: caption }],
            },
          ]
        : []),
    ],
  };
  return [figure];
}

const toHast = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkGfm)
  .use(remarkMdxFallbacks)
  .use(remarkRehype);

const stringify = unified().use(rehypeStringify);

interface Rendered {
  html: string;
  text: string;
}

// Every feed an article is in (site, section, author; three formats each) and the search index
// ask for its body: parse it once per build process.
const rendered = new WeakMap<Article, Rendered>();

function render(article: Article): Rendered {
  const cached = rendered.get(article);
  if (cached) return cached;
  const tree = toHast.runSync(toHast.parse(article.body)) as HastRoot;
  const text = toText(tree).replace(/\s+/g, ' ').trim();
  tree.children.unshift(...heroFigure(article));
  rehypeAbsoluteUrls({ base: absoluteUrl(article.url) })(tree);
  const html = stringify.stringify(tree).replaceAll(']]>', ']]&gt;');
  const result = { html, text };
  rendered.set(article, result);
  return result;
}

const fragments = new Map<string, Rendered>();

/** One piece of an article's MDX (a live update) as standalone HTML with absolute URLs, and as text. */
export function renderFragment(article: Article, source: string): Rendered {
  const key = `${article.url}\n${source}`;
  const cached = fragments.get(key);
  if (cached) return cached;
  const tree = toHast.runSync(toHast.parse(source)) as HastRoot;
  const text = toText(tree).replace(/\s+/g, ' ').trim();
  rehypeAbsoluteUrls({ base: absoluteUrl(article.url) })(tree);
  const result = { html: stringify.stringify(tree).replaceAll(']]>', ']]&gt;'), text };
  fragments.set(key, result);
  return result;
}

/** The article as standalone HTML (hero image first) with absolute URLs, for feed readers. */
export function articleHtml(article: Article): string {
  return render(article).html;
}

/** The article body as plain text, for the search index. */
export function articleText(article: Article): string {
  return render(article).text;
}
