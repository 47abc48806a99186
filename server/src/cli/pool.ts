// Linting many files: sequentially in this thread, or spread over worker threads when there are many files
// on a multi-core machine. Either way results are delivered in argument order (a result waits for the ones
// before it), so output order never depends on scheduling. Each file goes to exactly one thread, so --fix
// never has two writers on one file (duplicates were removed when the arguments were expanded).
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { lintFile, type FileResult, type LintFileOptions } from './lintFile';

export const WORKER_MARKER = 'gov-report-lint-worker';
/** Below this many files, starting threads costs more than it saves. */
export const WORKER_THRESHOLD = 200;

export function workerCount(files: number, env: NodeJS.ProcessEnv, script: string | null): number {
  if (!script || !/\.c?js$/.test(script)) return 0; // running from TypeScript sources (tsx): no bundle to start
  const forced = env.GOV_REPORT_LINT_JOBS;
  if (forced !== undefined && forced !== '') {
    const n = Number.parseInt(forced, 10);
    if (Number.isFinite(n) && n >= 1) return n <= 1 ? 0 : Math.min(n, 16, files);
  }
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (files <= WORKER_THRESHOLD || cores < 2) return 0;
  return Math.min(cores, 8);
}

export interface PoolCallbacks {
  /** Called once per file, in index order. */
  result(index: number, r: FileResult): void;
  /** A worker died; its files are linted in this thread instead. */
  workerFailed(detail: string): void;
}

export async function lintAll(files: readonly string[], options: LintFileOptions, workers: number, script: string | null, cb: PoolCallbacks): Promise<void> {
  if (workers < 2 || !script) {
    for (let i = 0; i < files.length; i++) cb.result(i, lintFile(files[i], options));
    return;
  }

  const done = new Map<number, FileResult>();
  let nextOut = 0;
  const deliver = (i: number, r: FileResult) => {
    done.set(i, r);
    while (done.has(nextOut)) {
      const x = done.get(nextOut)!;
      done.delete(nextOut);
      cb.result(nextOut++, x);
    }
  };

  let nextIn = 0;
  const orphans: number[] = [];
  await new Promise<void>((resolve) => {
    let alive = 0;
    const PER_WORKER = 4; // tasks in flight per worker, to hide message latency
    const startWorker = () => {
      const w = new Worker(script, { workerData: { marker: WORKER_MARKER, options } });
      const inFlight = new Set<number>();
      let finished = false;
      alive++;
      const feed = () => {
        while (inFlight.size < PER_WORKER && nextIn < files.length) {
          const i = nextIn++;
          inFlight.add(i);
          w.postMessage({ index: i, file: files[i] });
        }
        if (inFlight.size === 0) stop();
      };
      const stop = () => {
        if (finished) return;
        finished = true;
        alive--;
        void w.terminate();
        if (alive === 0) resolve();
      };
      w.on('message', (msg: { index: number; result: FileResult }) => {
        inFlight.delete(msg.index);
        deliver(msg.index, msg.result);
        feed();
      });
      w.on('error', (err) => {
        cb.workerFailed(String((err as Error)?.message ?? err));
        orphans.push(...inFlight);
        inFlight.clear();
        stop();
      });
      w.on('exit', () => {
        if (!finished) { orphans.push(...inFlight); inFlight.clear(); stop(); }
      });
      w.on('online', feed);
    };
    for (let k = 0; k < workers; k++) startWorker();
  });
  // Files a failed worker held, and any never handed out, are linted here (results still in order).
  for (const i of orphans.sort((a, b) => a - b)) deliver(i, lintFile(files[i], options));
  while (nextIn < files.length) { const i = nextIn++; deliver(i, lintFile(files[i], options)); }
}

/** The worker side: lint what the main thread sends, reply with the result. */
export function runWorker(port: import('node:worker_threads').MessagePort, options: LintFileOptions): void {
  port.on('message', (msg: { index: number; file: string }) => {
    port.postMessage({ index: msg.index, result: lintFile(msg.file, options) });
  });
}
