import { type Article, getArticles } from '@/lib/content';
import { bodyText } from '@/lib/content/body';
import type { SearchIndexFile } from './types';

export function searchIndex(articles: Article[] = getArticles()): SearchIndexFile {
  return {
    documents: articles.map((article, id) => ({
      id,
      url: article.url,
      title: article.title,
      summary: article.summary,
      section: article.section.name,
      date: article.date,
      authors: article.authors.map((author) => author.name).join(', '),
      tags: article.tags.map((tag) => tag.name).join(', '),
      body: bodyText(article),
    })),
  };
}

export function searchIndexResponse(): Response {
  return new Response(JSON.stringify(searchIndex()), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
