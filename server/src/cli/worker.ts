// The one job of every thread (read and lint a file with its settings: task()), the messages between the pool and
// its workers, and the worker side. Every thread runs the same job, so a result never depends on which thread did
// a file. The workers hold between files while the language server asks them to (an edit has the cores).
import type { MessagePort } from 'node:worker_threads';
import { setReadingThreads } from '../formats/load';
import { lintOptionsOf, resolveSettings } from '../config/resolve';
import type { FileSettings, ProjectConfig } from '../config/types';
import { lintFile, type FileResult, type LintFileOptions } from './lintFile';
import { lowerThisThreadPriority } from './priority';
import { injectWorkerFault } from './testFaults';

/** In a worker's workerData: this thread is one of the pool's (not a thread some other code started). */
export const WORKER_MARKER = 'gov-report-lint-worker';

export interface TaskOptions {
  lint: LintFileOptions;
  /** The settings of every file (the CLI's, the editor's) and the project configuration that may change them. */
  settings: { base: FileSettings; config: ProjectConfig | null };
  /** Worker threads this run may have at once (each reads its own documents; see setReadingThreads). */
  threads: number;
  /** The language server's background pass: the workers run at a lower priority than the server (priority.ts). */
  background?: boolean;
}

/** Read and lint one file with its settings: the one job of every thread (async: document readers may be). */
export function task(o: TaskOptions): (file: string) => Promise<FileResult> {
  return (file) => {
    const settings = resolveSettings(o.settings.base, o.settings.config, file);
    return lintFile(file, { ...o.lint, lint: lintOptionsOf(settings, o.lint.locale) });
  };
}

export interface PoolCallbacks {
  /** Called once per file, in index order. */
  result(index: number, r: FileResult): void;
}

/** Results a worker sends: files by index, and whether its oldest chunk is done. */
export interface Batch { idx: number[]; res: FileResult[]; chunkDone?: boolean }
export type ToWorker = { files: string[] } | { chunk: number[] };
/**
 * `pause`: [0] is the time (ms after `epoch`, Date.now()) until which the workers hold before their next file: the
 * language server sets it while the user types, so that the background pass leaves the cores to the edits.
 */
export interface WorkerInit { marker: string; options: TaskOptions; status: SharedArrayBuffer; pause: SharedArrayBuffer; epoch: number }

/** Longest pause a worker takes at once (it then looks again): a hold never outlasts the editing that asked for it. */
export const MAX_HOLD_MS = 250;

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
  if (data.options.background) lowerThisThreadPriority();
  const pause = new Int32Array(data.pause);
  const job = task(data.options);
  const status = new Int32Array(data.status);
  const flushAfter = data.options.lint.fix ? 1 : BATCH_FILES;
  let files: string[] = [];
  let queue = Promise.resolve();
  const lintChunk = async (chunk: readonly number[]) => {
    let idx: number[] = [];
    let res: FileResult[] = [];
    let last = performance.now();
    for (const i of chunk) {
      hold(pause, data.epoch);
      Atomics.store(status, 0, i);
      injectWorkerFault(files[i]);
      res.push(await job(files[i]));
      idx.push(i);
      Atomics.store(status, 0, -1);
      if (idx.length >= flushAfter || performance.now() - last >= BATCH_MS) {
        hold(pause, data.epoch); // results are not sent while the user types: taking them costs the server's thread
        port.postMessage({ idx, res } satisfies Batch);
        idx = [];
        res = [];
        last = performance.now();
      }
    }
    hold(pause, data.epoch);
    port.postMessage({ idx, res, chunkDone: true } satisfies Batch);
  };
  port.on('message', (m: ToWorker) => {
    if ('files' in m) { files = m.files; return; }
    queue = queue.then(() => lintChunk(m.chunk));
  });
}

/** Wait (between files) while the pool is paused, at most MAX_HOLD_MS at a time. */
function hold(pause: Int32Array, epoch: number): void {
  for (let k = 0; k < 20; k++) {
    const until = Atomics.load(pause, 0);
    const left = until - (Date.now() - epoch);
    if (left <= 0) return;
    Atomics.wait(pause, 0, until, Math.min(left, MAX_HOLD_MS));
  }
}
