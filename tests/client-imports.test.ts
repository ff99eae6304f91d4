import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'];
// Value imports and re-exports; `import type` and `export type` never reach the browser.
const IMPORT = /(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/g;

function resolve(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith('@/')) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else return undefined;
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return base;
  const found = EXTENSIONS.map((extension) => base + extension).find((file) => fs.existsSync(file));
  return found;
}

/** Every file of ours and every package a module pulls into its bundle, with the path to each. */
function graph(entry: string): { files: Map<string, string[]>; packages: Map<string, string[]> } {
  const files = new Map<string, string[]>([[entry, [entry]]]);
  const packages = new Map<string, string[]>();
  const queue = [entry];
  for (let file = queue.shift(); file; file = queue.shift()) {
    const trail = files.get(file) ?? [];
    for (const [, specifier] of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (!specifier) continue;
      const target = resolve(file, specifier);
      if (!target) {
        if (!specifier.startsWith('.') && !specifier.startsWith('@/')) {
          packages.set(specifier, [...trail, specifier]);
        }
        continue;
      }
      if (files.has(target) || !/\.(tsx?|m?js)$/.test(target)) continue;
      files.set(target, [...trail, target]);
      queue.push(target);
    }
  }
  return { files, packages };
}

function clientModules(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (
        /\.tsx?$/.test(entry.name) &&
        /^['"]use client['"]/.test(fs.readFileSync(full, 'utf8'))
      )
        found.push(full);
    }
  };
  for (const dir of ['app', 'components', 'lib']) walk(path.join(root, dir));
  return found;
}

const relative = (trail: string[]) => trail.map((file) => path.relative(root, file)).join(' -> ');

describe('client components', () => {
  const modules = clientModules();

  it('are found', () => {
    expect(modules.map((file) => path.relative(root, file))).toContain(
      path.join('components', 'search', 'search-view.tsx'),
    );
  });

  it.each(modules.map((file) => [path.relative(root, file), file]))(
    '%s does not pull the settings module or zod into the browser',
    (_name, file) => {
      const { files, packages } = graph(file);
      const settings = files.get(path.join(root, 'lib', 'settings.js'));
      expect(settings && relative(settings)).toBeUndefined();
      const zod = packages.get('zod');
      expect(zod && relative(zod)).toBeUndefined();
    },
  );
});
