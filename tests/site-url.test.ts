import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

/** Loads next.config.js the way `next build` does, with the given environment. */
function loadBuildConfig(env: Record<string, string>) {
  const rest = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key !== 'SITE_URL' && key !== 'NEXT_OUTPUT'),
  );
  const result = spawnSync(
    process.execPath,
    [
      '-e',
      "require('next/dist/server/config').default(require('next/constants').PHASE_PRODUCTION_BUILD, process.cwd()).then(() => console.log('loaded'), (e) => { console.error(e.message); process.exit(1); })",
    ],
    { cwd: root, encoding: 'utf8', env: { ...rest, NODE_ENV: 'production', ...env } },
  );
  return { status: result.status, out: result.stdout, err: result.stderr };
}

describe('a production build without SITE_URL', () => {
  it('warns loudly and names the consequence, but builds (npm run build && npm start)', () => {
    const { status, out, err } = loadBuildConfig({});
    expect(status).toBe(0);
    expect(out).toContain('loaded');
    expect(err).toMatch(/WARNING: SITE_URL is not set/);
    expect(err).toMatch(/canonical link, feed, sitemap, share card .* http:\/\/localhost:3000/);
  }, 60_000);

  it('stops an export or standalone build', () => {
    for (const output of ['export', 'standalone']) {
      const { status, err } = loadBuildConfig({ NEXT_OUTPUT: output });
      expect(status).toBe(1);
      expect(err).toMatch(/SITE_URL is not set/);
    }
  }, 60_000);

  it('is quiet when SITE_URL is set', () => {
    const { status, err } = loadBuildConfig({ SITE_URL: 'https://news.example' });
    expect(status).toBe(0);
    expect(err).not.toMatch(/SITE_URL/);
  }, 60_000);
});
