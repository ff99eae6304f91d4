export const CRAWLERS = [
  'facebookexternalhit/1.1',
  'Twitterbot/1.0',
  'LinkedInBot/1.0',
  'Slackbot-LinkExpanding 1.0',
  'Discordbot/2.0',
  'TelegramBot (like TwitterBot)',
  'WhatsApp/2.23',
] as const;

export const HEAD_LIMIT = 32 * 1024;
export const CARD_LIMIT = 300 * 1024;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X')) {
      return String.fromCodePoint(parseInt(code.slice(2), 16));
    }
    if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

export interface HeadTags {
  title?: string;
  meta: { key: string; content: string; media?: string }[];
  links: { rel: string; href: string; type?: string; title?: string }[];
}

function attributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z:-]+)="([^"]*)"/g)) {
    if (m[1] && m[2] !== undefined) attrs[m[1].toLowerCase()] = decodeEntities(m[2]);
  }
  return attrs;
}

/** The <head> tags found in the text (a crawler's first bytes). */
export function headTags(html: string): HeadTags {
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
  const meta = [...html.matchAll(/<meta\s[^>]*>/g)].flatMap(([tag]) => {
    const a = attributes(tag);
    const key = a.property ?? a.name;
    return key && a.content !== undefined ? [{ key, content: a.content, media: a.media }] : [];
  });
  const links = [...html.matchAll(/<link\s[^>]*>/g)].flatMap(([tag]) => {
    const a = attributes(tag);
    return a.rel && a.href ? [{ rel: a.rel, href: a.href, type: a.type, title: a.title }] : [];
  });
  return { title: title === undefined ? undefined : decodeEntities(title), meta, links };
}

export function values(tags: HeadTags, key: string): string[] {
  return tags.meta.filter((m) => m.key === key).map((m) => m.content);
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(data: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (
    data.subarray(0, 8).toString('hex') !== signature ||
    data.toString('ascii', 12, 16) !== 'IHDR'
  ) {
    throw new Error('not a PNG');
  }
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

function jpegSize(data: Buffer): { width: number; height: number } {
  if (data.readUInt16BE(0) !== 0xffd8) throw new Error('not a JPEG');
  let at = 2;
  while (at + 9 < data.length) {
    if (data[at] !== 0xff) throw new Error('a broken JPEG');
    const marker = data[at + 1] ?? 0;
    // Start of frame markers (baseline, progressive…) hold the size; C4, C8 and CC do not.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { width: data.readUInt16BE(at + 7), height: data.readUInt16BE(at + 5) };
    }
    at += 2 + data.readUInt16BE(at + 2);
  }
  throw new Error('a JPEG without a frame header');
}

/** The MIME type a card URL promises by its extension: photo cards are JPEGs, text cards PNGs. */
export function cardType(url: string): string {
  if (/\/[a-z0-9]+\.jpg$/.test(url)) return 'image/jpeg';
  if (/\/[a-z0-9]+\.png$/.test(url)) return 'image/png';
  throw new Error(`${url} is not a card URL`);
}

/** The pixel size of a card, read from the PNG or JPEG bytes its URL promises. */
export function cardSize(url: string, data: Buffer): { width: number; height: number } {
  return cardType(url) === 'image/jpeg' ? jpegSize(data) : pngSize(data);
}

export function jsonLdBlocks(html: string): { raw: string; data: Record<string, unknown> }[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    ([, raw = '']) => {
      const data: Record<string, unknown> = JSON.parse(raw);
      return { raw, data };
    },
  );
}

export const RENDITION_SIZES: Record<string, { width: number; height: number }> = {
  og: { width: 1200, height: 630 },
  '4x3': { width: 1200, height: 900 },
  '1x1': { width: 1200, height: 1200 },
};
