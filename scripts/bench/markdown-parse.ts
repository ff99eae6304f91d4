// Prints what parsing a body costs with the plugins of lib/content/markdown/ (autolinks, comments,
// GitHub alerts, and GFM offering only the literal autolinks a body could hold) against the MDX
// parser with remark-gfm as published: the median time of one pass over the published articles'
// bodies, measured in alternating rounds of the same run.
import fs from 'node:fs';
import path from 'node:path';
import remarkGfmLibrary from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkGithubAlerts } from '../../lib/content/markdown/alerts';
import { remarkAutolinks } from '../../lib/content/markdown/autolinks';
import { remarkGfm } from '../../lib/content/markdown/gfm';
import { splitFrontmatter } from '../../lib/content/source';

const rounds = Number(process.argv[2] ?? 30);
const dir = path.resolve(import.meta.dirname, '..', '..', 'content', 'articles');
const bodies = fs.readdirSync(dir).flatMap((name) => {
  const split = splitFrontmatter(fs.readFileSync(path.join(dir, name), 'utf8'));
  return typeof split === 'string' ? [] : [split.body];
});

const plain = unified().use(remarkParse).use(remarkMdx).use(remarkGfmLibrary);
const markdown = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkAutolinks)
  .use(remarkGfm)
  .use(remarkGithubAlerts);

function pass(parse: (body: string) => unknown): number {
  const start = performance.now();
  for (const body of bodies) parse(body);
  return performance.now() - start;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const times = { plain: [] as number[], markdown: [] as number[] };
for (let round = 0; round < rounds + 3; round++) {
  const a = pass((body) => plain.parse(body));
  const b = pass((body) => markdown.runSync(markdown.parse(body)));
  // The first rounds warm the JIT.
  if (round < 3) continue;
  times.plain.push(a);
  times.markdown.push(b);
}
const bytes = bodies.reduce((sum, body) => sum + body.length, 0);
console.log(`${bodies.length} bodies, ${bytes} characters, ${rounds} rounds`);
console.log(`MDX with remark-gfm:       median ${median(times.plain).toFixed(1)} ms a pass`);
console.log(`with lib/content/markdown: median ${median(times.markdown).toFixed(1)} ms a pass`);
console.log(`ratio: ${(median(times.markdown) / median(times.plain)).toFixed(3)}`);
