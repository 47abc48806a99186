// How many threads a run uses, and how long each file may take.
import * as os from 'node:os';
import { DEFAULT_FILE_SECONDS } from './limits';

/**
 * Up to this many files, one worker is faster. Each thread pays V8's warm-up (the engine's first few hundred
 * files run while TurboFan compiles it, on the other cores); a second thread doubles that compile work and
 * only pays off once it has enough files to itself (measured on 2 cores: 200 and 500 files are faster in
 * one thread, 1,000 faster in two; see docs/performance.md).
 */
export const WORKER_THRESHOLD = 500;
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
