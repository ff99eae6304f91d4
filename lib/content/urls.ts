export const LINK_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel']);
export const IMAGE_SCHEMES: ReadonlySet<string> = new Set(['http', 'https']);

export type UrlKind = 'link' | 'image';

/** Browsers ignore ASCII whitespace and control characters inside a URL's scheme. */
export function urlScheme(url: string): string | undefined {
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

export function isSafeUrl(url: string, kind: UrlKind = 'link'): boolean {
  const scheme = urlScheme(url);
  if (scheme === undefined) return true;
  return (kind === 'image' ? IMAGE_SCHEMES : LINK_SCHEMES).has(scheme);
}
