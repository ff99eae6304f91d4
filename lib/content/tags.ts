import fs from 'node:fs';
import path from 'node:path';
import type { Collected } from './collection';
import type { ContentIssue } from './issues';
import { type LocalizedNames, tagsFileSchema } from './schema';
import type { LoadOptions } from './types';
import { declaredOnce, readYamlFile } from './yaml-file';

export const TAGS_FILE = 'tags.yaml';

/** A tag's name in each language, as tags.yaml declares it. */
export interface TagNames {
  name: string;
  names: LocalizedNames;
}

/**
 * The optional tags.yaml: tag slugs with their name per language (`name: { en: …, ko: … }`).
 * A tag it does not list is named as the stories write it.
 */
export function loadTagNames(
  options: LoadOptions,
  issues: ContentIssue[],
  collected: Collected,
): Map<string, TagNames> {
  if (!fs.existsSync(path.join(options.contentDir, TAGS_FILE))) return new Map();
  const read = readYamlFile(options, TAGS_FILE, tagsFileSchema, ['slug', 'name'], issues, collected);
  if (!read) return new Map();
  return new Map(
    declaredOnce(read, 'tag', issues).map((tag) => [tag.slug, { name: tag.name, names: tag.names }]),
  );
}
