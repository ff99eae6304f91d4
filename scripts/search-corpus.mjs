// Writes a content folder with the sample content plus N generated articles, for measuring
// search and feeds at scale: node scripts/search-corpus.mjs /tmp/corpus-4 1000
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const [target, countArg = '1000'] = process.argv.slice(2);
if (!target) {
  console.error('usage: node scripts/search-corpus.mjs <folder outside the repo> [count]');
  process.exit(1);
}
const count = Number(countArg);
const out = path.resolve(target);
if (out.startsWith(root + path.sep)) {
  console.error('write the corpus outside the repository');
  process.exit(1);
}

fs.rmSync(out, { recursive: true, force: true });
fs.cpSync(path.join(root, 'content'), out, { recursive: true });

const sections = [
  ...fs.readFileSync(path.join(out, 'sections.yaml'), 'utf8').matchAll(/slug: (\S+)/g),
].map((m) => m[1]);
const authors = fs.readdirSync(path.join(out, 'authors')).map((file) => file.replace(/\.mdx$/, ''));
const words = fs.readdirSync(path.join(out, 'articles')).flatMap(
  (file) =>
    fs
      .readFileSync(path.join(out, 'articles', file), 'utf8')
      .split('---')
      .slice(2)
      .join(' ')
      .match(/\p{L}{3,}/gu) ?? [],
);
const tags = [
  'economy',
  'elections',
  'climate',
  'health',
  'energy',
  'diplomacy',
  'courts',
  'science',
  'sport',
  'culture',
  'trade',
  'security',
];

let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = (list) => list[Math.floor(random() * list.length)];
const sentence = (n) => {
  const text = Array.from({ length: n }, () => pick(words)).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
};
const paragraph = () =>
  Array.from({ length: 4 + Math.floor(random() * 4) }, () =>
    sentence(10 + Math.floor(random() * 14)),
  ).join(' ');

const start = Date.parse('2023-01-01T00:00:00Z');
const span = Date.parse('2026-11-01T00:00:00Z') - start;
for (let i = 1; i <= count; i++) {
  const date = new Date(start + Math.floor(random() * span))
    .toISOString()
    .replace(/\.\d{3}Z$/, '+00:00');
  const body = Array.from({ length: 6 + Math.floor(random() * 6) }, paragraph).join('\n\n');
  const front = [
    '---',
    `title: ${JSON.stringify(sentence(8).slice(0, -1))}`,
    `summary: ${JSON.stringify(sentence(20))}`,
    `date: ${date}`,
    `authors: [${pick(authors)}]`,
    `section: ${pick(sections)}`,
    `tags: [${pick(tags)}, ${pick(tags)}]`,
    '---',
  ].join('\n');
  fs.writeFileSync(path.join(out, 'articles', `generated-story-${i}.mdx`), `${front}\n\n${body}\n`);
}
console.log(`${count} generated articles + the sample content -> ${out}`);
