import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { type BundleJob, writeBundle } from './bundle';

// One bundle at a time, so a thread holds the records of one bundle, not of all its share.
parentPort?.on('message', (job: BundleJob | null) => {
  if (!job) {
    void pagefind.close().finally(() => parentPort?.close());
    return;
  }
  writeBundle(job).then(
    () => parentPort?.postMessage({}),
    (error: unknown) =>
      parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});
