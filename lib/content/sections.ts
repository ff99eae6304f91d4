import fs from 'node:fs';
import path from 'node:path';
import { type Collected, relativeName } from './collection';
import type { ContentIssue } from './issues';
import { sectionsFileSchema } from './schema';
import type { LoadOptions, SectionEntry } from './types';
import { readYamlFile } from './yaml-file';

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
  const sections: SectionEntry[] = [];
  const seen = new Set<string>();
  read.data.forEach((section, index) => {
    if (seen.has(section.slug)) {
      issues.push({
        file: read.file,
        ...read.locate([index, 'slug']),
        severity: 'error',
        message: `section "${section.slug}" is declared twice`,
      });
      return;
    }
    seen.add(section.slug);
    sections.push({ ...section, url: `/sections/${section.slug}` });
  });
  return sections;
}
