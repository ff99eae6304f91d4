import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cardsWrittenSince } from './build';
import { log, nextBin, root, round, startServer, stopServer, waitFor } from './common';
import type { Options } from './options';

/** A correction to a published story: a new headline and a sentence added to the body. */
export function editStory(file: string) {
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(
    file,
    text.replace(/^title: "(.*)"$/m, 'title: "$1, updated"') +
      '\nAn editor added this sentence after publication.\n',
  );
}

export interface LiveEdit {
  slug: string;
  seconds: number;
  hookSeconds: number;
  cardsRendered: number;
  pathsRevalidated: number;
}

/**
 * One story edited under a running `next start`, published with `npm run revalidate`: seconds
 * from the edit until its page, its new card and the feed serve the new headline.
 */
export async function liveEdit(
  env: NodeJS.ProcessEnv,
  options: Options,
  slug: string,
  contentDir: string,
) {
  const token = 'bench-revalidate-token';
  const base = `http://localhost:${options.port}`;
  const server = startServer([nextBin, 'start', '-p', String(options.port)], {
    ...env,
    REVALIDATE_TOKEN: token,
  });
  try {
    const articlePath = `/articles/${slug}`;
    await waitFor(base + articlePath);
    const cardOf = (html: string) => /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
    const before = cardOf(await (await fetch(base + articlePath)).text());
    log(`live edit: ${articlePath}`);
    const startedAt = Date.now();
    const started = performance.now();
    editStory(path.join(contentDir, 'articles', `${slug}.mdx`));
    const cli = spawn(
      process.execPath,
      [
        path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        'scripts/revalidate.ts',
        '--url',
        base,
      ],
      { cwd: root, env: { ...env, REVALIDATE_TOKEN: token }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let said = '';
    cli.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => cli.on('close', resolve));
    if (code !== 0) throw new Error(`npm run revalidate failed (${code})`);
    const hookSeconds = (performance.now() - started) / 1000;
    const until = Date.now() + 300_000;
    for (;;) {
      const html = await (await fetch(base + articlePath)).text();
      const card = cardOf(html);
      const feed = await (await fetch(base + '/feed.xml')).text();
      if (html.includes(', updated') && card && card !== before && feed.includes(', updated')) {
        const image = await fetch(new URL(new URL(card).pathname, base));
        if (image.ok) break;
      }
      if (Date.now() > until) throw new Error('the edited story did not go live within 300 s');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return {
      slug,
      seconds: round((performance.now() - started) / 1000, 2),
      hookSeconds: round(hookSeconds, 2),
      cardsRendered: cardsWrittenSince(env.CARD_CACHE_DIR ?? '', startedAt),
      pathsRevalidated: Number(/(\d+) paths revalidated/.exec(said)?.[1]),
    };
  } finally {
    await stopServer(server);
  }
}
