import { isSafeUrl } from '@/lib/content/urls';
import { site } from '@/lib/site';

export type EmbedTarget =
  | { kind: 'youtube'; id: string; url: string }
  | { kind: 'post'; url: string; author: string }
  | { kind: 'article'; slug: string }
  | { kind: 'link'; url: string; host: string };

const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'youtu.be',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);
const POST_HOSTS = new Set([
  'x.com',
  'www.x.com',
  'twitter.com',
  'www.twitter.com',
  'mobile.twitter.com',
]);
const VIDEO_ID = /^[\w-]{11}$/;

function youtubeId(url: URL): string | undefined {
  if (url.hostname === 'youtu.be') return url.pathname.slice(1);
  if (url.pathname === '/watch') return url.searchParams.get('v') ?? undefined;
  return /^\/(?:embed|shorts|live)\/([^/]+)/.exec(url.pathname)?.[1];
}

export function classifyEmbed(raw: string): EmbedTarget | undefined {
  if (!isSafeUrl(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw, site.url);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.origin === site.url.origin) {
    const slug = /^\/articles\/([a-z0-9-]+)\/?$/.exec(url.pathname)?.[1];
    if (slug) return { kind: 'article', slug };
  }
  if (YOUTUBE_HOSTS.has(url.hostname)) {
    const id = youtubeId(url);
    if (id && VIDEO_ID.test(id))
      return { kind: 'youtube', id, url: `https://www.youtube.com/watch?v=${id}` };
  }
  if (POST_HOSTS.has(url.hostname)) {
    const match = /^\/([A-Za-z0-9_]{1,15})\/status\/(\d+)/.exec(url.pathname);
    if (match) {
      return {
        kind: 'post',
        author: match[1] ?? '',
        url: `https://x.com/${match[1]}/status/${match[2]}`,
      };
    }
  }
  return { kind: 'link', url: url.toString(), host: url.hostname.replace(/^www\./, '') };
}

export function youtubeEmbedUrl(id: string): string {
  return `https://www.youtube-nocookie.com/embed/${encodeURIComponent(id)}?autoplay=1`;
}
