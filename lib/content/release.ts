import fs from 'node:fs';
import path from 'node:path';
import { now } from '@/lib/clock';
import { contentDir, settings } from '@/lib/settings.js';
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
}

/** The release a content path shows: the name of the folder it resolves to (`releases/<commit>`). */
export function releaseId(): string {
  try {
    return path.basename(fs.realpathSync(contentDir));
  } catch {
    return path.basename(contentDir);
  }
}

export function loadRelease(): Release {
  const id = releaseId();
  const loaded = loadContent({
    contentDir,
    publicDir: path.join(process.cwd(), 'public'),
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
    id,
    articles: loaded.articles,
    sections: loaded.sections,
    authors: loaded.authors,
  };
}

/** The release's stories as they stand at `at` (embargoes lifted, live coverage ended). */
export function visibleAt(release: Release, at: Date): Article[] {
  return release.articles
    .map((article) => articleAt(article, at))
    .filter((article) => showUnpublished || article.status === 'published');
}
