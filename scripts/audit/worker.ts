import { parentPort, workerData } from 'node:worker_threads';
import { reportJson } from '../../lib/export';
import { checkSource } from './input';

/** One worker of the batch pool: checks the sources it is sent, one at a time, and posts back the JSON report. */
parentPort!.on('message', async ({ index, source }: { index: number; source: string }) => {
  try {
    const report = reportJson(await checkSource(source, workerData));
    parentPort!.postMessage({ index, report });
  } catch (e) {
    parentPort!.postMessage({ index, error: (e as Error).message });
  }
});
