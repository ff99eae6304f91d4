import { spawn } from 'node:child_process';
import path from 'node:path';

export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

const ISSUE = /^(.+?):(\d+):(\d+) {2}error {2}(.*)$/;

/** The errors in a `content:check` report, each with its file, line and column. */
export function parseProblems(report: string): Problem[] {
  return report.split('\n').flatMap((line) => {
    const match = ISSUE.exec(line);
    if (!match) return [];
    const [, file = '', row = '0', column = '0', message = ''] = match;
    return [{ file, line: Number(row), column: Number(column), message }];
  });
}

/**
 * Runs the project's content check (`npm run content:check`, the same rules the build and the
 * server apply) on a release folder, in a child process so a crash cannot take the publisher
 * down. Resolves with the errors; an empty list means the release may be published.
 */
export async function checkRelease(
  releaseDir: string,
  options: { root: string; contentPath: string; cacheFile: string },
): Promise<Problem[]> {
  const child = spawn(
    process.execPath,
    [
      'scripts/run-bundled.mjs',
      'scripts/content-check.ts',
      'lib/content/check-worker.ts',
      '--',
      releaseDir,
      path.join(options.root, 'public'),
    ],
    {
      cwd: options.root,
      env: { ...process.env, CONTENT_CHECK_CACHE: options.cacheFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  // The check names files from the release folder's parent; editors know them by their path in
  // the repository.
  const release = `${path.basename(releaseDir)}/`;
  const problems = parseProblems(output).map((problem) => ({
    ...problem,
    file: problem.file.startsWith(release)
      ? path.posix.join(options.contentPath, problem.file.slice(release.length))
      : problem.file,
  }));
  if (code !== 0 && problems.length === 0) {
    return [{ file: '(content check)', line: 0, column: 0, message: output.trim().slice(-2000) }];
  }
  return problems;
}
