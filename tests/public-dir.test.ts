import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
// Turbopack traces `path.join(process.cwd(), 'public', …)` as a pattern over every file in
// public/, the search index's too: a 100,000-story compile took 3 min and 6 GB for it.
const CWD_PUBLIC = /process\.cwd\(\)\s*,\s*['"]public['"]/;

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(tsx?|m?js)$/.test(file))
    .map((file) => path.join(dir, file));
}

describe('the public folder', () => {
  it('is named once, in lib/settings.js, where Turbopack is told not to trace it', () => {
    const naming = ['app', 'components', 'lib']
      .flatMap(sources)
      .filter((file) => CWD_PUBLIC.test(fs.readFileSync(path.join(root, file), 'utf8')));
    expect(naming).toEqual([path.join('lib', 'settings.js')]);
    expect(fs.readFileSync(path.join(root, 'lib/settings.js'), 'utf8')).toMatch(
      /export const publicDir = path\.join\(\/\* turbopackIgnore: true \*\/ process\.cwd\(\), 'public'\)/,
    );
  });
});
