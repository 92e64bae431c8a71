import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { CheckOptions } from '../../lib/check/engine';
import { outcome, type Job, type Mode, type Outcome } from './render';

export type RunOptions = Pick<CheckOptions, 'previous' | 'previousOf' | 'year'> & {
  mode: Mode;
  jobs?: number;
  timeoutMs?: number;
  maxMb?: number;
  followAttachments?: boolean;
};

/**
 * Checks sources and hands back their outcomes in input order. With several jobs a pool of worker
 * threads does the work; at most a small window of sources is in flight or waiting for an earlier
 * one, so memory stays flat however many files there are.
 */
export async function* run(sources: AsyncIterable<string | Job>, options: RunOptions): AsyncGenerator<Outcome> {
  const { jobs = availableParallelism(), mode, previousOf, ...check } = options;
  // A pool for a single source only costs its start: look at the first two before starting one.
  const iterator = sources[Symbol.asyncIterator]();
  const first = await iterator.next();
  const second = first.done ? first : await iterator.next();
  const all = (async function* () {
    if (!first.done) yield first.value;
    if (!second.done) yield second.value;
    if (!second.done) yield* { [Symbol.asyncIterator]: () => iterator };
  })();
  if (jobs <= 1 || second.done) {
    for await (const source of all) yield await outcome(source, mode, { ...check, previousOf });
    return;
  }
  // A function cannot be sent to a worker: with a pool, every year-to-year chain is made after the pass.
  yield* pooled(all, jobs, { mode, ...check });
}

// Two sources queued per worker hide the message round trip; the window bounds the reorder buffer.
const PER_WORKER = 2;
const WINDOW_PER_WORKER = 16;

/**
 * The worker as one plain script: a worker started on the TypeScript sources would load the tsx
 * loader (and its own hooks thread) again, seconds per worker on two cores; esbuild takes well under
 * one. The bundle stays in memory and the workers run it as code (`eval`): no file is written, so a
 * broken pipe, Ctrl-C or a kill leaves nothing behind in the temp folder.
 */
async function workerScript(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'error',
    // The file readers' libraries stay in node_modules (pdf.js loads its own worker beside itself):
    // required by absolute path, since the bundle runs as code from no folder at all.
    plugins: [
      {
        name: 'external-readers',
        setup(b) {
          b.onResolve({ filter: /^(?:pdfjs-dist|mammoth|word-extractor)(?:\/|$)/ }, (args) => ({
            path: createRequire(import.meta.url).resolve(args.path),
            external: true,
          }));
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}

async function* pooled(
  sources: AsyncIterable<string | Job>,
  jobs: number,
  data: Omit<RunOptions, 'jobs'>,
): AsyncGenerator<Outcome> {
  const script = await workerScript();
  const workers = Array.from({ length: jobs }, () => new Worker(script, { eval: true, workerData: data }));
  const load = new Map(workers.map((w) => [w, 0]));
  const names = new Map<number, string | Job>();
  const done = new Map<number, Outcome>();
  let failure: Error | null = null;
  let closing = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  for (const w of workers) {
    w.on('message', ({ index, outcome }: { index: number; outcome: Outcome }) => {
      done.set(index, outcome);
      names.delete(index);
      load.set(w, load.get(w)! - 1);
      notify();
    });
    w.on('error', (e: Error) => {
      failure ??= e;
      notify();
    });
    w.on('exit', (code) => {
      if (!closing) failure ??= new Error(`检查进程意外退出（${code}）`);
      notify();
    });
  }
  const iterator = sources[Symbol.asyncIterator]();
  let sent = 0;
  let next = 0;
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && sent - next < jobs * WINDOW_PER_WORKER) {
        const worker = workers.reduce((a, b) => (load.get(b)! < load.get(a)! ? b : a));
        if (load.get(worker)! >= PER_WORKER) break;
        const item = await iterator.next();
        if (item.done) {
          exhausted = true;
          break;
        }
        names.set(sent, item.value);
        load.set(worker, load.get(worker)! + 1);
        worker.postMessage({ index: sent++, job: item.value });
      }
      while (done.has(next)) {
        const outcome = done.get(next)!;
        done.delete(next++);
        yield outcome;
      }
      if (exhausted && next === sent) return;
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    closing = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
