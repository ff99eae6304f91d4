import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { Article, LiveUpdate } from '@/lib/content';
import { feedTree, isSafeUrl, toHtml } from '@/lib/content/body';
import { componentFeedForm } from '@/lib/content/body-components';
import { absoluteUrl } from '@/lib/site';

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const URL_PROPERTIES = { href: 'link', cite: 'link', src: 'image' } as const;

function absoluteUrls(tree: Root, base: string) {
  visit(tree, 'element', (node: Element) => {
    for (const [name, kind] of Object.entries(URL_PROPERTIES)) {
      const value = node.properties[name];
      if (typeof value !== 'string') continue;
      try {
        if (isSafeUrl(value, kind)) node.properties[name] = new URL(value, base).toString();
        else delete node.properties[name];
      } catch {
        delete node.properties[name];
      }
    }
  });
}

function heroFigure(article: Article): ElementContent[] {
  if (!article.image) return [];
  return componentFeedForm(
    'Figure',
    {
      src: article.image,
      alt: article.imageAlt ?? '',
      caption: article.imageCaption,
      credit: article.imageCredit,
    },
    [],
  );
}

/** A live story for feed readers: the introduction, then the updates newest first. */
function liveFeedTree(live: NonNullable<Article['live']>): ElementContent[] {
  return [
    ...withoutRoot(feedTree(live.intro)),
    ...live.updates.flatMap((update) =>
      componentFeedForm(
        'Update',
        { time: update.time, title: update.title },
        withoutRoot(feedTree(update)),
      ),
    ),
  ];
}

function withoutRoot(tree: Root): ElementContent[] {
  return tree.children.filter((node): node is ElementContent => node.type !== 'doctype');
}

const articleHtmlCache = new WeakMap<Article, string>();

/** The article as standalone HTML for feed readers: hero image first, every URL absolute. */
export function articleHtml(article: Article): string {
  let html = articleHtmlCache.get(article);
  if (html === undefined) {
    const body = article.live ? liveFeedTree(article.live) : feedTree(article).children;
    const tree: Root = { type: 'root', children: [...heroFigure(article), ...body] };
    absoluteUrls(tree, absoluteUrl(article.url));
    html = toHtml(tree).replaceAll(']]>', ']]&gt;');
    articleHtmlCache.set(article, html);
  }
  return html;
}

const updateHtmlCache = new WeakMap<LiveUpdate, string>();

/** One live update as standalone HTML with absolute URLs, for feeds and the updates JSON. */
export function updateHtml(article: Article, update: LiveUpdate): string {
  let html = updateHtmlCache.get(update);
  if (html === undefined) {
    const tree = feedTree(update);
    absoluteUrls(tree, absoluteUrl(article.url));
    html = toHtml(tree).replaceAll(']]>', ']]&gt;');
    updateHtmlCache.set(update, html);
  }
  return html;
}
