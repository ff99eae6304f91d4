import path from 'node:path';
import './clock';
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
