// Linting many files: in this thread alone, or together with worker threads when there are many files on a
// multi-core machine. Every thread runs the same job (read, lint, render to output text: see task()), so the
// output never depends on which thread did a file. Threads take the next file from a shared counter
// (Atomics.add), so no thread waits for the main thread to hand out work, and each file goes to exactly one
// thread: --fix never has two writers on one file (duplicates were removed when the arguments were expanded).
// Workers send back rendered text in batches; the main thread prints results in argument order (a result
// waits for the ones before it), so output order never depends on scheduling either.
import * as os from 'node:os';
import { Worker, type MessagePort } from 'node:worker_threads';
import { renderer, type Rendered, type RenderOptions } from './format';
import { lintFile, type LintFileOptions } from './lintFile';

export const WORKER_MARKER = 'gov-report-lint-worker';
/**
 * Up to this many files, one thread is faster. Each thread pays V8's warm-up (the engine's first few hundred
 * files run while TurboFan compiles it, on the other cores); a second thread doubles that compile work and
 * only pays off once it has enough files to itself (measured on 2 cores: 200 and 500 files are faster in
 * one thread, 1,000 faster in two; see docs/performance.md).
 */
export const WORKER_THRESHOLD = 500;

export interface TaskOptions {
  lint: LintFileOptions;
  render: RenderOptions;
}

/** Read, lint and render one file: the one job of every thread (async: document readers may be). */
export function task(o: TaskOptions): (file: string) => Promise<Rendered> {
  const render = renderer(o.render);
  return async (file) => render(await lintFile(file, o.lint));
}

export interface Threads {
  /** Linting threads to use in all, the main thread included (1: no workers). */
  count: number;
  /** GOV_REPORT_LINT_JOBS was set: use that many whatever the number of files. */
  forced: boolean;
}

export function threadCount(env: NodeJS.ProcessEnv, script: string | null): Threads {
  if (!script || !/\.c?js$/.test(script)) return { count: 1, forced: false }; // running from TypeScript sources (tsx): no bundle to start
  const forced = env.GOV_REPORT_LINT_JOBS;
  if (forced !== undefined && forced !== '') {
    const n = Number.parseInt(forced, 10);
    if (Number.isFinite(n) && n >= 1) return { count: Math.min(n, 16), forced: true };
  }
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return { count: Math.max(1, Math.min(cores, 8)), forced: false };
}

/** Whether `files` files are worth threads. */
export function worthThreads(files: number, t: Threads): boolean {
  return t.count > 1 && files > 1 && (t.forced || files > WORKER_THRESHOLD);
}

export interface PoolCallbacks {
  /** Called once per file, in index order. */
  result(index: number, r: Rendered): void;
  /** A worker died; its files are linted in this thread instead. */
  workerFailed(detail: string): void;
}

interface Batch { idx: number[]; res: Rendered[]; done?: boolean }
interface WorkerInit { marker: string; options: TaskOptions; counter: SharedArrayBuffer }

/** The main thread lints too, between handling the workers' messages: it yields this often (ms). */
const YIELD_MS = 15;
/** A worker sends its results after this many files, or this many ms, whichever comes first. */
const BATCH_FILES = 16;
const BATCH_MS = 25;

export interface Pool {
  /** Lint `files` with the workers (and this thread); resolves when every result was delivered. */
  run(files: readonly string[], cb: PoolCallbacks): Promise<void>;
  /** Not needed after all (few files): stop the workers. */
  cancel(): void;
}

/**
 * Start `threads - 1` workers now (they boot while the arguments are expanded); the main thread is the
 * last linting thread.
 */
export function startPool(threads: number, script: string, options: TaskOptions): Pool {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const init: WorkerInit = { marker: WORKER_MARKER, options, counter: counter.buffer as SharedArrayBuffer };
  interface Slot { w: Worker; finished: boolean; error: string | null }
  const slots: Slot[] = [];
  // Set by run(); until then, events are only recorded.
  let onEvent: ((s: Slot, b: Batch | null) => void) | null = null;
  for (let k = 0; k < threads - 1; k++) {
    const s: Slot = { w: new Worker(script, { workerData: init }), finished: false, error: null };
    s.w.on('message', (b: Batch) => onEvent?.(s, b));
    s.w.on('error', (err) => { s.error ??= String((err as Error)?.message ?? err); });
    s.w.on('exit', () => { s.finished = true; onEvent?.(s, null); });
    slots.push(s);
  }
  const stopAll = () => { for (const s of slots) void s.w.terminate(); };

  return {
    cancel: stopAll,
    async run(files, cb) {
      const n = files.length;
      const job = task(options);
      const results: Array<Rendered | undefined> = new Array(n);
      let nextOut = 0;
      const deliver = () => {
        while (nextOut < n && results[nextOut] !== undefined) {
          const r = results[nextOut]!;
          results[nextOut] = undefined;
          cb.result(nextOut++, r);
        }
      };

      let wake: (() => void) | null = null;
      const settled = () => nextOut === n || slots.every((s) => s.finished);
      onEvent = (s, b) => {
        if (b) {
          for (let k = 0; k < b.idx.length; k++) {
            const i = b.idx[k];
            if (i >= nextOut && results[i] === undefined) results[i] = b.res[k];
          }
          deliver();
          if (b.done) s.finished = true;
        }
        if (wake && settled()) { const f = wake; wake = null; f(); }
      };
      for (const s of slots) if (!s.finished) s.w.postMessage(files);

      // This thread's share: the same shared counter, yielding now and then to take in the workers' results.
      let last = performance.now();
      for (;;) {
        const i = Atomics.add(counter, 0, 1);
        if (i >= n) break;
        results[i] = await job(files[i]);
        deliver();
        if (performance.now() - last >= YIELD_MS) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          last = performance.now();
        }
      }
      if (!settled()) await new Promise<void>((resolve) => { wake = resolve; });
      onEvent = null;
      stopAll();
      for (const s of slots) if (s.error !== null) cb.workerFailed(s.error);
      // Files a failed worker held (or never took) are linted here, results still in order.
      Atomics.store(counter, 0, n);
      for (let i = nextOut; i < n; i++) if (results[i] === undefined) results[i] = await job(files[i]);
      deliver();
    },
  };
}

/** Lint `files` in this thread only. */
export async function lintSequentially(files: readonly string[], options: TaskOptions, cb: Pick<PoolCallbacks, 'result'>): Promise<void> {
  const job = task(options);
  for (let i = 0; i < files.length; i++) cb.result(i, await job(files[i]));
}

/** The worker side: wait for the file list, then take files from the shared counter until none are left. */
export function runWorker(port: MessagePort, data: WorkerInit): void {
  const job = task(data.options);
  const counter = new Int32Array(data.counter);
  port.once('message', async (files: string[]) => {
    let idx: number[] = [];
    let res: Rendered[] = [];
    let last = performance.now();
    for (;;) {
      const i = Atomics.add(counter, 0, 1);
      if (i >= files.length) break;
      idx.push(i);
      res.push(await job(files[i]));
      if (idx.length >= BATCH_FILES || performance.now() - last >= BATCH_MS) {
        port.postMessage({ idx, res } satisfies Batch);
        idx = [];
        res = [];
        last = performance.now();
      }
    }
    port.postMessage({ idx, res, done: true } satisfies Batch);
  });
}
