import path from 'node:path';
import { buildTime } from './clock';
import { judgeBody } from '@/lib/content/body';
import { loadContent } from '@/lib/content/load';
import { defaultLocale } from '@/lib/site';
import { test } from './fixtures';

const root = path.resolve(import.meta.dirname, '..');

let loaded: ReturnType<typeof load> | undefined;

function load() {
  const content = loadContent({
    judge: judgeBody,
    contentDir: path.join(root, '.e2e-content'),
    publicDir: path.join(root, 'public'),
    now: buildTime,
    // As in the e2e build (playwright.config.ts): the hostile fixtures render inert.
    refusedBodies: 'warning',
  });
  // The default language's stories: each other language's are its own site (translations.spec.ts).
  const articles = content.articles.filter(
    (article) => article.status === 'published' && article.locale === defaultLocale,
  );
  const tags = new Map(articles.flatMap((article) => article.tags.map((tag) => [tag.slug, tag])));
  return { ...content, articles, tags: [...tags.values()] };
}

/**
 * The content the e2e build published (content/ + e2e fixtures, drafts and embargoed stories
 * left out), newest first, read with the same content loader the build used: the built site has
 * no listing of every story. Loaded once per worker.
 */
export function publishedContent() {
  loaded ??= load();
  return loaded;
}

export interface PublishedStory {
  url: string;
  title: string;
  date: string;
  section: string;
  authors: string[];
}

/** In a test: the first call in a worker loads every body, seconds on a busy machine. */
export function publishedStories(): PublishedStory[] {
  if (!loaded) test.slow();
  return publishedContent().articles.map((article) => ({
    url: article.url,
    title: article.title,
    date: article.date,
    section: article.section.name,
    authors: article.authors.map((author) => author.name),
  }));
}

/**
 * The card path of each story, whatever its status: where the card of a story that is not
 * published would be, were it drawn. Read with the content module as the e2e build has it.
 */
export async function cardPathsOf(slugs: string[]): Promise<string[]> {
  test.slow();
  const { getArticleAnyStatus } = await import('@/lib/content');
  const { articleCard, cardPath } = await import('@/lib/og/cards');
  return slugs.map((slug) => {
    const article = getArticleAnyStatus(slug);
    if (!article) throw new Error(`there is no story ${slug} in .e2e-content`);
    return cardPath(articleCard(article));
  });
}
