// The one job of every thread (read, lint and render a file: task()), the messages between the pool and its
// workers, and the worker side. Every thread runs the same job, so the output never depends on which thread did
// a file.
import type { MessagePort } from 'node:worker_threads';
import { setReadingThreads } from '../formats/load';
import { renderer, type Rendered, type RenderOptions } from './format';
import { lintFile, type LintFileOptions } from './lintFile';
import { injectWorkerFault } from './testFaults';

/** In a worker's workerData: this thread is one of the pool's (not a thread some other code started). */
export const WORKER_MARKER = 'gov-report-lint-worker';

export interface TaskOptions {
  lint: LintFileOptions;
  render: RenderOptions;
  /** Worker threads this run may have at once (each reads its own documents; see setReadingThreads). */
  threads: number;
}

/** Read, lint and render one file: the one job of every thread (async: document readers may be). */
export function task(o: TaskOptions): (file: string) => Promise<Rendered> {
  const render = renderer(o.render);
  return async (file) => render(await lintFile(file, o.lint));
}

export interface PoolCallbacks {
  /** Called once per file, in index order. */
  result(index: number, r: Rendered): void;
}

/** Results a worker sends: files by index, and whether its oldest chunk is done. */
export interface Batch { idx: number[]; res: Rendered[]; chunkDone?: boolean }
export type ToWorker = { files: string[] } | { chunk: number[] };
export interface WorkerInit { marker: string; options: TaskOptions; status: SharedArrayBuffer }

/** Without --fix a worker sends results after this many files, or this many ms; with --fix after each file. */
const BATCH_FILES = 16;
const BATCH_MS = 25;

/** Lint `files` in this thread only. */
export async function lintSequentially(files: readonly string[], options: TaskOptions, cb: PoolCallbacks): Promise<void> {
  const job = task(options);
  for (let i = 0; i < files.length; i++) cb.result(i, await job(files[i]));
}

/**
 * The worker side: take the file list, then lint the chunks of indexes it is sent, in order. A file's job may
 * wait (a PDF is read in a thread of its own), so chunks that arrive meanwhile queue behind the one under way.
 */
export function runWorker(port: MessagePort, data: WorkerInit): void {
  setReadingThreads(data.options.threads);
  const job = task(data.options);
  const status = new Int32Array(data.status);
  const flushAfter = data.options.lint.fix ? 1 : BATCH_FILES;
  let files: string[] = [];
  let queue = Promise.resolve();
  const lintChunk = async (chunk: readonly number[]) => {
    let idx: number[] = [];
    let res: Rendered[] = [];
    let last = performance.now();
    for (const i of chunk) {
      Atomics.store(status, 0, i);
      injectWorkerFault(files[i]);
      res.push(await job(files[i]));
      idx.push(i);
      Atomics.store(status, 0, -1);
      if (idx.length >= flushAfter || performance.now() - last >= BATCH_MS) {
        port.postMessage({ idx, res } satisfies Batch);
        idx = [];
        res = [];
        last = performance.now();
      }
    }
    port.postMessage({ idx, res, chunkDone: true } satisfies Batch);
  };
  port.on('message', (m: ToWorker) => {
    if ('files' in m) { files = m.files; return; }
    queue = queue.then(() => lintChunk(m.chunk));
  });
}
