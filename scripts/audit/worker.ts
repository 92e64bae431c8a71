import { parentPort, workerData } from 'node:worker_threads';
import { outcome } from './render';

/** One worker of the batch pool: checks and renders the sources it is sent, and posts back the text to print. */
parentPort!.on('message', async ({ index, source }: { index: number; source: string }) => {
  const { mode, ...options } = workerData;
  parentPort!.postMessage({ index, outcome: await outcome(source, mode, options) });
});
