import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as acorn from 'acorn';

function assetsOf(html: string, kind: 'script' | 'stylesheet'): string[] {
  const urls = new Set<string>();
  const pattern = kind === 'script' ? /<script\b[^>]*>/g : /<link\b[^>]*>/g;
  for (const [tag] of html.matchAll(pattern)) {
    if (kind === 'stylesheet' && !/\brel="stylesheet"/.test(tag)) continue;
    const src = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (src) urls.add(src.replace(/&amp;/g, '&'));
  }
  return [...urls];
}

export interface PageBytes {
  htmlGzip: number;
  jsGzip: number;
  cssGzip: number;
  ownJsGzip: number;
  scripts: { url: string; gzip: number; own: boolean }[];
}

// Our own client code: the modules of our client components (the build's client reference
// manifest names them and gives their ids), cut out of the Turbopack chunks the page loads.
// Chunks mix them with next/link and next/image, so whole chunks would overstate it.
function ownModuleIds(distDir: string, route: string): Set<number> {
  const file = path.join(distDir, 'server', 'app', route, 'page_client-reference-manifest.js');
  const ids = new Set<number>();
  if (!fs.existsSync(file)) return ids;
  const text = fs.readFileSync(file, 'utf8');
  const manifest: { clientModules?: Record<string, { id?: number | string }> } = JSON.parse(
    text.slice(text.indexOf('= {') + 2, text.lastIndexOf('}') + 1),
  );
  for (const [name, entry] of Object.entries(manifest.clientModules ?? {})) {
    if (!name.startsWith('[project]/') || name.startsWith('[project]/node_modules/')) continue;
    if (entry.id !== undefined) ids.add(Number(entry.id));
  }
  return ids;
}

function ownModuleSources(chunk: string, ids: Set<number>): string[] {
  const sources: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    const record = node as Record<string, unknown> & { type?: string };
    if (record.type === 'ArrayExpression' && Array.isArray(record.elements)) {
      const elements = record.elements as (acorn.Node & { value?: unknown })[];
      elements.forEach((element, i) => {
        const next = elements[i + 1];
        if (element?.type === 'Literal' && ids.has(Number(element.value)) && next) {
          sources.push(chunk.slice(next.start, next.end));
        }
      });
    }
    for (const value of Object.values(record)) if (value && typeof value === 'object') walk(value);
  };
  walk(acorn.parse(chunk, { ecmaVersion: 'latest', sourceType: 'script' }));
  return sources;
}

export async function pageBytes(
  base: string,
  pagePath: string,
  distDir: string,
): Promise<PageBytes> {
  const html = await (await fetch(base + pagePath)).text();
  const ids = ownModuleIds(distDir, 'articles/[slug]');
  const ownSources: string[] = [];
  const fetchText = async (url: string) => (await fetch(new URL(url, base))).text();
  const gzipOf = async (url: string) => gzipSync(await fetchText(url)).length;
  const scripts = await Promise.all(
    assetsOf(html, 'script').map(async (url) => {
      const text = await fetchText(url);
      const own = ownModuleSources(text, ids);
      ownSources.push(...own);
      return { url, gzip: gzipSync(text).length, own: own.length > 0 };
    }),
  );
  const css = await Promise.all(assetsOf(html, 'stylesheet').map(gzipOf));
  return {
    htmlGzip: gzipSync(html).length,
    jsGzip: scripts.reduce((sum, script) => sum + script.gzip, 0),
    cssGzip: css.reduce((sum, size) => sum + size, 0),
    ownJsGzip: ownSources.length ? gzipSync(ownSources.join('\n')).length : 0,
    scripts,
  };
}
