const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
const IMAGE_SCHEMES = new Set(['http', 'https']);

/** Browsers ignore ASCII whitespace and control characters inside a URL's scheme. */
export function urlScheme(url: string): string | undefined {
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

export function isSafeUrl(url: string, kind: 'link' | 'image' = 'link'): boolean {
  const scheme = urlScheme(url);
  if (scheme === undefined) return true;
  return (kind === 'image' ? IMAGE_SCHEMES : LINK_SCHEMES).has(scheme);
}
