import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CACHE_DIR } from '../../lib/settings.js';
import { build, type BuildResult } from './build';
import { cardBench } from './cards';
import { contentCheck } from './check-time';
import { dirSize, log, mb, root, round } from './common';
import { generateCorpus, writeBenchImages } from './generate-corpus';
import { editStory, liveEdit } from './live-edit';
import { parseArgs } from './options';
import { report } from './report';
import { measureServing } from './serve';

/** `npm run bench`: a generated corpus built, served and edited; each measurement is a module. */
async function main() {
  const options = parseArgs(process.argv.slice(2));
  const contentDir = path.join(os.tmpdir(), `meridian-bench-${options.articles}`);
  const distName = '.next-bench';
  const distDir = path.join(root, distName);
  const cardCacheDir = path.join(root, CACHE_DIR, 'bench-cards');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    CONTENT_DIR: contentDir,
    NEXT_DIST_DIR: distName,
    NEXT_TELEMETRY_DISABLED: '1',
    SITE_URL: `http://localhost:${options.port}`,
    CARD_CACHE_DIR: cardCacheDir,
    ...(options.prerenderNewest !== undefined && {
      PRERENDER_NEWEST: String(options.prerenderNewest),
    }),
  };
  process.env.CONTENT_DIR = contentDir;

  log(`generating ${options.articles} articles in ${contentDir}`);
  const images = await writeBenchImages(path.join(root, 'public'));
  const corpus = generateCorpus({ articles: options.articles, dir: contentDir, images });
  if (options.reuseBuild && !fs.existsSync(path.join(distDir, 'BUILD_ID'))) {
    throw new Error(`--reuse-build needs an earlier build in ${distName}/`);
  }
  const check = await contentCheck(contentDir, env);
  log(`content check: ${check.seconds} s (${check.method})`);

  if (!options.reuseBuild) {
    fs.rmSync(distDir, { recursive: true, force: true });
    fs.rmSync(cardCacheDir, { recursive: true, force: true });
  }
  const first: BuildResult = options.reuseBuild
    ? { wallSeconds: NaN, peakRssBytes: NaN, phases: {}, cardsRendered: NaN, log: '' }
    : await build(env, 'full build (cold cache)');
  log(`build: ${round(first.wallSeconds)} s, peak RSS ${mb(first.peakRssBytes)} MB`);
  const prerender: { routes?: Record<string, unknown> } = JSON.parse(
    fs.readFileSync(path.join(distDir, 'prerender-manifest.json'), 'utf8'),
  );
  const routes = Object.keys(prerender.routes ?? {}).length;
  const outputBytes = dirSize(distDir, (name) => name === 'cache');
  const cacheBytes = fs.existsSync(path.join(distDir, 'cache'))
    ? dirSize(path.join(distDir, 'cache'))
    : 0;

  const card = await cardBench(contentDir);
  log(`cards: ${'skipped' in card ? card.skipped : `${card.medianMs} ms median`}`);

  const articleSlug = corpus.slugs[Math.floor(corpus.slugs.length / 2)] as string;
  const articlePath = `/articles/${articleSlug}`;
  const served = options.serve
    ? await measureServing(env, options, articlePath, distDir)
    : undefined;

  // The 11th newest story: recent enough to be in the feed, which carries the latest 50.
  const liveSlug = corpus.slugs[Math.min(10, corpus.slugs.length - 1)] as string;
  const live = options.liveEdit ? await liveEdit(env, options, liveSlug, contentDir) : undefined;
  if (live) log(`live edit: ${live.seconds} s, ${live.cardsRendered} cards rendered`);

  let unchanged: BuildResult | undefined;
  let oneEdit: BuildResult | undefined;
  if (options.rebuilds) {
    unchanged = await build(env, 'rebuild, nothing changed');
    editStory(path.join(contentDir, 'articles', `${articleSlug}.mdx`));
    oneEdit = await build(env, 'rebuild, one article edited');
  }

  const file = report({
    options,
    corpus,
    first,
    routes,
    outputBytes,
    cacheBytes,
    check,
    card,
    articlePath,
    ...served,
    live,
    unchanged,
    oneEdit,
  });
  log(`wrote ${file}`);
  if (!options.keep) fs.rmSync(contentDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
