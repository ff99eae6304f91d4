import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_DIR, parseSettings } from '@/lib/settings.js';

const root = path.resolve(import.meta.dirname, '..');

describe('parseSettings', () => {
  it('gives the defaults for an empty environment, and treats an empty value as unset', () => {
    for (const env of [{}, { PRERENDER_NEWEST: '', CARD_CACHE: '', SITE_URL: '' }]) {
      const settings = parseSettings(env);
      expect(settings.SITE_URL).toBeUndefined();
      expect(settings).toMatchObject({
        PRERENDER_NEWEST: 10_000,
        PRERENDER_ARCHIVE_PAGES: 10,
        CARD_CACHE: 'on',
        UNSAFE_RENDER_REFUSED_BODIES: false,
        SEARCH_RECENT_YEARS: 2,
      });
    }
  });

  it('converts good values', () => {
    expect(
      parseSettings({
        SITE_URL: 'https://news.example',
        NEXT_OUTPUT: 'export',
        PRERENDER_NEWEST: '25',
        UNSAFE_RENDER_REFUSED_BODIES: '1',
        SEARCH_SPLIT_ABOVE: '500',
        PORT: '3300',
      }),
    ).toMatchObject({
      SITE_URL: 'https://news.example',
      NEXT_OUTPUT: 'export',
      PRERENDER_NEWEST: 25,
      UNSAFE_RENDER_REFUSED_BODIES: true,
      SEARCH_SPLIT_ABOVE: 500,
      PORT: 3300,
    });
  });

  it.each([
    ['SITE_URL', 'news.example', 'an absolute http(s) URL, like https://news.example'],
    ['SITE_URL', 'ftp://news.example', 'an absolute http(s) URL'],
    ['NEXT_OUTPUT', 'static', 'one of "export", "standalone"'],
    ['PRERENDER_NEWEST', 'abc', 'a whole number'],
    ['PRERENDER_NEWEST', '-1', 'a whole number'],
    ['PRERENDER_ARCHIVE_PAGES', '2.5', 'a whole number'],
    ['CARD_CACHE', 'no', 'one of "on", "off"'],
    ['UNSAFE_RENDER_REFUSED_BODIES', 'yes', 'one of "0", "1"'],
    ['SEARCH_SPLIT_ABOVE', '0', 'a whole number'],
    ['SEARCH_RECENT_YEARS', 'two', 'a whole number'],
    ['NEXT_STATIC_CONCURRENCY', 'many', 'a whole number'],
    ['NEXT_BUILD_CPUS', '1.5', 'a whole number'],
    ['BUILD_TIME', 'yesterday', 'an ISO 8601 instant, like 2026-12-06T09:30:00Z'],
    ['PORT', 'http', 'a whole number'],
  ])('%s=%s stops with a message naming it', (name, value, expected) => {
    expect(() => parseSettings({ [name]: value })).toThrow(
      `${name}="${value}" is not valid: expected ${expected}`,
    );
  });

  it('names every bad variable at once', () => {
    expect(() => parseSettings({ PRERENDER_NEWEST: 'abc', SITE_URL: 'x' })).toThrow(
      /SITE_URL="x".*\n.*PRERENDER_NEWEST="abc"/,
    );
  });

  it('keeps every cache below CACHE_DIR: no other file names the folder', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (
          /\.(ts|tsx|js|mjs)$/.test(entry.name) &&
          file !== path.join('lib', 'settings.js')
        ) {
          if (/\.cache['"/, ]+meridian/.test(fs.readFileSync(path.join(root, file), 'utf8'))) {
            offenders.push(file);
          }
        }
      }
    };
    for (const dir of ['lib', 'app', 'components', 'scripts']) walk(dir);
    expect(offenders).toEqual([]);
    expect(CACHE_DIR).toBe(path.join('node_modules', '.cache', 'meridian'));
  });
});

/** Imports next.config.js with plain node: no TypeScript loader, as `next build` may. */
function importConfig(env: Record<string, string>) {
  const result = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "const { default: config } = await import('./next.config.js'); console.log(JSON.stringify(config('phase-development-server').images.deviceSizes));",
    ],
    {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, NODE_ENV: 'production', ...env },
    },
  );
  return { status: result.status, out: result.stdout, err: result.stderr };
}

describe('next.config.js', () => {
  it('is JavaScript and loads under plain node', () => {
    expect(fs.existsSync(path.join(root, 'next.config.ts'))).toBe(false);
    const { status, out, err } = importConfig({});
    expect(err).toBe('');
    expect(status).toBe(0);
    expect(JSON.parse(out)).toEqual(expect.arrayContaining([640, 1920]));
  }, 30_000);

  it('stops on a bad setting with its message', () => {
    const { status, err } = importConfig({ PRERENDER_NEWEST: 'abc', NEXT_OUTPUT: 'static' });
    expect(status).not.toBe(0);
    expect(err).toContain(
      'NEXT_OUTPUT="static" is not valid: expected one of "export", "standalone"',
    );
    expect(err).toContain('PRERENDER_NEWEST="abc" is not valid: expected a whole number');
  }, 30_000);
});
