import { parentPort } from 'node:worker_threads';
import { type BundleJob, writeBundles } from './bundle';

parentPort?.once('message', (jobs: BundleJob[]) => {
  writeBundles(jobs).then(
    () => parentPort?.postMessage({}),
    (error: unknown) =>
      parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});
