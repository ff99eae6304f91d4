import fs from 'node:fs';
import path from 'node:path';
import { contentDir } from '@/lib/settings.js';

export const showUnpublished = process.env.NODE_ENV === 'development';

// Under `next dev` the content files are not part of the module graph, so nothing tells this
// module they changed: it compares names, sizes and modification times (microseconds for 1,000
// files) on every access and rebuilds when they differ. Production loads the content once.
export function contentSignature(): string {
  if (!showUnpublished) return '';
  const parts: string[] = [];
  const visit = (dir: string) => {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      parts.push(`${dir}:missing`);
      return;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (stat?.isDirectory()) visit(file);
      else if (stat) parts.push(`${file}:${stat.size}:${stat.mtimeMs}`);
    }
  };
  visit(contentDir);
  return parts.join('\n');
}

/**
 * What a dynamic route's generateStaticParams returns. Under `next dev` it is empty: the dev server
 * serves a route's previous list while it recomputes it, so a file added since would answer 404
 * once; with no list every slug renders, and the page's own notFound() answers unknown ones.
 */
export function staticParams<T>(params: () => T[]): T[] {
  return showUnpublished ? [] : params();
}
