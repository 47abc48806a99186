// gov-report-lint: the CLI adapter. Files, encodings, output formats, exit codes and --fix live here
// (and in ./cli/*); the engine only sees text.
//
//   gov-report-lint [--format text|json] [--fix] [--fix-suggestions] [--locale zh-CN|en] FILE|DIR...
//   gov-report-lint --extract FILE
//
// Exit status: 0 no error finding, 1 an error finding, 2 usage error / unreadable, timed-out or unfixable file /
// output that could not be written; 128 + n after signal n (temporary files removed first).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseArgs, requestedLocale } from './cli/args';
import { expandArguments, isFatal, type Target } from './cli/files';
import { addRenderedToTotals, ansi, jsonArrayText, newTotals, plain, printable, problemMessage, summaryLines, useColour, walkNoteLine, type Rendered } from './cli/format';
import { errorDetail, readRegularFile } from './cli/input';
import { messages, type Messages } from './cli/messages';
import { fileBudgetMs, lintSequentially, runWorker, startPool, threadCount, WORKER_MARKER, WORKER_THRESHOLD, workersFor, type Pool, type TaskOptions } from './cli/pool';
import { readReport } from './cli/read';

export { lintFile } from './cli/lintFile';
export type { FileResult, LintFileOptions } from './cli/lintFile';

function version(): string {
  for (const p of [path.resolve(__dirname, '../../package.json'), path.resolve(__dirname, '../package.json')]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'gov-report' && pkg.version) return pkg.version;
    } catch { /* try the next */ }
  }
  return 'unknown';
}

export interface Io {
  out(s: string): void;
  err(s: string): void;
  colour: boolean;
  env: NodeJS.ProcessEnv;
  /** The bundled script, for worker threads; null lints in this thread. */
  script: string | null;
  /** Aborted on a signal or a failed output: the run stops, its temporary files are removed. */
  signal?: AbortSignal;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    const m = messages(parsed.locale);
    io.err(`gov-report-lint: ${printable(parsed.error)}\n${m.seeHelp}\n`);
    return 2;
  }
  const o = parsed.options;
  const m = messages(o.locale);
  if (o.help) { io.out(m.usage); return 0; }
  if (o.version) { io.out(m.version(version()) + '\n'); return 0; }
  if (o.extract) return extract(o.files[0], io, m);

  const c = io.colour && o.format === 'text' ? ansi : plain;
  // Workers take a few tens of ms to boot: start them before the directories are walked (as many as a large
  // run needs when one is likely), and adjust once the number of files is known.
  const threads = threadCount(io.env, io.script);
  const options: TaskOptions = {
    lint: { locale: o.locale, fix: o.fix, suggestions: o.suggestions },
    render: { format: o.format, colour: io.colour, locale: o.locale },
    threads: Math.max(1, threads.count),
  };
  const likelyMany = o.files.length > WORKER_THRESHOLD || o.files.some(isDirectory);
  const pool: Pool | null = threads.count > 0
    ? startPool(threads.forced || likelyMany ? threads.count : 1, io.script!, options, fileBudgetMs(io.env))
    : null;

  const targets = expandArguments(o.files);
  const totals = newTotals();
  const json: string[] = [];
  let exit = 0;

  // Notes of the walk (empty or unreadable directories, links) are printed in their place in the order.
  const files: string[] = [];
  const slots: Array<Target & { kind: 'note' } | { kind: 'file'; index: number }> = [];
  for (const t of targets) {
    if (t.kind === 'note') slots.push(t);
    else { slots.push({ kind: 'file', index: files.length }); files.push(t.file); }
  }
  let slot = 0;
  const flushNotes = () => {
    for (; slot < slots.length; slot++) {
      const s = slots[slot];
      if (s.kind === 'file') return;
      io.err(walkNoteLine(s.note, s.file, m));
      if (isFatal(s.note)) { totals.unreadable++; exit = 2; }
    }
  };

  const onResult = (_i: number, r: Rendered) => {
    flushNotes();
    slot++;
    if (r.err) io.err(r.err);
    if (r.exit > exit) exit = r.exit;
    addRenderedToTotals(totals, r);
    if (!r.out) return;
    if (o.format === 'json') json.push(r.out);
    else io.out(r.out);
  };

  if (pool) await pool.run(files, workersFor(files.length, threads), { result: onResult }, io.signal);
  else await lintSequentially(files, options, { result: onResult });
  if (io.signal?.aborted) return 2;
  flushNotes();

  if (o.format === 'json') {
    io.out(jsonArrayText(json));
  } else {
    io.out(summaryLines(totals, m, c, o.fix).join('\n') + '\n');
  }
  return exit;
}

