import { parentPort, workerData } from 'node:worker_threads';
import { outcome, type Job } from './render';

/** One worker of the batch pool: checks and renders the sources it is sent, and posts back the text to print. */
parentPort!.on('message', async ({ index, job }: { index: number; job: string | Job }) => {
  const { mode, ...options } = workerData;
  parentPort!.postMessage({ index, outcome: await outcome(job, mode, options) });
});
