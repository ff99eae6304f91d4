import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BuildResult } from './build';
import type { CardResult } from './cards';
import type { contentCheck } from './check-time';
import { kb, mb, root, round } from './common';
import type { LiveEdit } from './live-edit';
import type { Options } from './options';
import type { PageBytes } from './page-bytes';
import { loadClient, type Serving } from './serve';

export interface Measured {
  options: Options;
  corpus: { words: number };
  first: BuildResult;
  routes: number;
  outputBytes: number;
  cacheBytes: number;
  check: Awaited<ReturnType<typeof contentCheck>>;
  card: CardResult;
  articlePath: string;
  page?: PageBytes;
  serving?: Serving;
  live?: LiveEdit;
  unchanged?: BuildResult;
  oneEdit?: BuildResult;
}

/** Prints the table and writes the figures to bench-results/ (JSON, and the build logs). */
export function report(measured: Measured): string {
  const { options, corpus, first, routes, outputBytes, cacheBytes, check, card } = measured;
  const { articlePath, page, serving, live, unchanged, oneEdit } = measured;
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      memoryGb: round(os.totalmem() / 1024 ** 3),
      node: process.version,
      loadAverage: os.loadavg().map((v) => round(v, 2)),
    },
    articles: options.articles,
    words: corpus.words,
    build: {
      wallSeconds: round(first.wallSeconds),
      compileSeconds: first.phases['compile'],
      generateSeconds: first.phases['static generation'],
      peakRssMb: mb(first.peakRssBytes),
      staticPages: first.staticPages,
      prerenderedRoutes: routes,
      outputMb: mb(outputBytes),
      cacheMb: mb(cacheBytes),
      msPerArticle: round((first.wallSeconds * 1000) / options.articles, 2),
      generateMsPerPage:
        first.phases['static generation'] && first.staticPages
          ? round((first.phases['static generation'] * 1000) / first.staticPages, 2)
          : undefined,
      routesPerArticle: round(routes / options.articles, 2),
      cardsRendered: first.cardsRendered,
      phases: first.phases,
      prerenderNewest: options.prerenderNewest ?? 'default (lib/site.ts)',
    },
    rebuild: unchanged &&
      oneEdit && {
        unchangedSeconds: round(unchanged.wallSeconds),
        unchangedPeakRssMb: mb(unchanged.peakRssBytes),
        unchangedCardsRendered: unchanged.cardsRendered,
        oneEditSeconds: round(oneEdit.wallSeconds),
        oneEditCardsRendered: oneEdit.cardsRendered,
      },
    liveEdit: live,
    contentCheck: check,
    card,
    articlePage: page && {
      path: articlePath,
      htmlGzipKb: kb(page.htmlGzip),
      jsGzipKb: kb(page.jsGzip),
      ownJsGzipKb: kb(page.ownJsGzip),
      cssGzipKb: kb(page.cssGzip),
      scripts: page.scripts.map((s) => ({ ...s, gzip: kb(s.gzip) })),
    },
    serving,
  };

  const rows: [string, string][] = [
    ['articles (words)', `${options.articles} (${corpus.words})`],
    [
      'build wall time',
      `${results.build.wallSeconds} s (compile ${results.build.compileSeconds ?? '?'} s, static generation ${results.build.generateSeconds ?? '?'} s)`,
    ],
    ['peak RSS, process tree', `${results.build.peakRssMb} MB`],
    [
      'build phases',
      Object.entries(first.phases)
        .map(([name, seconds]) => `${name} ${seconds} s`)
        .join(', '),
    ],
    [
      'routes generated',
      `${results.build.staticPages ?? '?'} static pages, ${routes} prerendered routes (${results.build.routesPerArticle} per article)`,
    ],
    ['cards rendered', String(first.cardsRendered)],
    ['output size', `${results.build.outputMb} MB (+ ${results.build.cacheMb} MB cache)`],
    [
      'time per article',
      `${results.build.msPerArticle} ms (generation ${results.build.generateMsPerPage ?? '?'} ms per page)`,
    ],
    [
      'card render (warm)',
      'skipped' in card
        ? card.skipped
        : `median ${card.medianMs} ms, p95 ${card.p95Ms} ms over ${card.renders}${card.cached ? `; from the card cache: median ${card.cached.medianMs} ms, p95 ${card.cached.p95Ms} ms` : ''}`,
    ],
    [
      'article page, gzip',
      page
        ? `HTML ${kb(page.htmlGzip)} KB, JS ${kb(page.jsGzip)} KB (own ${kb(page.ownJsGzip)} KB), CSS ${kb(page.cssGzip)} KB`
        : 'skipped',
    ],
    ['content check', `${check.seconds} s (${check.method})`],
    [
      'serving, next start',
      serving
        ? `${serving.next.requestsPerSecond} req/s, p99 ${serving.next.latencyP99Ms} ms, ${serving.next.errors} errors, ${serving.next.non2xx} non-2xx`
        : 'skipped',
    ],
    [
      'serving, nginx (same HTML file)',
      serving
        ? `${serving.nginx.requestsPerSecond} req/s, p99 ${serving.nginx.latencyP99Ms} ms, ${serving.nginx.errors} errors, ${serving.nginx.non2xx} non-2xx`
        : 'skipped',
    ],
    ['serving ratio next/nginx', serving ? `${serving.ratio} (client: ${loadClient})` : 'skipped'],
    [
      'one story edited, live via revalidate',
      live
        ? `${live.seconds} s (hook ${live.hookSeconds} s, ${live.pathsRevalidated} paths), ${live.cardsRendered} cards rendered`
        : 'skipped',
    ],
    [
      'rebuild, nothing changed',
      results.rebuild
        ? `${results.rebuild.unchangedSeconds} s, ${results.rebuild.unchangedCardsRendered} cards rendered`
        : 'skipped',
    ],
    [
      'rebuild, one article edited',
      results.rebuild
        ? `${results.rebuild.oneEditSeconds} s, ${results.rebuild.oneEditCardsRendered} cards rendered`
        : 'skipped',
    ],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`\n| ${'measure'.padEnd(width)} | result |\n| ${'-'.repeat(width)} | ------ |`);
  for (const [name, value] of rows) console.log(`| ${name.padEnd(width)} | ${value} |`);

  const outDir = path.join(root, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(
    outDir,
    `bench-${options.articles}-${results.date.replace(/[:.]/g, '-')}.json`,
  );
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  fs.writeFileSync(
    path.join(outDir, `latest-${options.articles}.json`),
    JSON.stringify(results, null, 2) + '\n',
  );
  const logs = [first, unchanged, oneEdit].map((result) => result?.log ?? '').join('\n\n');
  fs.writeFileSync(file.replace(/\.json$/, '.build.log'), logs);
  return path.relative(root, file);
}
