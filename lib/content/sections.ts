import fs from 'node:fs';
import path from 'node:path';
import { type Collected, relativeName } from './collection';
import type { ContentIssue } from './issues';
import { sectionsFileSchema } from './schema';
import type { LoadOptions, SectionEntry } from './types';
import { declaredOnce, readYamlFile } from './yaml-file';

export const SECTIONS_FILE = 'sections.yaml';

export function loadSections(
  options: LoadOptions,
  issues: ContentIssue[],
  collected: Collected,
): SectionEntry[] {
  const absolute = path.join(options.contentDir, SECTIONS_FILE);
  if (!fs.existsSync(absolute)) {
    issues.push({
      file: relativeName(options, absolute),
      line: 1,
      column: 1,
      severity: 'error',
      message: 'the sections file is missing: declare the sections (slug, name, description) here',
    });
    return [];
  }
  const read = readYamlFile(options, SECTIONS_FILE, sectionsFileSchema, ['slug', 'name', 'description'], issues, collected);
  if (!read) return [];
  return declaredOnce(read, 'section', issues).map((section) => ({
    ...section,
    url: `/sections/${section.slug}`,
  }));
}
