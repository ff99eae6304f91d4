import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker module `name` that sits beside the module at `from` (its import.meta.url).
 * Under scripts/run-bundled.mjs the worker is a sibling bundle (`name.mjs`: its WORKERS lists
 * each script's workers). Under tsx or vitest it is TypeScript and needs tsx's loader, which a
 * worker thread does not inherit, so a one-line module registers it first.
 */
export function startWorker(from: string, name: string): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(`./${name}.mjs`, from));
  const entry = new URL(`./${name}.ts`, from).href;
  const tsx = pathToFileURL(
    createRequire(from)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}
