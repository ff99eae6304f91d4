import { createHmac, timingSafeEqual } from 'node:crypto';
import { now } from '@/lib/clock';
import type { Article } from '@/lib/content';
import { SLUG_PATTERN } from '@/lib/content/schema';
import { absoluteUrl } from '@/lib/site';

export const PREVIEW_PREFIX = '/preview/';
export const DEFAULT_PREVIEW_HOURS = 48;
/** 30 days: a link is a bearer secret, so it should not outlive the review it was made for. */
export const MAX_PREVIEW_HOURS = 720;

/** Every answer on /preview/ (404, 307, 429 too): never stored, indexed or sent on as a referrer. */
export const PREVIEW_HEADERS = {
  'Cache-Control': 'private, no-store',
  'X-Robots-Tag': 'noindex, nofollow, noarchive',
  'Referrer-Policy': 'no-referrer',
} as const;

const EXPIRY = /^[1-9]\d{0,11}$/;
const SIGNATURE = /^[0-9a-f]{64}$/;
const PREVIEW_PATH = /^\/preview\/([^/]+)$/;

export interface PreviewClaim {
  slug: string;
  /** Unix time (seconds) after which the link answers 404. */
  expires: number;
  /** The story's `previewVersion`: raising it revokes every link signed with the old one. */
  version: number;
}

/** HMAC-SHA256 over slug, expiry and preview version, in hex. */
export function previewSignature(claim: PreviewClaim, secret: string): string {
  return createHmac('sha256', secret)
    .update(`${claim.slug}\n${claim.expires}\n${claim.version}`)
    .digest('hex');
}

export function previewPath(claim: PreviewClaim, secret: string): string {
  return `${PREVIEW_PREFIX}${claim.slug}?exp=${claim.expires}&sig=${previewSignature(claim, secret)}`;
}

/** An absolute preview URL for `article`, valid for `hours` from now. */
export function previewLink(
  article: Pick<Article, 'slug' | 'previewVersion'>,
  hours: number,
  secret: string,
): { url: string; expires: Date } {
  const expires = Math.floor(now().getTime() / 1000) + Math.round(hours * 3600);
  const claim = { slug: article.slug, expires, version: article.previewVersion };
  return { url: absoluteUrl(previewPath(claim, secret)), expires: new Date(expires * 1000) };
}

/** The slug of a /preview/<slug> path, undefined for any other path. */
export function previewSlug(pathname: string): string | undefined {
  return PREVIEW_PATH.exec(pathname)?.[1];
}

export type PreviewAnswer =
  | { kind: 'not-found' }
  | { kind: 'published'; url: string }
  | { kind: 'preview'; article: Article; expires: Date };

export interface PreviewRequest {
  slug: string;
  exp: string | null | undefined;
  sig: string | null | undefined;
}

export interface PreviewOptions {
  /** The story by that slug whatever its status: getArticleAnyStatus from lib/content. */
  find: (slug: string) => Article | undefined;
  /** PREVIEW_SECRET from lib/settings.js; unset, every link is not found. */
  secret: string | undefined;
}

const NOT_FOUND: PreviewAnswer = { kind: 'not-found' };

/**
 * What a preview request gets. Every bad link (malformed, tampered, expired, revoked, unknown
 * slug) is the same not-found, reached by the same steps: the shape is checked before any
 * lookup, and the signature is computed and compared even when no story has that slug, so
 * neither the answer nor its timing says whether a draft exists. A published story is public,
 * so its link redirects to the story whatever the signature.
 */
export function checkPreview(
  request: PreviewRequest,
  { find, secret }: PreviewOptions,
): PreviewAnswer {
  const { slug, exp, sig } = request;
  if (!secret || !SLUG_PATTERN.test(slug) || !exp || !EXPIRY.test(exp) || !sig) return NOT_FOUND;
  if (!SIGNATURE.test(sig)) return NOT_FOUND;
  const article = find(slug);
  if (article?.status === 'published') return { kind: 'published', url: article.url };
  const expires = Number(exp);
  const expected = previewSignature(
    { slug, expires, version: article?.previewVersion ?? 1 },
    secret,
  );
  const signed = timingSafeEqual(Buffer.from(sig, 'hex'), Buffer.from(expected, 'hex'));
  const current = expires * 1000 > now().getTime();
  if (!signed || !current || !article) return NOT_FOUND;
  return { kind: 'preview', article, expires: new Date(expires * 1000) };
}
