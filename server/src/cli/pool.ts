// Linting many files with worker threads. The main thread only hands out files, watches the workers and
// prints: it never lints, so it stays free to notice a file that takes too long, a worker that crashes or
// exits, or a signal. Each file has a time budget; a worker that exceeds it, crashes (an exception, out of
// memory) or exits is stopped and replaced, its file is reported as failed (exit status 2), temporary files
// it left are removed, and the files it held but had not finished are handed out again. Every thread runs the
// same job (read, lint: see task()), so a result never depends on which thread did a file, and results are
// delivered in argument order (a result waits for the ones before it). The language server's workspace pass
// runs the same pool (lsp/workspace.ts), and pauses it while the user types.
// Without a bundle to start workers from (running from the TypeScript sources), files are linted in this
// thread (lintSequentially), without a time budget.
import { Worker } from 'node:worker_threads';
import { WORKER_HEAP_MB } from './limits';
import { unlinted, type FileProblem, type FileResult } from './lintFile';
import { MAX_HOLD_MS, WORKER_MARKER, type Batch, type PoolCallbacks, type TaskOptions, type ToWorker, type WorkerInit } from './worker';
import { removeTemporaries } from './write';

/** Workers that died this many times in a row without a file in hand (they cannot start): replace no more. */
const MAX_STARTUP_DEATHS = 3;

/** The handlers of a pool between runs, and of a run that has finished: workers still stopping may report. */
const ignore = (): void => undefined;

/** Files per hand-out; smaller towards the end of a run so that threads finish together. */
const CHUNK_FILES = 16;

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

/** The pause shared with every worker of a pool (see WorkerInit). */
interface Pause { flag: Int32Array; epoch: number }

/** Start `workers` workers now (they boot while the arguments are expanded). */
export function startPool(workers: number, script: string, options: TaskOptions, budgetMs: number): Pool {
  const slots: Slot[] = [];
  const pause: Pause = { flag: new Int32Array(new SharedArrayBuffer(4)), epoch: Date.now() };
  // The current run's handlers (set by Run.start); a worker's messages between runs go nowhere.
  const handlers: { onBatch: (s: Slot, b: Batch) => void; onExit: (s: Slot, code: number) => void } = { onBatch: ignore, onExit: ignore };
  const spawn = (): Slot => {
    const s = spawnWorker(script, options, pause, (slot, b) => handlers.onBatch(slot, b), (slot, code) => handlers.onExit(slot, code));
    slots.push(s);
    return s;
  };
  for (let k = 0; k < workers; k++) spawn();
  const stop = (s: Slot): Promise<number> => { s.stopped = true; return s.w.terminate(); };
  const listen: Listener = (b, e) => { handlers.onBatch = b; handlers.onExit = e; };

  return {
    pause(ms) {
      Atomics.store(pause.flag, 0, Math.max(Atomics.load(pause.flag, 0), Date.now() - pause.epoch + Math.min(ms, MAX_HOLD_MS)));
    },
    resume() {
      Atomics.store(pause.flag, 0, 0);
      Atomics.notify(pause.flag, 0);
    },
    run(files, wanted, cb, signal) {
      while (slots.length > wanted) void stop(slots.pop()!);
      while (slots.length < wanted) spawn();
      return new Run(files, options, budgetMs, { slots, spawn, stop }, cb).start(signal, listen);
    },
  };
}

/** A worker thread running the bundle (cli.js) as a pool worker, with the file it is on shared as `status`. */
function spawnWorker(script: string, options: TaskOptions, pause: Pause, onBatch: (s: Slot, b: Batch) => void, onExit: (s: Slot, code: number) => void): Slot {
  const status = new Int32Array(new SharedArrayBuffer(4));
  status[0] = -1;
  const init: WorkerInit = { marker: WORKER_MARKER, options, status: status.buffer, pause: pause.flag.buffer as SharedArrayBuffer, epoch: pause.epoch };
  const w = new Worker(script, { workerData: init, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  const s: Slot = { w, status, chunks: [], seen: -1, since: performance.now(), stopped: false, error: null };
  w.on('message', (b: Batch) => onBatch(s, b));
  w.on('error', (err) => { s.error ??= String((err as Partial<Error> | undefined)?.message ?? err); });
  w.on('exit', (code) => { if (!s.stopped) onExit(s, code); });
  return s;
}

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
