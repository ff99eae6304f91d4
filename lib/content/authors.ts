import { type Collected, collectBody, readCollection } from './collection';
import { type ContentIssue, schemaIssues } from './issues';
import { checkImage } from './references';
import { AUTHOR_FIELDS, authorFrontmatterSchema } from './schema';
import { parseFrontmatterFile } from './source';
import type { Author, LoadOptions } from './types';
import { bodyKey } from './verdicts';

export function loadAuthors(
  options: LoadOptions,
  issues: ContentIssue[],
  collected: Collected,
): Author[] {
  const authors: Author[] = [];
  for (const entry of readCollection(options, 'authors', 'an author', issues, collected)) {
    const source = parseFrontmatterFile(entry.text);
    if (source.problems.length) {
      issues.push(
        ...source.problems.map((p) => ({ file: entry.relative, ...p, severity: 'error' as const })),
      );
      continue;
    }
    collectBody(
      collected,
      entry.relative,
      source.body,
      source.bodyLine,
      bodyKey(source.body, source.bodyLine),
    );
    const result = authorFrontmatterSchema.safeParse(source.data);
    if (!result.success) {
      issues.push(
        ...schemaIssues(result.error, {
          ...source,
          file: entry.relative,
          allowedFields: AUTHOR_FIELDS,
        }),
      );
      continue;
    }
    checkImage(options, result.data.avatar, source.locate(['avatar']), 'avatar', entry.relative, issues);
    authors.push({
      ...result.data,
      slug: entry.slug,
      url: `/authors/${entry.slug}`,
      bio: source.body.trim(),
      body: source.body,
      bodyLine: source.bodyLine,
    });
  }
  return authors;
}
