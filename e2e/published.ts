import path from 'node:path';
import { test } from './fixtures';

export interface PublishedStory {
  url: string;
  title: string;
  date: string;
  section: string;
  authors: string[];
}

/**
 * The stories the e2e build publishes, newest first, read from the same content folder with the
 * same content module the build used (the built site has no listing of every story).
 */
export async function publishedStories(): Promise<PublishedStory[]> {
  // The first call in a worker loads the content module and every body: seconds, or more when
  // the machine is busy building.
  test.slow();
  process.env.CONTENT_DIR = path.resolve(import.meta.dirname, '..', '.e2e-content');
  // As in the e2e build (playwright.config.ts): the hostile fixtures render inert.
  process.env.UNSAFE_RENDER_REFUSED_BODIES = '1';
  const { getArticles } = await import('@/lib/content');
  return getArticles().map((article) => ({
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
  process.env.CONTENT_DIR = path.resolve(import.meta.dirname, '..', '.e2e-content');
  process.env.UNSAFE_RENDER_REFUSED_BODIES = '1';
  const { getArticleAnyStatus } = await import('@/lib/content');
  const { articleCard, cardPath } = await import('@/lib/og/cards');
  return slugs.map((slug) => {
    const article = getArticleAnyStatus(slug);
    if (!article) throw new Error(`there is no story ${slug} in .e2e-content`);
    return cardPath(articleCard(article));
  });
}
