import { parentPort } from 'node:worker_threads';
import { judgeBody } from './body';
import type { BodyJob } from './check';

parentPort?.on('message', (jobs: BodyJob[]) => {
  parentPort?.postMessage(jobs.map((job) => [job.key, judgeBody(job.body, job.line)]));
});
