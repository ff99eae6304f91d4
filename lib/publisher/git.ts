import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { MANIFEST_SUFFIX, parseManifest, readManifest } from '@/lib/content/blobs';

const run = promisify(execFile);

async function git(gitDir: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['--git-dir', gitDir, ...args], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trim();
}

/** A bare mirror of the remote branch, made on first use; returns the branch's newest commit. */
export async function fetchBranch(gitDir: string, remote: string, branch: string): Promise<string> {
  if (!fs.existsSync(path.join(gitDir, 'HEAD'))) {
    fs.mkdirSync(gitDir, { recursive: true });
    await run('git', ['init', '--bare', '--quiet', gitDir]);
  }
  const ref = `refs/publisher/${branch}`;
  await git(gitDir, ['fetch', '--quiet', '--no-tags', remote, `+refs/heads/${branch}:${ref}`]);
  return git(gitDir, ['rev-parse', '--verify', `${ref}^{commit}`]);
}

export async function commitSubject(gitDir: string, commit: string): Promise<string> {
  return git(gitDir, ['log', '-1', '--format=%s', commit]);
}

/** Extracts `paths` of `tree` (all of it when none are given) into `folder` with `git archive`. */
async function archive(gitDir: string, tree: string, folder: string, paths: string[]) {
  const args = ['--literal-pathspecs', '--git-dir', gitDir, 'archive', '--format=tar', tree];
  const git = spawn('git', paths.length ? [...args, '--', ...paths] : args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tar = spawn('tar', ['-x', '-C', folder], { stdio: ['pipe', 'ignore', 'pipe'] });
  git.stdout.pipe(tar.stdin);
  let errors = '';
  const collect = (chunk: Buffer) => (errors += chunk.toString());
  git.stderr.on('data', collect);
  tar.stderr.on('data', collect);
  const exit = (child: ReturnType<typeof spawn>) =>
    new Promise<number | null>((resolve) => child.on('close', resolve));
  const codes = await Promise.all([exit(git), exit(tar)]);
  if (codes.some((code) => code !== 0)) {
    throw new Error(`git archive ${tree} failed: ${errors.trim()}`);
  }
}

// Past this many changed files a release is extracted whole: linking the rest saves little then.
const MAX_CHANGED = 1000;

/**
 * Writes the content folder of `commit` into `target`, whole or not at all: it is made in a
 * sibling folder and renamed, so a release that exists is complete. Before it, the list of its
 * files with their blob ids (`<target>.blobs`, lib/content/blobs.ts), so the servers parse only
 * the files whose id they have not seen. A file `previous` (the release published now) has with
 * the same id is hard-linked from there, the others extracted with `git archive`: a commit costs
 * the files it changed. Releases are never written to once made, so sharing files is safe.
 * `git archive` writes each blob as stored (the attribute `export-subst` would not; a content
 * folder has no use for it).
 */
export async function extractTree(
  gitDir: string,
  commit: string,
  contentPath: string,
  target: string,
  previous?: string,
): Promise<void> {
  const tree = contentPath ? `${commit}:${contentPath}` : commit;
  const manifest = `${target}${MANIFEST_SUFFIX}`;
  if (!fs.existsSync(manifest)) {
    const { stdout } = await run('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', tree], {
      maxBuffer: 256 * 1024 * 1024,
    });
    fs.writeFileSync(`${manifest}.partial`, stdout);
    fs.renameSync(`${manifest}.partial`, manifest);
  }
  if (fs.existsSync(target)) return;
  const partial = `${target}.partial`;
  const listing = fs.readFileSync(manifest, 'utf8');
  const files = parseManifest(listing);
  const before = previous ? readManifest(previous) : undefined;
  const changed = [...files].filter(([file, id]) => before?.get(file) !== id).map(([file]) => file);
  // Only regular files are listed: anything else (a symbolic link) makes a whole extraction.
  const regular = files.size === listing.split('\0').filter(Boolean).length;
  const fresh = () => {
    fs.rmSync(partial, { recursive: true, force: true });
    fs.mkdirSync(partial, { recursive: true });
  };
  fresh();
  let linked = false;
  if (previous && before && regular && changed.length <= MAX_CHANGED) {
    try {
      for (const file of files.keys()) {
        if (before.get(file) !== files.get(file)) continue;
        fs.mkdirSync(path.dirname(path.join(partial, file)), { recursive: true });
        fs.linkSync(path.join(previous, file), path.join(partial, file));
      }
      linked = true;
    } catch (error) {
      console.error(`publisher: extracting ${commit} whole: ${String(error)}`);
      fresh();
    }
  }
  if (!linked) await archive(gitDir, tree, partial, []);
  else if (changed.length) await archive(gitDir, tree, partial, changed);
  fs.renameSync(partial, target);
}
