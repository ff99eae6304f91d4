import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { percentile, root, round } from './common';

export type CardResult =
  | {
      medianMs: number;
      p95Ms: number;
      renders: number;
      cached?: { medianMs: number; p95Ms: number };
    }
  | { skipped: string };
type Article = import('../../lib/content/load').Article;

// The same cards through the on-disk card cache (lib/og/cache.ts), once it holds them: what a
// rebuild or a server pays for a card that has not changed.
async function cachedCardTimes(articles: Article[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-bench-card-cache-'));
  process.env.CARD_CACHE_DIR = dir;
  try {
    const { cachedCard } = await import('../../lib/og/cache');
    const { articleCard } = await import('../../lib/og/cards');
    const cards = articles.map((article) => articleCard(article));
    for (const card of cards) await cachedCard(card, 'og');
    const times: number[] = [];
    for (const card of cards) {
      const started = performance.now();
      await cachedCard(card, 'og');
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { medianMs: round(percentile(times, 50), 2), p95Ms: round(percentile(times, 95), 2) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Imported once CONTENT_DIR points at the generated corpus.
async function cardRenderer(): Promise<(article: Article) => Promise<Buffer>> {
  const { renderCard } = await import('../../lib/og/card');
  const { articleCard } = await import('../../lib/og/cards');
  return (article) => renderCard(articleCard(article), 'og');
}

export async function cardBench(contentDir: string): Promise<CardResult> {
  const render = await cardRenderer();
  const { loadContent } = await import('@/lib/content/load');
  const { judgeBody } = await import('@/lib/content/body');
  const { defaultCacheFile } = await import('@/lib/content/verdicts');
  const { articles } = loadContent({
    judge: judgeBody,
    contentDir,
    publicDir: path.join(root, 'public'),
    now: new Date(),
    cacheFile: defaultCacheFile(contentDir),
  });
  const sample = articles.slice(0, 60);
  for (const article of sample.slice(0, 5)) await render(article);
  const times: number[] = [];
  for (const article of sample) {
    const started = performance.now();
    await render(article);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    medianMs: round(percentile(times, 50), 2),
    p95Ms: round(percentile(times, 95), 2),
    renders: times.length,
    cached: await cachedCardTimes(sample),
  };
}
