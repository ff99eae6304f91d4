import { domainToASCII } from 'node:url';
import { slug as githubSlug } from 'github-slugger';

/**
 * The one slug function: tags, scaffolded file names and suggested names all use it. Accents are
 * dropped (é → e); letters without an ASCII form are spelled in IDNA punycode, the way browsers
 * spell domain names, because Next.js cannot serve prerendered pages whose path has non-ASCII
 * characters (vercel/next.js#10084). The result matches SLUG_PATTERN or is empty.
 */
export function slugify(text: string, maxLength = Infinity): string {
  const slug = githubSlug(text.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC'))
    .split('-')
    .map((part) => (/^[a-z0-9_]*$/.test(part) ? part : domainToASCII(part) || ''))
    .filter(Boolean)
    .join('-')
    .replace(/_/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return slug.length > maxLength ? slug.slice(0, maxLength).replace(/-+$/, '') : slug;
}
