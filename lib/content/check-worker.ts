import { parentPort } from 'node:worker_threads';
import { judgeWithText } from './body';
import type { BodyJob, JudgedBody } from './check';

parentPort?.on('message', (jobs: BodyJob[]) => {
  parentPort?.postMessage(
    jobs.map((job): JudgedBody => {
      const { verdict, text } = judgeWithText(job.body, job.line);
      return [job.key, verdict, text];
    }),
  );
});
