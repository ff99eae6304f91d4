import fs from 'node:fs';
import path from 'node:path';
import { now } from '@/lib/clock';
import { contentDir, publicDir, settings } from '@/lib/settings.js';
import { judgeBody } from './body';
import { showUnpublished } from './dev-watch';
import { ContentError } from './issues';
import { loadContent } from './load';
import { articleAt } from './timing';
import type { Article, Author, SectionEntry } from './types';
import { verdictCacheFile } from './verdicts';

/** Everything read from one release of the content folder, drafts and scheduled stories too. */
export interface Release {
  id: string;
  articles: Article[];
  sections: SectionEntry[];
  authors: Author[];
  /** Story and author files in it, those read and those parsed when it loaded (see load.ts). */
  files: { total: number; read: number; parsed: number };
}

/** The folder the content path resolves to now (`releases/<commit>` behind the publisher's link). */
function releaseFolder(): string {
  try {
    return fs.realpathSync(contentDir);
  } catch {
    return contentDir;
  }
}

/** The release a content path shows: the name of the folder it resolves to. */
export function releaseId(): string {
  return path.basename(releaseFolder());
}

/**
 * Loads the release the content path points to, read from its own folder: a link swapped during
 * the load does not mix two releases, and each story's body is read from the release it is in.
 */
export function loadRelease(): Release {
  const folder = releaseFolder();
  const loaded = loadContent({
    contentDir: folder,
    publicDir,
    now: now(),
    judge: judgeBody,
    cacheFile: verdictCacheFile(contentDir),
    refusedBodies: settings.UNSAFE_RENDER_REFUSED_BODIES ? 'warning' : 'error',
  });
  if (settings.UNSAFE_RENDER_REFUSED_BODIES) {
    const lowered = loaded.issues.filter((issue) => issue.severity === 'warning').length;
    console.warn(
      `UNSAFE_RENDER_REFUSED_BODIES=1 (end-to-end tests only): ${lowered} warnings, refused bodies among them, are rendered inert instead of stopping the build`,
    );
  }
  if (loaded.issues.some((issue) => issue.severity === 'error')) {
    throw new ContentError(loaded.issues);
  }
  return {
    id: path.basename(folder),
    articles: loaded.articles,
    sections: loaded.sections,
    authors: loaded.authors,
    files: { total: loaded.files, read: loaded.read, parsed: loaded.parsed },
  };
}

/** The release's stories as they stand at `at` (embargoes lifted, live coverage ended). */
export function visibleAt(release: Release, at: Date): Article[] {
  return release.articles
    .map((article) => articleAt(article, at))
    .filter((article) => showUnpublished || article.status === 'published');
}
