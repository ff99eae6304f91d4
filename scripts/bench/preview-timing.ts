// How long bad preview links take to answer, by kind, against a running server:
//   PREVIEW_SECRET=… npm run bench:preview -- --url http://localhost:3600 --slug <a draft> [--rounds 200]
// The kinds are interleaved round by round; it prints the median and 90th percentile of each, and
// the ratio of each median to the unknown-slug median (the anchor), measured in the same run.
import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { now } from '../../lib/clock';
import { previewPath } from '../../lib/preview';
import { settings } from '../../lib/settings.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    slug: { type: 'string' },
    rounds: { type: 'string', default: '200' },
  },
});
const secret = settings.PREVIEW_SECRET;
if (!secret || !values.slug) {
  console.error("bench:preview: set PREVIEW_SECRET to the server's and pass --slug <a draft>");
  process.exit(2);
}
const slug = values.slug;
const at = Math.floor(now().getTime() / 1000);
const link = (forSlug: string, expires: number, version = 1) =>
  previewPath({ slug: forSlug, expires, version }, secret);
const valid = link(slug, at + 3600);
const kinds: Record<string, string> = {
  'unknown slug': link(`${slug}-no-such-story`, at + 3600),
  tampered: valid.replace(/sig=(.)/, (_, first: string) => `sig=${first === 'a' ? 'b' : 'a'}`),
  expired: link(slug, at - 3600),
  revoked: link(slug, at + 3600, 1_000_000),
  malformed: `/preview/${slug}?exp=1&sig=zz`,
};
const times = new Map<string, number[]>(Object.keys(kinds).map((kind) => [kind, []]));
const rounds = Number(values.rounds);
for (let round = 0; round < rounds + 10; round++) {
  for (const [kind, path] of Object.entries(kinds)) {
    // Each request from its own address, so the rate limit does not answer instead.
    const headers = {
      'x-forwarded-for': `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`,
    };
    const start = performance.now();
    const response = await fetch(new URL(path, values.url), { headers });
    await response.arrayBuffer();
    const elapsed = performance.now() - start;
    if (response.status !== 404) throw new Error(`${kind}: expected 404, got ${response.status}`);
    if (round >= 10) times.get(kind)?.push(elapsed);
  }
}
const quantile = (list: number[], q: number) =>
  [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) * q)] ?? NaN;
const anchor = quantile(times.get('unknown slug') ?? [], 0.5);
console.log(`bad preview links, ${rounds} rounds each (after 10 warm-up), ${values.url}`);
for (const [kind, list] of times) {
  const median = quantile(list, 0.5);
  console.log(
    `${kind.padEnd(13)} median ${median.toFixed(2)} ms  p90 ${quantile(list, 0.9).toFixed(2)} ms  ×${(median / anchor).toFixed(2)} of unknown slug`,
  );
}
