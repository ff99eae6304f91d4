import { describe, expect, it } from 'vitest';
import { buildPhases } from '@/scripts/bench/build';
import { parseArgs } from '@/scripts/bench/options';

describe('npm run bench', () => {
  it('reads its options, with the defaults the docs give', () => {
    expect(parseArgs([])).toMatchObject({
      articles: 1000,
      duration: 10,
      connections: 10,
      rebuilds: true,
      serve: true,
      liveEdit: true,
      keep: false,
    });
    expect(
      parseArgs(['--articles', '10000', '--no-rebuilds', '--no-serve', '--prerender-newest', '5']),
    ).toMatchObject({ articles: 10000, rebuilds: false, serve: false, prerenderNewest: 5 });
    expect(() => parseArgs(['--articles', 'many'])).toThrow(/--articles must be a positive/);
  });

  it("times the build's phases from Next's own progress lines", () => {
    const lines = [
      { at: 12.5, text: '✓ Compiled successfully in 12.0s' },
      { at: 19, text: '  Finished TypeScript in 6.4s' },
      { at: 21, text: '  Generating static pages (0/40) ...' },
      { at: 50, text: '  Generating static pages (20/40)' },
      { at: 60, text: '✓ Generating static pages (40/40) in 39s' },
    ];
    expect(buildPhases(lines, 63)).toEqual({
      compile: 12.5,
      typecheck: 6.5,
      'page data': 2,
      'static generation': 39,
      finalize: 3,
    });
  });
});
