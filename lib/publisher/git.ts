import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { MANIFEST_SUFFIX } from '@/lib/content/blobs';

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

/**
 * Writes the content folder of `commit` into `target`, whole or not at all: it is extracted
 * into a sibling folder and renamed, so a release that exists is complete. Before it, the list
 * of its files with their blob ids (`<target>.blobs`, lib/content/blobs.ts), so the servers
 * parse only the files whose id they have not seen. `git archive` writes each blob as it is
 * stored (the attribute `export-subst` would change that; a content folder has no use for it).
 */
export async function extractTree(
  gitDir: string,
  commit: string,
  contentPath: string,
  target: string,
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
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  const archive = spawn('git', ['--git-dir', gitDir, 'archive', '--format=tar', tree], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tar = spawn('tar', ['-x', '-C', partial], { stdio: ['pipe', 'ignore', 'pipe'] });
  archive.stdout.pipe(tar.stdin);
  let errors = '';
  const collect = (chunk: Buffer) => (errors += chunk.toString());
  archive.stderr.on('data', collect);
  tar.stderr.on('data', collect);
  const exit = (child: ReturnType<typeof spawn>) =>
    new Promise<number | null>((resolve) => child.on('close', resolve));
  const codes = await Promise.all([exit(archive), exit(tar)]);
  if (codes.some((code) => code !== 0)) {
    throw new Error(`git archive ${tree} failed: ${errors.trim()}`);
  }
  fs.renameSync(partial, target);
}
