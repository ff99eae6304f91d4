// npm run build: the content check, the search index and `next build`, with the type check run
// beside them instead of inside `next build`, where it sat on the critical path. The build still
// fails if `tsc --noEmit` fails. NEXT_TYPECHECK=off tells next.config.js to skip its own check;
// only this script sets it, so `next build` run alone still type-checks.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/** @returns {Promise<void>} */
function run(label, command, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${label} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const typecheck = run('the type check (tsc --noEmit)', bin('tsc'), ['--noEmit']);
// Reported when it settles, even if a step below fails first.
typecheck.catch(() => {});

try {
  await run('npm run content:check', npm, ['run', '--silent', 'content:check']);
  await run('npm run search:index', npm, ['run', '--silent', 'search:index']);
  await run('next build', bin('next'), ['build'], { ...process.env, NEXT_TYPECHECK: 'off' });
  await typecheck;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
