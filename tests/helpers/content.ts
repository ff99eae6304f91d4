import { afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

/**
 * The published content plus the e2e fixtures in a temporary folder, set as CONTENT_DIR.
 * Call before importing any module that reads content (import those dynamically).
 */
export function prepareFixtureContent(): string {
  const dir = temporaryDir();
  fs.cpSync(path.join(root, 'content'), dir, { recursive: true });
  fs.cpSync(path.join(root, 'e2e', 'fixtures', 'content'), dir, { recursive: true });
  process.env.CONTENT_DIR = dir;
  // The fixtures include hostile bodies the loader refuses; render them inert to test that.
  process.env.UNSAFE_RENDER_REFUSED_BODIES = '1';
  process.env.CONTENT_CHECK_CACHE = 'off';
  return dir;
}

export const FIXTURE_TITLE = `Fish & chips <b>not bold</b> > "quoted" and 'single' ]]> test`;
export const FIXTURE_SLUG = 'fixture-feed-escaping';
export const HIDDEN_SLUGS = ['fixture-feed-draft', 'fixture-feed-future'];

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function temporaryDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-content-'));
  created.push(dir);
  return dir;
}
