import { defaultLocale, type Locale, localePath } from '../site';
import fs from 'node:fs';
import path from 'node:path';
import { site } from '../site';
import type { ContentIssue } from './issues';
import type { ArticleFrontmatter } from './schema';
import { SECTIONS_FILE } from './sections';
import { slugify } from './slug';
import type { TagNames } from './tags';
import type { Position } from './source';
import type { Author, LoadOptions, SectionEntry, Tag } from './types';

type FileIssue = (at: Position, message: string) => void;

/** What an image field names must exist: a file under public/ or a listed remote host. */
export function checkImage(
  options: LoadOptions,
  image: string | undefined,
  at: Position,
  field: string,
  file: string,
  issues: ContentIssue[],
) {
  if (!image) return;
  if (/^https:\/\//i.test(image)) {
    const host = URL.canParse(image) ? new URL(image).hostname : '';
    if (!site.remoteImageHosts.includes(host)) {
      issues.push({
        file,
        ...at,
        severity: 'error',
        message: `"${field}" is on ${host || 'an unreadable host'}, which is not in remoteImageHosts in lib/image-hosts.js; add the host there (the image optimiser fetches only from listed hosts) or copy the image under public/`,
      });
    }
    return;
  }
  if (!image.startsWith('/')) return;
  const onDisk = path.join(options.publicDir, decodeURI(image));
  if (!onDisk.startsWith(options.publicDir) || !fs.existsSync(onDisk)) {
    issues.push({
      file,
      ...at,
      severity: 'error',
      message: `"${field}" points to ${image}, but there is no file public${image}`,
    });
  }
}

export interface References {
  authors: Map<string, Author>;
  sections: Map<string, SectionEntry>;
  /** False when the sections file could not be read: its own issue says why, so none per story. */
  sectionsKnown: boolean;
  /** The language of the stories resolved: their tag pages are that language's. */
  locale?: Locale;
  /** Tag names per language from content/tags.yaml, by slug. */
  tagNames?: ReadonlyMap<string, TagNames>;
}

export interface Resolved {
  authors: Author[];
  section?: SectionEntry;
  tags: Tag[];
  /** False when an author or tag could not be resolved (each has its issue). */
  valid: boolean;
}

/** Resolves a story's author slugs, section and tag names, reporting each it cannot. */
export function resolveReferences(
  data: Pick<ArticleFrontmatter, 'authors' | 'section' | 'tags'>,
  known: References,
  locate: (path: readonly PropertyKey[]) => Position,
  fileIssue: FileIssue,
): Resolved {
  let valid = true;
  const authors: Author[] = [];
  data.authors.forEach((slug, index) => {
    const author = known.authors.get(slug);
    if (author) authors.push(author);
    else {
      valid = false;
      fileIssue(
        locate(['authors', index]),
        `"authors" names "${slug}", but there is no author file content/authors/${slug}.mdx (known authors: ${[...known.authors.keys()].join(', ') || 'none'})`,
      );
    }
  });
  const section = known.sections.get(data.section);
  if (!section && known.sectionsKnown) {
    fileIssue(
      locate(['section']),
      `"section" is "${data.section}", which is not declared in content/${SECTIONS_FILE} (sections: ${[...known.sections.keys()].join(', ')})`,
    );
  }
  const tags = new Map<string, Tag>();
  data.tags.forEach((name, index) => {
    const slug = slugify(name);
    if (!slug) {
      valid = false;
      fileIssue(
        locate(['tags', index]),
        `tag "${name}" has no letters or digits, so it cannot have a page`,
      );
    } else if (!tags.has(slug)) {
      const url = localePath(known.locale ?? defaultLocale, `/tags/${encodeURIComponent(slug)}`);
      tags.set(slug, { name, ...known.tagNames?.get(slug), slug, url });
    }
  });
  return { authors, section, tags: [...tags.values()], valid };
}
