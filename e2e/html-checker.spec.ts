import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import vnuJar from 'vnu-jar';
import { expect, test } from './fixtures';

// The W3C's Nu HTML Checker (vnu.jar, from the vnu-jar package; it needs Java) on the pages of a
// translation set and each language's front page: lang, dir and hreflang markup included.
const PAGES = [
  '/articles/north-korea-volunteers-ukraine',
  '/ko/articles/north-korea-volunteers-ukraine',
  '/ar/articles/north-korea-volunteers-ukraine',
  '/ko',
  '/ar',
  '/ko/search',
  '/ar/search',
  '/ko/tags/north-korea',
  '/ar/sections/world',
];

test('the W3C HTML checker finds no error on the translated pages', async ({ request }) => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-vnu-'));
  try {
    const files = [];
    for (const page of PAGES) {
      const response = await request.get(page);
      expect(response.status(), page).toBe(200);
      const file = path.join(dir, `${page.replaceAll('/', '_') || 'home'}.html`);
      fs.writeFileSync(file, await response.body());
      files.push(file);
    }
    const checked = await promisify(execFile)(
      'java',
      ['-jar', String(vnuJar), '--errors-only', '--format', 'json', ...files],
      { maxBuffer: 1 << 24 },
    ).then(
      ({ stderr }) => stderr,
      (error: { stderr?: string }) => error.stderr ?? String(error),
    );
    const messages = (JSON.parse(checked) as { messages: { type: string }[] }).messages;
    expect(messages.filter((message) => message.type === 'error')).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
