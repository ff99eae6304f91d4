import fs from 'node:fs';
import path from 'node:path';
import { temporaryDir } from './temporary-dir';

export interface FixtureFiles {
  [relativePath: string]: string | Buffer;
}

export const SECTIONS_YAML = `- slug: world
  name: World
  description: International news.
- slug: guides
  name: Guides
  description: How we publish.
`;

export const AUTHOR = `---
name: Ada Writer
role: Reporter
---
Ada writes.
`;

export function article(fields: Record<string, string>, body = 'Body text.\n'): string {
  const defaults: Record<string, string> = {
    title: '"A headline"',
    summary: '"A summary."',
    date: '2026-01-02T10:00:00+00:00',
    authors: '[ada-writer]',
    section: 'world',
  };
  const merged = { ...defaults, ...fields };
  const lines = Object.entries(merged)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}

export function makeContent(files: FixtureFiles): { contentDir: string; publicDir: string } {
  const root = temporaryDir();
  const contentDir = path.join(root, 'content');
  const publicDir = path.join(root, 'public');
  const all: FixtureFiles = {
    'sections.yaml': SECTIONS_YAML,
    'authors/ada-writer.mdx': AUTHOR,
    ...files,
  };
  for (const [relative, text] of Object.entries(all)) {
    const target = relative.startsWith('public/')
      ? path.join(root, relative)
      : path.join(contentDir, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
  fs.mkdirSync(path.join(contentDir, 'articles'), { recursive: true });
  fs.mkdirSync(publicDir, { recursive: true });
  return { contentDir, publicDir };
}
