import fs from 'node:fs';
import path from 'node:path';

export interface CorpusOptions {
  articles: number;
  dir: string;
  seed?: number;
  /** Hero images (paths under public/) to draw from; see writeBenchImages. */
  images?: readonly string[];
}

export interface Corpus {
  dir: string;
  slugs: string[];
  words: number;
}

const SECTIONS = [
  ['world', 'World', 'International news and analysis from our reporters.'],
  ['opinion', 'Opinion', 'Columns, editorials and letters.'],
  ['sport', 'Sport', 'Results, transfers and the business of games.'],
  ['politics', 'Politics', 'Parliaments, parties and the people who run them.'],
  ['business', 'Business', 'Markets, companies and the economy.'],
  ['science', 'Science', 'Research, health and the environment.'],
  ['technology', 'Technology', 'How software and hardware change the way we live.'],
  ['culture', 'Culture', 'Books, film, music and the arts.'],
] as const;

const AUTHORS = [
  ['bryan-ke', 'Bryan Ke', 'Reporter', '/images/authors/bryan-ke.jpg'],
  ['mina-seo', 'Mina Seo', 'Standards editor', '/images/authors/mina-seo.jpg'],
  ['ada-okafor', 'Ada Okafor', 'Managing editor', '/images/authors/ada-okafor.jpg'],
  [
    'tomas-lindqvist',
    'Tomas Lindqvist',
    'Technology editor',
    '/images/authors/tomas-lindqvist.jpg',
  ],
  ['lena-fischer', 'Lena Fischer', 'Europe correspondent', undefined],
  ['rahul-iyer', 'Rahul Iyer', 'Business reporter', undefined],
  ['sofia-marquez', 'Sofia Márquez', 'Science writer', undefined],
  ['kenji-watanabe', 'Kenji Watanabe', 'Culture critic', undefined],
  ...[
    'Amara Diallo',
    'Björn Sandberg',
    'Chiara Rossi',
    'Dmitri Volkov',
    'Elif Şahin',
    'Fatima Zahra',
    'Gustavo Pereira',
    'Hana Novak',
    'Ibrahim Haddad',
    'Jana Dvořák',
    'Kwame Mensah',
    'Li Wei',
    'Maya Goldberg',
    'Nadia Rahman',
    'Oscar Nilsson',
    'Priya Nair',
    'Quentin Moreau',
    'Rosa Jiménez',
    'Sven Olsen',
    'Thandiwe Dube',
    'Uma Krishnan',
    'Viktor Horváth',
  ].map((name) => [slugOf(name), name, 'Correspondent', undefined] as const),
] as const;

function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[^a-zA-Z ]/g, '')
    .toLowerCase()
    .replace(/ +/g, '-');
}

const TAGS = [
  'Ukraine',
  'Russia',
  'North Korea',
  'China',
  'European Union',
  'United States',
  'Elections',
  'Climate',
  'Energy',
  'Inflation',
  'Trade',
  'Central banks',
  'Startups',
  'Artificial intelligence',
  'Privacy',
  'Open source',
  'Space',
  'Health',
  'Vaccines',
  'Oceans',
  'Film',
  'Books',
  'Music',
  'Architecture',
  'Migration',
  'Diplomacy',
  'Defence',
  'Courts',
  'Labour',
  'Housing',
  'Transport',
  'Agriculture',
  'Water',
  'Cities',
  'Education',
  'Media',
  'Sport',
  'Football',
  'Olympics',
  'Seoul',
  'Berlin',
  'Lagos',
  'São Paulo',
  'Mumbai',
  'Tokyo',
  'Nairobi',
  'Jakarta',
  'Mexico City',
  'Cairo',
  'Semiconductors',
  'Batteries',
  'Shipping',
  'Wildfires',
  'Drought',
  'Biodiversity',
  'Museums',
  'Theatre',
  'Podcasts',
  'Cybersecurity',
  'Taxes',
  'Pensions',
  'Banking',
  'Crypto',
  'Oil',
  'Gas',
  'Nuclear power',
  'Solar',
  'Wind',
  'Electric cars',
  'Aviation',
  'Tourism',
  'Retail',
  'Mining',
  'Fisheries',
  'Forests',
  'Arctic',
  'Antarctica',
  'Pandemics',
  'Mental health',
  'Ageing',
  'Childcare',
  'Universities',
  'Science policy',
  'Physics',
  'Genetics',
  'Astronomy',
  'Robotics',
  'Social media',
  'Telecoms',
  'Video games',
  'Fashion',
  'Food',
  'Photography',
  'Opera',
  'Dance',
  'Poetry',
  'Human rights',
  'Protests',
  'Corruption',
  'Prisons',
];

