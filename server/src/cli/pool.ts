// Linting many files with worker threads. The main thread only hands out files, watches the workers and
// prints: it never lints, so it stays free to notice a file that takes too long, a worker that crashes or
// exits, or a signal. Each file has a time budget; a worker that exceeds it, crashes (an exception, out of
// memory) or exits is stopped and replaced, its file is reported as failed (exit status 2), temporary files
// it left are removed, and the files it held but had not finished are handed out again. Every thread runs the
// same job (read, lint: see task()), so a result never depends on which thread did a file, and results are
// delivered in argument order (a result waits for the ones before it). The language server's workspace pass
// runs the same pool (lsp/workspace.ts).
// Without a bundle to start workers from (running from the TypeScript sources), files are linted in this
// thread (lintSequentially), without a time budget.
import * as os from 'node:os';
import { Worker, type MessagePort } from 'node:worker_threads';
import { lintOptionsOf, resolveSettings } from '../config/resolve';
import type { FileSettings, ProjectConfig } from '../config/types';
import { DEFAULT_FILE_SECONDS, WORKER_HEAP_MB } from './limits';
import { lintFile, unlinted, type FileProblem, type FileResult, type LintFileOptions } from './lintFile';
import { setReadingThreads } from '../formats/load';
import { injectWorkerFault } from './testFaults';
import { removeTemporaries } from './write';

export const WORKER_MARKER = 'gov-report-lint-worker';
/**
 * Up to this many files, one worker is faster. Each thread pays V8's warm-up (the engine's first few hundred
 * files run while TurboFan compiles it, on the other cores); a second thread doubles that compile work and
 * only pays off once it has enough files to itself (measured on 2 cores: 200 and 500 files are faster in
 * one thread, 1,000 faster in two; see docs/performance.md).
 */
export const WORKER_THRESHOLD = 500;
/** Workers that died this many times in a row without a file in hand (they cannot start): replace no more. */
const MAX_STARTUP_DEATHS = 3;

export interface TaskOptions {
  lint: LintFileOptions;
  /** The settings of every file (the CLI's, the editor's) and the project configuration that may change them. */
  settings: { base: FileSettings; config: ProjectConfig | null };
  /** Worker threads this run may have at once (each reads its own documents; see setReadingThreads). */
  threads: number;
}

/** Read and lint one file with its settings: the one job of every thread (async: document readers may be). */
export function task(o: TaskOptions): (file: string) => Promise<FileResult> {
  return (file) => {
    const settings = resolveSettings(o.settings.base, o.settings.config, file);
    return lintFile(file, { ...o.lint, lint: lintOptionsOf(settings, o.lint.locale) });
  };
}

export interface Threads {
  /** Worker threads for a large run; 0: no bundle to start them from, lint in this thread. */
  count: number;
  /** GOV_REPORT_LINT_JOBS was set: use that many whatever the number of files. */
  forced: boolean;
}

export function threadCount(env: NodeJS.ProcessEnv, script: string | null): Threads {
  if (!script || !/\.c?js$/.test(script)) return { count: 0, forced: false }; // running from TypeScript sources (tsx)
  const forced = env.GOV_REPORT_LINT_JOBS;
  if (forced !== undefined && forced !== '') {
    const n = Number.parseInt(forced, 10);
    if (Number.isFinite(n) && n >= 1) return { count: Math.min(n, 16), forced: true };
  }
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return { count: Math.max(1, Math.min(cores, 8)), forced: false };
}

/** Workers to use for `files` files. */
export function workersFor(files: number, t: Threads): number {
  if (t.count === 0) return 0;
  return Math.max(1, Math.min(files, t.forced || files > WORKER_THRESHOLD ? t.count : 1));
}

/** The time budget per file in ms: GOV_REPORT_LINT_TIMEOUT (seconds, fractions allowed) or the default. */
export function fileBudgetMs(env: NodeJS.ProcessEnv): number {
  const s = Number(env.GOV_REPORT_LINT_TIMEOUT);
  return (Number.isFinite(s) && s > 0 ? s : DEFAULT_FILE_SECONDS) * 1000;
}

export interface PoolCallbacks {
  /** Called once per file, in index order. */
  result(index: number, r: FileResult): void;
}

interface Batch { idx: number[]; res: FileResult[]; chunkDone?: boolean }
type ToWorker = { files: string[] } | { chunk: number[] };
/**
 * `pause`: [0] is the time (ms after `epoch`, Date.now()) until which the workers hold before their next file: the
 * language server sets it while the user types, so that the background pass leaves the cores to the edits.
 */
