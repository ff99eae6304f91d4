import { parentPort } from 'node:worker_threads';
import type { BodyJob } from './check';
import { inspectMdx } from './mdx';

parentPort?.on('message', (jobs: BodyJob[]) => {
  parentPort?.postMessage(jobs.map((job) => [job.key, inspectMdx(job.body, job.line)]));
});
