import fs from 'node:fs';
import path from 'node:path';
import { temporaryDir } from './temporary-dir';

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