interface WorkerInit { marker: string; options: TaskOptions; status: SharedArrayBuffer; pause: SharedArrayBuffer; epoch: number }

/** Files per hand-out; smaller towards the end of a run so that threads finish together. */
const CHUNK_FILES = 16;
/** Without --fix a worker sends results after this many files, or this many ms; with --fix after each file. */
const BATCH_FILES = 16;
const BATCH_MS = 25;

interface Slot {
  w: Worker;
  /** [0]: index of the file the worker is linting, -1 between files (written by the worker). */
  status: Int32Array;
  /** Chunks sent and not yet finished, in order. */
  chunks: number[][];
  seen: number;
  since: number;
  /** Stopped by us (timeout, end of run): its exit is expected. */
  stopped: boolean;
  error: string | null;
}

type Listener = (onBatch: (s: Slot, b: Batch) => void, onExit: (s: Slot, code: number) => void) => void;

export interface Pool {
  /** Lint `files` with `workers` workers; resolves when every result was delivered, or when `signal` aborts. */
  run(files: readonly string[], workers: number, cb: PoolCallbacks, signal?: AbortSignal): Promise<void>;
  /** Hold the workers for up to `ms` before their next file (a file under way is finished), until resume(). */
  pause(ms: number): void;
  resume(): void;
}

/** Longest pause a worker takes at once (it then looks again): a hold never outlasts the editing that asked for it. */
const MAX_HOLD_MS = 250;

