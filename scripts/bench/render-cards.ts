/**
 * Renders share cards in-process and prints the median render time and the PNG sizes.
 *   npm run bench:cards -- [--runs 50] [--out dir]
 * CONTENT_DIR picks the content (e.g. .e2e-content after `node scripts/prepare-e2e-content.mjs`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { allCards, RENDITION_NAMES, RENDITIONS } from '@/lib/og/cards';
import { renderCard } from '@/lib/og/card';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '50' }, out: { type: 'string' } },
});
const runs = Number(values.runs);

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

const cards = allCards();
console.log(`${cards.length} cards × ${RENDITION_NAMES.length} renditions`);

const sizes: Record<string, number[]> = {};
for (const card of cards) {
  for (const rendition of RENDITION_NAMES) {
    const data = await renderCard(card, rendition);
    (sizes[rendition] ??= []).push(data.length);
    if (values.out) {
      fs.mkdirSync(values.out, { recursive: true });
      const name = `${card.kind}-${card.key || 'home'}-${RENDITIONS[rendition].file}`;
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
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const card = cards[i % cards.length];
    if (!card) break;
    const start = performance.now();
    await renderCard(card, rendition);
    times.push(performance.now() - start);
  }
  console.log(
    `${rendition} (${RENDITIONS[rendition].width}×${RENDITIONS[rendition].height}): median ${median(times).toFixed(1)} ms over ${times.length} warm renders`,
  );
}
