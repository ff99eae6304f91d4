import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function typescriptOptions() {
  const { default: config } = await import('../next.config.js');
  return config('phase-development-server').typescript;
}

describe('the type check of next build', () => {
  it('stays on unless npm run build (scripts/build.mjs) runs tsc beside it', async () => {
    vi.stubEnv('NEXT_TYPECHECK', '');
    expect(await typescriptOptions()).toEqual({ ignoreBuildErrors: false });
  });

  it('is skipped with NEXT_TYPECHECK=off, which only scripts/build.mjs sets', async () => {
    vi.stubEnv('NEXT_TYPECHECK', 'off');
    expect(await typescriptOptions()).toEqual({ ignoreBuildErrors: true });
  });

  it('names the accepted values when NEXT_TYPECHECK is wrong', async () => {
    vi.stubEnv('NEXT_TYPECHECK', 'no');
    await expect(import('../next.config.js')).rejects.toThrow(/NEXT_TYPECHECK/);
  });
});
