import { type Collected, collectBody, readCollection } from './collection';
import type { ContentIssue } from './issues';
import { locator, parsedAuthor } from './parsed';
import { checkImage } from './references';
import type { Author, LoadOptions } from './types';

export function loadAuthors(
  options: LoadOptions,
  issues: ContentIssue[],
  collected: Collected,
): Author[] {
  const authors: Author[] = [];
  for (const entry of readCollection(options, 'authors', 'an author', issues, collected)) {
    const parsed = parsedAuthor(entry.file, collected);
    if (parsed.body) collectBody(collected, entry, parsed.body);
    issues.push(...parsed.problems.map((p) => ({ file: entry.relative, ...p })));
    const { body, data } = parsed;
    if (!body || !data) continue;
    const at = locator(parsed.positions)(['avatar']);
    checkImage(options, data.avatar, at, 'avatar', entry.relative, issues);
    authors.push({
      ...data,
      slug: entry.slug,
      url: `/authors/${entry.slug}`,
      bio: parsed.bodyText.trim(),
      body: parsed.bodyText,
      bodyLine: body.line,
    });
  }
  return authors;
}
