import type { ElementContent, Properties } from 'hast';
import { formatDateTime } from '@/lib/format';
import type { UrlKind } from './urls';

export interface AttributeSpec {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  readonly choices?: Readonly<Record<string, readonly string[]>>;
  readonly urls?: Readonly<Record<string, UrlKind>>;
}

/** The props a component receives: the sanitiser drops a component that lacks a required one. */
export type PropsOf<A extends AttributeSpec> = { [K in A['required'][number]]: string } & {
  [K in A['optional'][number]]?: string;
};

export interface BodyComponent<A extends AttributeSpec> {
  attributes: A;
  /**
   * The component as plain HTML for feed readers; its text is also the search text. Built from
   * already-sanitised props and children, so it can only produce what the pipeline allows.
   */
  feed: (props: PropsOf<A>, children: ElementContent[]) => ElementContent[];
}

export function defineBodyComponent<const A extends AttributeSpec>(
  entry: BodyComponent<A>,
): BodyComponent<A> {
  return entry;
}

export function h(
  tagName: string,
  properties: Properties = {},
  children: ElementContent[] = [],
): ElementContent {
  return { type: 'element', tagName, properties, children };
}

export function t(value: string): ElementContent {
  return { type: 'text', value };
}

/** Callout kinds: GitHub's five alert kinds, so that `> [!TIP]` is `<Callout type="tip">`. */
export const CALLOUT_TYPES = ['note', 'tip', 'important', 'warning', 'caution'] as const;
export type CalloutType = (typeof CALLOUT_TYPES)[number];

export function calloutType(value: string | undefined): CalloutType {
  return CALLOUT_TYPES.find((type) => type === value) ?? 'note';
}

/** The label a callout shows above its text: its title, or the name of its kind. */
export function calloutLabel(type: string | undefined, title?: string): string {
  const kind = calloutType(type);
  return title ?? `${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
}

/**
 * Every component an article body may use. Adding one is one entry here (its attributes and its
 * feed form, both required by the type) plus its React component in
 * components/mdx/mdx-components.tsx, which the compiler also requires.
 */
export const BODY_COMPONENTS = {
  Figure: defineBodyComponent({
    attributes: { required: ['src', 'alt'], optional: ['caption', 'credit'], urls: { src: 'image' } },
    feed: ({ src, alt, caption, credit }) => {
      const note = [caption, credit].filter(Boolean).join(' ');
      return [h('figure', {}, [h('img', { src, alt }), ...(note ? [h('figcaption', {}, [t(note)])] : [])])];
    },
  }),
  PullQuote: defineBodyComponent({
    attributes: { required: ['quote'], optional: ['attribution'] },
    feed: ({ quote, attribution }) => [
      h('figure', {}, [
        h('blockquote', {}, [h('p', {}, [t(quote)])]),
        ...(attribution ? [h('figcaption', {}, [t(`— ${attribution}`)])] : []),
      ]),
    ],
  }),
  Callout: defineBodyComponent({
    attributes: { required: [], optional: ['type', 'title'], choices: { type: CALLOUT_TYPES } },
    feed: ({ type, title }, children) => [
      h('aside', {}, [h('p', {}, [h('strong', {}, [t(calloutLabel(type, title))])]), ...children]),
    ],
  }),
  Embed: defineBodyComponent({
    attributes: { required: ['url'], optional: ['title'], urls: { url: 'link' } },
    feed: ({ url, title }) => [h('p', {}, [h('a', { href: url }, [t(title ?? url)])])],
  }),
  Aside: defineBodyComponent({
    attributes: { required: [], optional: ['title'] },
    feed: ({ title }, children) => [
      h('aside', {}, [...(title ? [h('p', {}, [h('strong', {}, [t(title)])])] : []), ...children]),
    ],
  }),
  // Live stories only: lib/content/live.ts checks the attributes and splits the updates out.
  Update: defineBodyComponent({
    attributes: { required: [], optional: ['time', 'title', 'pinned'] },
    feed: ({ time, title }, children) => [
      h('section', {}, [h('h3', {}, [t([time && updateTime(time), title].filter(Boolean).join(' — '))]), ...children]),
    ],
  }),
} as const;

function updateTime(time: string): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? time : formatDateTime(date);
}

export type BodyComponentName = keyof typeof BODY_COMPONENTS;
export type BodyComponentProps<N extends BodyComponentName> = PropsOf<
  (typeof BODY_COMPONENTS)[N]['attributes']
>;

export const BODY_COMPONENT_NAMES: readonly string[] = Object.keys(BODY_COMPONENTS);

export function isBodyComponent(name: string): name is BodyComponentName {
  return Object.hasOwn(BODY_COMPONENTS, name);
}

/** The feed form of a sanitised component element (props are the hast properties). */
export function componentFeedForm(
  name: BodyComponentName,
  properties: Properties,
  children: ElementContent[],
): ElementContent[] {
  const entry: BodyComponent<AttributeSpec> = BODY_COMPONENTS[name];
  const props: Record<string, string> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (typeof value === 'string') props[key] = value;
  }
  return entry.feed(props, children);
}