/** Start `workers` workers now (they boot while the arguments are expanded). */
export function startPool(workers: number, script: string, options: TaskOptions, budgetMs: number): Pool {
  const slots: Slot[] = [];
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const epoch = Date.now();
  let onBatch: ((s: Slot, b: Batch) => void) | null = null;
  let onExit: ((s: Slot, code: number) => void) | null = null;
  const spawn = (): Slot => {
    const status = new Int32Array(new SharedArrayBuffer(4));
    status[0] = -1;
    const init: WorkerInit = { marker: WORKER_MARKER, options, status: status.buffer, pause: pause.buffer, epoch };
    const w = new Worker(script, { workerData: init, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    const s: Slot = { w, status, chunks: [], seen: -1, since: performance.now(), stopped: false, error: null };
    w.on('message', (b: Batch) => onBatch?.(s, b));
    w.on('error', (err) => { s.error ??= String((err as Partial<Error> | undefined)?.message ?? err); });
    w.on('exit', (code) => { if (!s.stopped) onExit?.(s, code); });
    slots.push(s);
    return s;
  };
  for (let k = 0; k < workers; k++) spawn();
  const stop = (s: Slot): Promise<number> => { s.stopped = true; return s.w.terminate(); };
  const listen: Listener = (b, e) => { onBatch = b; onExit = e; };

  return {
    pause(ms) {
      Atomics.store(pause, 0, Math.max(Atomics.load(pause, 0), Date.now() - epoch + Math.min(ms, MAX_HOLD_MS)));
    },
    resume() {
      Atomics.store(pause, 0, 0);
      Atomics.notify(pause, 0);
    },
    run(files, wanted, cb, signal) {
      while (slots.length > wanted) void stop(slots.pop()!);
      while (slots.length < wanted) spawn();
      return new Run(files, options, budgetMs, { slots, spawn, stop }, cb).start(signal, listen);
    },
  };
}

/** A callback that is not (or no longer) wanted. */
const ignore = (): void => undefined;

/** One run of the pool over a list of files. */
class Run {
  private readonly results: (FileResult | undefined)[];
  private nextOut = 0;
  private nextIn = 0;
  private readonly retry: number[] = [];
  private startupDeaths = 0;
  private readonly cleanups: Promise<void>[] = [];
  private finish: () => void = ignore; // set by start()

  constructor(
    private readonly files: readonly string[],
    private readonly options: TaskOptions,
    private readonly budgetMs: number,
    private readonly workers: { slots: Slot[]; spawn: () => Slot; stop: (s: Slot) => Promise<number> },
    private readonly cb: PoolCallbacks,
  ) {
    this.results = new Array<FileResult | undefined>(files.length);
  }

  private get slots(): Slot[] { return this.workers.slots; }

  start(signal: AbortSignal | undefined, listen: Listener): Promise<void> {
    return new Promise<void>((resolve) => {
      const watchdog = setInterval(() => this.watch(), Math.min(250, Math.max(20, this.budgetMs / 4)));
      const onAbort = () => this.end();
      this.finish = () => {
        clearInterval(watchdog);
        signal?.removeEventListener('abort', onAbort);
        listen(ignore, ignore); // workers still stopping may report: this run no longer hears them
        const stopping = this.slots.splice(0).map((s) => this.workers.stop(s).then(() => this.cleanUp(s)));
        void Promise.all([...stopping, ...this.cleanups]).then(() => resolve());
      };
      listen((s, b) => this.onBatch(s, b), (s, code) => this.onDeath(s, { code: 'workerDied', detail: s.error ?? `exit code ${code}` }));
      signal?.addEventListener('abort', onAbort, { once: true });
      if (signal?.aborted) { this.end(); return; }
      for (const s of this.slots) this.begin(s);
      this.deliver();
    });
  }

  private begin(s: Slot): void {
    s.w.postMessage({ files: [...this.files] } satisfies ToWorker);
    this.feed(s);
  }

  private end(): void {
    const f = this.finish;
    this.finish = ignore; // a run finishes once
    f();
  }

  private done(i: number): boolean {
    return i < this.nextOut || this.results[i] !== undefined;
  }

  private deliver(): void {
    const n = this.files.length;
    while (this.nextOut < n && this.results[this.nextOut] !== undefined) {
      const r = this.results[this.nextOut]!;
      this.results[this.nextOut] = undefined;
      this.cb.result(this.nextOut++, r);
    }
    if (this.nextOut === n) this.end();
  }

  private takeChunk(): number[] {
    if (this.retry.length > 0) return this.retry.splice(0, CHUNK_FILES);
    const left = this.files.length - this.nextIn;
    const size = Math.max(1, Math.min(CHUNK_FILES, Math.floor(left / (2 * Math.max(1, this.slots.length)))));
    const chunk: number[] = [];
    while (chunk.length < size && this.nextIn < this.files.length) chunk.push(this.nextIn++);
    return chunk;
  }

  /** Keep two chunks queued at each worker, so that it never waits for the next one. */
  private feed(s: Slot): void {
    while (s.chunks.length < 2) {
      const chunk = this.takeChunk();
      if (chunk.length === 0) return;
      s.chunks.push(chunk);
      s.w.postMessage({ chunk } satisfies ToWorker);
    }
  }

  private onBatch(s: Slot, b: Batch): void {
    for (let k = 0; k < b.idx.length; k++) if (!this.done(b.idx[k])) this.results[b.idx[k]] = b.res[k];
    if (b.chunkDone) s.chunks.shift();
    this.startupDeaths = 0;
    this.feed(s);
    this.deliver();
  }

  private watch(): void {
    const now = performance.now();
    for (const s of [...this.slots]) {
      const current = Atomics.load(s.status, 0);
      if (current !== s.seen) { s.seen = current; s.since = now; continue; }
      if (current >= 0 && now - s.since > this.budgetMs) this.onDeath(s, { code: 'timeout', seconds: this.budgetMs / 1000 });
    }
  }

  /** A worker timed out or died: fail its file, hand its other files out again, replace it. */
  private onDeath(s: Slot, problem: FileProblem): void {
    const k = this.slots.indexOf(s);
    if (k < 0) return;
    this.slots.splice(k, 1);
    const current = Atomics.load(s.status, 0);
    this.cleanups.push(this.workers.stop(s).then(() => this.cleanUp(s)));
    const held = s.chunks.flat().filter((i) => !this.done(i) && i !== current);
    s.chunks = [];
    if (current >= 0 && !this.done(current)) this.results[current] = unlinted(this.files[current], problem);
    else this.startupDeaths++;
    this.retry.unshift(...held);
    if (this.startupDeaths < MAX_STARTUP_DEATHS) this.begin(this.workers.spawn());
    else if (this.slots.length === 0) this.failRemaining(problem);
    this.deliver();
  }

  private failRemaining(problem: FileProblem): void {
    for (let i = this.nextOut; i < this.files.length; i++) if (!this.done(i)) this.results[i] = unlinted(this.files[i], problem);
  }

  /** After a worker stopped: remove the temporary file it may have been writing. */
  private cleanUp(s: Slot): void {
    const current = Atomics.load(s.status, 0);
    if (this.options.lint.fix && current >= 0) removeTemporaries(this.files[current]);
  }
}

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

/** Wait (between files) while the pool is paused, at most MAX_HOLD_MS at a time. */
function hold(pause: Int32Array, epoch: number): void {
  for (let k = 0; k < 20; k++) {
    const until = Atomics.load(pause, 0);
    const left = until - (Date.now() - epoch);
    if (left <= 0) return;
    Atomics.wait(pause, 0, until, Math.min(left, MAX_HOLD_MS));
  }
}
