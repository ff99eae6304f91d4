import fs from 'node:fs';
import path from 'node:path';
import {
  AUTHORS,
  IMAGES,
  SECTIONS,
  TAGS,
  TITLE_NOUNS,
  TITLE_OBJECTS,
  TITLE_VERBS,
  WORDS,
} from './corpus-vocabulary';

export interface CorpusOptions {
  articles: number;
  dir: string;
  seed?: number;
  /** Hero images (paths under public/) to draw from; see writeBenchImages. */
  images?: readonly string[];
  /**
   * `timlrx`: the same stories for the Tailwind Next.js starter blog, to compare build times
   * (docs/performance.md): `blog/` and `authors/` for its `data/`, its frontmatter, no sections
   * file, no hero images (the starter has none of ours) and links to `/blog/…`.
   */
  format?: CorpusFormat;
}

export type CorpusFormat = 'meridian' | 'timlrx';

export interface Corpus {
  dir: string;
  slugs: string[];
  words: number;
}

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

/** The same picture at several sizes and shapes, as a newsroom's photo desk hands them in. */
const BENCH_IMAGE_SIZES = [
  [640, 360],
  [1024, 576],
  [1200, 800],
  [1600, 900],
  [2048, 1365],
  [3000, 2000],
  [1080, 1080],
  [800, 1200],
] as const;

/** Writes hero images of different sizes to public/images/bench/ and returns their paths. */
export async function writeBenchImages(publicDir: string): Promise<string[]> {
  const { default: sharp } = await import('sharp');
  const dir = path.join(publicDir, 'images', 'bench');
  fs.mkdirSync(dir, { recursive: true });
  const source = path.join(publicDir, 'images', 'articles', 'how-share-previews-work.jpg');
  return Promise.all(
    BENCH_IMAGE_SIZES.map(async ([width, height]) => {
      const name = `hero-${width}x${height}.jpg`;
      const file = path.join(dir, name);
      if (!fs.existsSync(file)) {
        await sharp(source)
          .resize(width, height, { fit: 'cover' })
          .jpeg({ quality: 80 })
          .toFile(file);
      }
      return `/images/bench/${name}`;
    }),
  );
}

