/**
 * Renders share cards in-process and prints the median and p95 render time (all cards, text cards
 * and photo cards) and the file sizes.
 *   npm run bench:cards -- [--runs 50] [--out dir]
 * CONTENT_DIR picks the content (e.g. .e2e-content after `node scripts/prepare-e2e-content.mjs`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { allCards, cardFile, cardFormat, RENDITION_NAMES, RENDITIONS } from '@/lib/og/cards';
import { renderCard } from '@/lib/og/card';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '50' }, out: { type: 'string' } },
});
const runs = Number(values.runs);

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;
};
const median = (xs: number[]) => quantile(xs, 0.5);

const cards = allCards();
console.log(`${cards.length} cards × ${RENDITION_NAMES.length} renditions`);

const sizes: Record<string, number[]> = {};
for (const card of cards) {
  for (const rendition of RENDITION_NAMES) {
    const data = await renderCard(card, rendition);
    (sizes[rendition] ??= []).push(data.length);
    if (values.out) {
      fs.mkdirSync(values.out, { recursive: true });
      const name = `${card.kind}-${card.key || 'home'}-${cardFile(card, rendition)}`;
      fs.writeFileSync(path.join(values.out, name), data);
    }
  }
}
for (const [rendition, list] of Object.entries(sizes)) {
  const kb = list.map((n) => n / 1024);
  console.log(
    `${rendition}: size KB min ${Math.min(...kb).toFixed(1)}, median ${median(kb).toFixed(1)}, max ${Math.max(...kb).toFixed(1)}`,
  );
}

for (const rendition of RENDITION_NAMES) {
  const times: Record<string, number[]> = { all: [], 'text (PNG)': [], 'photo (JPEG)': [] };
  for (let i = 0; i < runs; i++) {
    const card = cards[i % cards.length];
    if (!card) break;
    const start = performance.now();
    await renderCard(card, rendition);
    const ms = performance.now() - start;
    times.all?.push(ms);
    times[cardFormat(card) === 'jpeg' ? 'photo (JPEG)' : 'text (PNG)']?.push(ms);
  }
  const { width, height } = RENDITIONS[rendition];
  for (const [group, list] of Object.entries(times)) {
    if (list.length === 0) continue;
    console.log(
      `${rendition} (${width}×${height}) ${group}: median ${median(list).toFixed(1)} ms, p95 ${quantile(list, 0.95).toFixed(1)} ms over ${list.length} warm renders`,
    );
  }
}