const IMAGES = [
  '/images/articles/ethics-and-sourcing.jpg',
  '/images/articles/formatting-and-markdown.jpg',
  '/images/articles/how-share-previews-work.jpg',
  '/images/articles/how-to-write-an-article.jpg',
  '/images/articles/images-and-credits.jpg',
  '/images/articles/welcome-to-the-meridian.jpg',
  '/images/articles/why-we-publish-from-git.jpg',
];

const WORDS = (
  'the government said on monday that it would review the decision after weeks of pressure from ' +
  'officials analysts residents and business groups who warned that the plan could raise costs ' +
  'for households across the region while ministers insisted the measures were necessary to ' +
  'protect supplies and keep prices stable through the winter according to documents seen by ' +
  'reporters the proposal includes new rules for companies investment in infrastructure and a ' +
  'fund for families affected by the changes critics argued the timetable was too short and ' +
  'that parliament had not been consulted while supporters pointed to data showing growth in ' +
  'exports employment and wages over the past year the report also found that demand for ' +
  'housing transport and energy had risen faster than expected in several cities prompting ' +
  'calls for a broader strategy researchers at the university estimated the total cost at ' +
  'several billion over a decade though they cautioned that the figures depended on assumptions ' +
  'about interest rates and the pace of construction'
).split(' ');

const TITLE_NOUNS = [
  'budget',
  'ceasefire',
  'election',
  'strike',
  'merger',
  'drought',
  'vaccine',
  'satellite',
  'festival',
  'court ruling',
  'trade deal',
  'heatwave',
  'reactor',
  'port',
  'bridge',
  'referendum',
  'summit',
  'chip plant',
  'museum',
  'rail line',
];
const TITLE_VERBS = [
  'divides',
  'reshapes',
  'stalls',
  'tests',
  'lifts',
  'worries',
  'surprises',
  'unsettles',
  'strengthens',
  'splits',
];
const TITLE_OBJECTS = [
  'coastal towns',
  'the ruling coalition',
  'small businesses',
  'farmers',
  'commuters',
  'investors',
  'regional leaders',
  'young voters',
  'hospitals',
  'exporters',
];

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
}: CorpusOptions): Corpus {
  const random = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  // Zipf-like: a few tags and sections carry most stories, as in a real archive.
  const zipf = <T>(items: readonly T[]): T =>
    items[Math.floor(items.length * random() ** 2.2)] as T;

  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'articles'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'authors'), { recursive: true });

  fs.writeFileSync(
    path.join(dir, 'sections.yaml'),
    SECTIONS.map(
      ([slug, name, description]) =>
        `- slug: ${slug}\n  name: ${yamlString(name)}\n  description: ${yamlString(description)}\n`,
    ).join(''),
  );
  for (const [slug, name, role, avatar] of AUTHORS) {
    const lines = ['---', `name: ${yamlString(name)}`, `role: ${yamlString(role)}`];
    if (avatar) lines.push(`avatar: ${avatar}`);
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
      `section: ${zipf(SECTIONS)[0]}`,
      `tags: [${[...tags].map(yamlString).join(', ')}]`,
    ];
    if (random() < 0.2) {
      front.push(
        `image: ${pick(images)}`,
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
        add(`${sentence()} [Read our earlier report](/articles/${other}). ${sentence()}`);
      } else if (kind < 0.43) {
        add(
          `${sentence()} Source: [the agency](https://example.com/report/${i}). **${sentence()}**`,
        );
      } else add(paragraph(int(2, 5)));
    }
    totalWords += words;
    fs.writeFileSync(
      path.join(dir, 'articles', `${slug}.mdx`),
      front.join('\n') + blocks.join('\n\n') + '\n',
    );
  });
  return { dir, slugs, words: totalWords };
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
  if (!out || !Number.isInteger(count) || count < 1) {
    console.error('usage: tsx scripts/bench/generate-corpus.ts --out <dir> [--articles 1000]');
    process.exit(2);
  }
  const corpus = generateCorpus({ articles: count, dir: path.resolve(out) });
  console.log(`wrote ${corpus.slugs.length} articles (${corpus.words} words) to ${corpus.dir}`);
}
