import { XMLParser } from 'fast-xml-parser';
import type { APIRequestContext } from '@playwright/test';
import { expect } from './fixtures';

interface AtomEntry {
  link: { '@_href': string } | { '@_href': string }[];
  content: string | { '#text': string };
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' });

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * The HTML of every story in a feed (RSS, Atom or JSON Feed), by slug, decoded as a feed reader
 * would see it.
 */
export async function feedItems(
  request: APIRequestContext,
  path: string,
): Promise<Map<string, string>> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const text = await response.text();
  const found = new Map<string, string>();
  const keep = (link: string, html: unknown) => {
    const slug = /\/articles\/([^/?#]+)$/.exec(link)?.[1];
    if (slug) found.set(decodeURIComponent(slug), String(html ?? ''));
  };
  if (path.endsWith('.json')) {
    const feed = JSON.parse(text) as { items: { url: string; content_html?: string }[] };
    for (const item of feed.items) keep(item.url, item.content_html);
  } else if (path.endsWith('atom.xml')) {
    const feed = xml.parse(text) as { feed: { entry?: AtomEntry | AtomEntry[] } };
    for (const entry of asArray(feed.feed.entry)) {
      const link = asArray(entry.link)[0]?.['@_href'] ?? '';
      keep(link, typeof entry.content === 'string' ? entry.content : entry.content['#text']);
    }
  } else {
    const feed = xml.parse(text) as { rss: { channel: { item?: unknown } } };
    for (const item of asArray(feed.rss.channel.item) as Record<string, unknown>[]) {
      keep(String(item.link), item['content:encoded']);
    }
  }
  return found;
}
