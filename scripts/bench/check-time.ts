import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root, round } from './common';

export async function contentCheck(contentDir: string, env: NodeJS.ProcessEnv) {
  const packageJson: { scripts?: Record<string, string> } = JSON.parse(
    fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
  );
  if (packageJson.scripts?.['content:check']) {
    const started = performance.now();
    const child = spawn('npm', ['run', '--silent', 'content:check'], {
      cwd: root,
      env,
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return {
      method: 'npm run content:check',
      seconds: round((performance.now() - started) / 1000, 2),
      exitCode: code,
    };
  }
  const { loadContent } = await import('@/lib/content/load');
  const { judgeBody } = await import('@/lib/content/body');
  const started = performance.now();
  const loaded = loadContent({
    contentDir,
    publicDir: path.join(root, 'public'),
    now: new Date(),
    judge: judgeBody,
  });
  const errors = loaded.issues.filter((issue) => issue.severity === 'error').length;
  if (errors) throw new Error(`the generated corpus has ${errors} content errors`);
  return {
    method: 'loadContent() in process',
    seconds: round((performance.now() - started) / 1000, 2),
    exitCode: 0,
  };
}
