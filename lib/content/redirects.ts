import type { ContentIssue } from './issues';
import type { Article } from './types';

/** An old slug may not be a live story's, nor be claimed by two stories. */
export function checkRedirects(articles: Article[], issues: ContentIssue[]) {
  const live = new Set(articles.map((article) => article.slug));
  const claimed = new Map<string, string>();
  for (const article of articles) {
    for (const old of article.redirectFrom) {
      if (live.has(old)) {
        issues.push({
          file: article.file,
          line: 1,
          column: 1,
          severity: 'error',
          message: `"redirectFrom" lists "${old}", which is the slug of a live article; remove it or rename that article`,
        });
      }
      const other = claimed.get(old);
      if (other) {
        issues.push({
          file: article.file,
          line: 1,
          column: 1,
          severity: 'error',
          message: `"redirectFrom" lists "${old}", which ${other} already redirects`,
        });
      }
      claimed.set(old, article.file);
    }
  }
}

/** Each old slug (`redirectFrom`) to the slug of the story it now points to. */
export function redirectMap(articles: Article[]): Map<string, string> {
  const redirects = new Map<string, string>();
  for (const article of articles) {
    for (const old of article.redirectFrom) redirects.set(old, article.slug);
  }
  return redirects;
}
