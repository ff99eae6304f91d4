import os from 'node:os';
import path from 'node:path';
import { now } from '@/lib/clock';
import { checkContent } from '@/lib/content/check';

export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface CheckVerdict {
  problems: Problem[];
  /** Bodies parsed by this check, and bodies whose verdict came from the shared cache. */
  parsed: number;
  fromCache: number;
}

/**
 * Runs the content check (the rules of `npm run content:check`, the build and the server) on a
 * release folder, in this process: the parser stays loaded between releases and the verdict
 * cache is keyed by each body's text, so an incoming commit costs a read of the frontmatter and
 * a parse of only the bodies it changed. An empty list of problems means it may be published.
 */
export async function checkRelease(
  releaseDir: string,
  options: { root: string; contentPath: string; cacheFile: string },
): Promise<CheckVerdict> {
  try {
    const result = await checkContent({
      contentDir: releaseDir,
      publicDir: path.join(options.root, 'public'),
      now: now(),
      cacheFile: options.cacheFile,
      workers: os.availableParallelism(),
    });
    // The check names files from the release folder's parent; editors know them by their path in
    // the repository.
    const release = `${path.basename(releaseDir)}/`;
    const problems = result.issues
      .filter((issue) => issue.severity === 'error')
      .map(({ file, line, column, message }) => ({
        file: file.startsWith(release)
          ? path.posix.join(options.contentPath, file.slice(release.length))
          : file,
        line,
        column,
        message,
      }));
    return { problems, parsed: result.parsed, fromCache: result.fromCache };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return {
      problems: [{ file: '(content check)', line: 0, column: 0, message: message.slice(0, 2000) }],
      parsed: 0,
      fromCache: 0,
    };
  }
}