/** --extract: the text that the findings of FILE refer to, on standard output; 2 with the message if unreadable. */
async function extract(file: string, io: Io, m: Messages): Promise<number> {
  const input = readRegularFile(file);
  const read = input.ok ? await readReport(file, input.bytes) : input;
  if (!read.ok) {
    io.err(`gov-report-lint: ${problemMessage(read.problem, printable(file), m)}\n`);
    return 2;
  }
  io.out(read.text.endsWith('\n') || read.text === '' ? read.text : `${read.text}\n`);
  return 0;
}

function isDirectory(p: string): boolean {
  try { return fs.statSync(p).isDirectory(); } catch { return false; }
}

function start(): void {
  if (!isMainThread) {
    const data = workerData as Parameters<typeof runWorker>[1] | undefined;
    if (data?.marker === WORKER_MARKER && parentPort && data.options) runWorker(parentPort, data);
    return;
  }
  if (require.main !== module) return; // imported (tests, other tools): do not run
  // A run is short: most of a thread's time goes to its first few hundred files, while V8 is still compiling
  // the engine. A smaller TurboFan inlining budget compiles sooner and with less work, so a run of a few
  // hundred files is ≈ 25 % faster (and the compiler threads leave more of the other cores to the workers).
  // V8 flags are per process: the workers started below get it too. See docs/performance.md.
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');
  const argv = process.argv.slice(2);
  const m = messages(requestedLocale(argv));
  const fixing = argv.some((a) => a === '--fix' || a === '--fix-suggestions');
  const stop = new AbortController();
  /** Set by a signal: the run stops, temporary files are removed, and this is the exit status. */
  let signalExit: number | null = null;
  for (const [sig, code] of Object.entries(SIGNAL_EXIT)) {
    process.on(sig, () => {
      if (signalExit !== null) return; // cleaning up already
      signalExit = code;
      try { fs.writeSync(2, `gov-report-lint: ${m.interrupted(sig)}\n`); } catch { /* stderr gone */ }
      stop.abort();
    });
  }
  // Output that cannot be written (a closed pipe, a full disk) makes the result unknown to the caller: exit 2.
  // Without --fix the run stops at once; with it, the files are finished (each fixed whole or left alone).
  let outputFailed = false;
  const outputError = (err: unknown) => {
    if (outputFailed) return;
    outputFailed = true;
    process.exitCode = 2; // errors of asynchronous writes can come after main() returned
    if ((err as NodeJS.ErrnoException)?.code !== 'EPIPE') {
      try { fs.writeSync(2, `gov-report-lint: ${m.outputFailed(errorDetail(err))}\n`); } catch { /* stderr gone too */ }
    }
    if (!fixing) stop.abort();
  };
  process.stdout.on('error', outputError);
  process.stderr.on('error', outputError);
  const write = (stream: NodeJS.WriteStream) => (s: string) => {
    if (outputFailed) return;
    try { stream.write(s); } catch (err) { outputError(err); } // a file or device on stdout is written synchronously
  };
  const script = typeof __filename === 'string' ? __filename : null;
  main(argv, {
    out: write(process.stdout),
    err: write(process.stderr),
    colour: useColour(process.stdout, process.env),
    env: process.env,
    script,
    signal: stop.signal,
  }).then(
    (code) => {
      if (signalExit !== null) process.exit(signalExit);
      process.exitCode = outputFailed ? 2 : code;
      if (outputFailed && !fixing) process.exit(2);
    },
    (err) => {
      process.stderr.write(`gov-report-lint: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = 2;
    },
  );
}

/** Exit status after a signal: 128 + its number, as a shell reports a process killed by it. */
const SIGNAL_EXIT: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

start();