export function generateCorpus({
  articles,
  dir,
  seed = 42,
  images = IMAGES,
  format = 'meridian',
}: CorpusOptions): Corpus {
  const starter = format === 'timlrx';
  const articleDir = starter ? 'blog' : 'articles';
  const random = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  // Zipf-like: a few tags and sections carry most stories, as in a real archive.
  const zipf = <T>(items: readonly T[]): T =>
    items[Math.floor(items.length * random() ** 2.2)] as T;

  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, articleDir), { recursive: true });
  fs.mkdirSync(path.join(dir, 'authors'), { recursive: true });

  if (!starter)
    fs.writeFileSync(
      path.join(dir, 'sections.yaml'),
      SECTIONS.map(
        ([slug, name, description]) =>
          `- slug: ${slug}\n  name: ${yamlString(name)}\n  description: ${yamlString(description)}\n`,
      ).join(''),
    );
  for (const [slug, name, role, avatar] of AUTHORS) {
    const lines = ['---', `name: ${yamlString(name)}`];
    lines.push(starter ? `occupation: ${yamlString(role)}` : `role: ${yamlString(role)}`);
    if (avatar && !starter) lines.push(`avatar: ${avatar}`);
    lines.push('---', '', `${name} writes for The Meridian.`, '');
    fs.writeFileSync(path.join(dir, 'authors', `${slug}.mdx`), lines.join('\n'));
  }

  const sentence = () => {
    const length = int(10, 24);
    const words: string[] = [];
    for (let i = 0; i < length; i++) words.push(pick(WORDS));
    const text = words.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  };
  const paragraph = (sentences: number) => Array.from({ length: sentences }, sentence).join(' ');

  const slugs = Array.from({ length: articles }, (_, i) => {
    const noun = TITLE_NOUNS[i % TITLE_NOUNS.length] ?? 'story';
    return `${noun.replace(/ /g, '-')}-${String(i + 1).padStart(5, '0')}`;
  });
  const newest = Date.UTC(2026, 9, 31, 9, 0);
  let totalWords = 0;
  let time = newest;

  slugs.forEach((slug, i) => {
    // Index 0 is the newest story; one to three stories a day going back in time.
    time -= int(4, 12) * 3_600_000;
    const date = new Date(time);
    const iso = date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
    const title = `${pick(TITLE_NOUNS).replace(/^./, (c) => c.toUpperCase())} ${pick(TITLE_VERBS)} ${pick(TITLE_OBJECTS)} (${i + 1})`;
    const authorCount = random() < 0.2 ? 2 : 1;
    const authors = new Set<string>();
    while (authors.size < authorCount) authors.add(zipf(AUTHORS)[0]);
    const tags = new Set<string>();
    const tagCount = int(2, 5);
    while (tags.size < tagCount) tags.add(zipf(TAGS));
    const summary = (sentence() + ' ' + sentence()).slice(0, 190).replace(/[\s.]+\S*$/, '.');
    const front = [
      '---',
      `title: ${yamlString(title)}`,
      `summary: ${yamlString(summary)}`,
      `date: ${iso}`,
      `authors: [${[...authors].join(', ')}]`,
      // Drawn in both formats, so the random sequence and the stories stay the same.
      ...[`section: ${zipf(SECTIONS)[0]}`].filter(() => !starter),
      `tags: [${[...tags].map(yamlString).join(', ')}]`,
    ];
    const image = random() < 0.2 ? pick(images) : undefined;
    if (image && !starter) {
      front.push(
        `image: ${image}`,
        `imageAlt: ${yamlString('An illustration in soft colours for this story.')}`,
        `imageCredit: ${yamlString('Illustration: The Meridian')}`,
      );
    }
    front.push('---', '');

    const target = int(300, 1500);
    const blocks: string[] = [];
    let words = 0;
    const add = (block: string) => {
      blocks.push(block);
      words += block.split(/\s+/).length;
    };
    add(paragraph(int(2, 4)));
    while (words < target) {
      const kind = random();
      if (kind < 0.12)
        add(
          `## ${sentence()
            .slice(0, 60)
            .replace(/[ .]+\S*$/, '')}`,
        );
      else if (kind < 0.2) {
        add(Array.from({ length: int(3, 5) }, () => `- ${sentence()}`).join('\n'));
      } else if (kind < 0.25) {
        add(Array.from({ length: int(3, 4) }, (_, n) => `${n + 1}. ${sentence()}`).join('\n'));
      } else if (kind < 0.3) add(`> “${sentence()}” said ${pick(AUTHORS)[1]}.`);
      else if (kind < 0.4 && articles > 1) {
        const other = slugs[(i + int(1, 50)) % articles];
        add(`${sentence()} [Read our earlier report](/${articleDir}/${other}). ${sentence()}`);
      } else if (kind < 0.43) {
        add(
          `${sentence()} Source: [the agency](https://example.com/report/${i}). **${sentence()}**`,
        );
      } else add(paragraph(int(2, 5)));
    }
    totalWords += words;
    fs.writeFileSync(
      path.join(dir, articleDir, `${slug}.mdx`),
      front.join('\n') + blocks.join('\n\n') + '\n',
    );
  });
  return { dir, slugs, words: totalWords };
}

function isFormat(value: string): value is CorpusFormat {
  return value === 'meridian' || value === 'timlrx';
}

const isMain =
  process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const argv = process.argv.slice(2);
  const value = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const count = Number(value('--articles') ?? 1000);
  const out = value('--out');
  const format = value('--format') ?? 'meridian';
  if (!out || !Number.isInteger(count) || count < 1 || !isFormat(format)) {
    console.error(
      'usage: tsx scripts/bench/generate-corpus.ts --out <dir> [--articles 1000] [--format meridian|timlrx]',
    );
    process.exit(2);
  }
  // The stories' hero images must exist for the content check (public/images/bench/, not committed).
  const images =
    format === 'meridian'
      ? await writeBenchImages(path.resolve(import.meta.dirname, '..', '..', 'public'))
      : undefined;
  const corpus = generateCorpus({ articles: count, dir: path.resolve(out), format, images });
  console.log(`wrote ${corpus.slugs.length} articles (${corpus.words} words) to ${corpus.dir}`);
}
