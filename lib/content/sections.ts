import fs from 'node:fs';
import path from 'node:path';
import { type Collected, relativeName } from './collection';
import { type ContentIssue, schemaIssues } from './issues';
import { sectionsFileSchema } from './schema';
import { decodeUtf8, parseYaml } from './source';
import type { LoadOptions, SectionEntry } from './types';

export const SECTIONS_FILE = 'sections.yaml';

export function loadSections(
  options: LoadOptions,
  issues: ContentIssue[],
  collected: Collected,
): SectionEntry[] {
  const absolute = path.join(options.contentDir, SECTIONS_FILE);
  const file = relativeName(options, absolute);
  if (!fs.existsSync(absolute)) {
    issues.push({
      file,
      line: 1,
      column: 1,
      severity: 'error',
      message: 'the sections file is missing: declare the sections (slug, name, description) here',
    });
    return [];
  }
  collected.files++;
  const decoded = decodeUtf8(fs.readFileSync(absolute));
  if ('error' in decoded) {
    issues.push({ file, line: 1, column: 1, severity: 'error', message: `the file ${decoded.error}` });
    return [];
  }
  const parsed = parseYaml(decoded.text.replace(/^\uFEFF/, ''));
  if (parsed.problems.length) {
    issues.push(...parsed.problems.map((p) => ({ file, ...p, severity: 'error' as const })));
    return [];
  }
  const result = sectionsFileSchema.safeParse(parsed.data);
  if (!result.success) {
    issues.push(
      ...schemaIssues(result.error, {
        ...parsed,
        file,
        allowedFields: ['slug', 'name', 'description'],
      }),
    );
    return [];
  }
  const sections: SectionEntry[] = [];
  const seen = new Set<string>();
  result.data.forEach((section, index) => {
    if (seen.has(section.slug)) {
      issues.push({
        file,
        ...parsed.locate([index, 'slug']),
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
