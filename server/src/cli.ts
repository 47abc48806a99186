// gov-report-lint: the CLI adapter. Files, encodings, output formats, exit codes and --fix live here
// (and in ./cli/*); the engine only sees text.
//
//   gov-report-lint [--format text|json] [--fix] [--fix-suggestions] [--locale zh-CN|en] FILE|DIR...
//   gov-report-lint --extract FILE
//
// Exit status: 0 no error finding, 1 an error finding, 2 usage error / unreadable or unfixable file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseArgs } from './cli/args';
import { expandArguments } from './cli/files';
import { addRenderedToTotals, ansi, jsonArrayText, newTotals, plain, problemMessage, summaryLines, useColour, type Rendered } from './cli/format';
import { readProblem } from './cli/lintFile';
import { messages, type Messages } from './cli/messages';
import { readReport } from './cli/read';
import { lintSequentially, runWorker, startPool, threadCount, worthThreads, WORKER_MARKER, WORKER_THRESHOLD, type Pool, type TaskOptions } from './cli/pool';

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
  /** The bundled script, for worker threads; null disables them. */
  script: string | null;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    const m = messages(parsed.locale);
    io.err(`gov-report-lint: ${parsed.error}\n${m.seeHelp}\n`);
    return 2;
  }
  const o = parsed.options;
  const m = messages(o.locale);
  if (o.help) { io.out(m.usage); return 0; }
  if (o.version) { io.out(m.version(version()) + '\n'); return 0; }
  if (o.extract) return extract(o.files[0], io, m);

  const c = io.colour && o.format === 'text' ? ansi : plain;
  const options: TaskOptions = {
    lint: { locale: o.locale, fix: o.fix, suggestions: o.suggestions },
    render: { format: o.format, colour: io.colour, locale: o.locale },
  };

  // Workers take a few tens of ms to boot: when threads are likely, start them before the directories are
  // walked, and stop them again if there turn out to be few files.
  const threads = threadCount(io.env, io.script);
  let pool: Pool | null = null;
  const startThreads = () => startPool(threads.count, io.script!, options);
  if (threads.count > 1 && (threads.forced || o.files.length > WORKER_THRESHOLD || o.files.some(isDirectory))) pool = startThreads();

  const targets = expandArguments(o.files);
  const totals = newTotals();
  const json: string[] = [];
  let exit = 0;

  // Targets that are not files (empty directories) are reported in their place in the order.
  const files: string[] = [];
  const slots: Array<{ emptyDirectory: string } | { fileIndex: number }> = [];
  for (const t of targets) {
    if (t.kind === 'emptyDirectory') slots.push({ emptyDirectory: t.file });
    else { slots.push({ fileIndex: files.length }); files.push(t.file); }
  }
  let slot = 0;
  const flushEmptyDirectories = () => {
    while (slot < slots.length && 'emptyDirectory' in slots[slot]) {
      const s = slots[slot++] as { emptyDirectory: string };
      io.err(`gov-report-lint: ${m.emptyDirectory(s.emptyDirectory)}\n`);
      totals.unreadable++;
      exit = 2;
    }
  };

  const onResult = (_i: number, r: Rendered) => {
    flushEmptyDirectories();
    slot++;
    if (r.err) io.err(r.err);
    if (r.exit > exit) exit = r.exit;
    addRenderedToTotals(totals, r);
    if (!r.out) return;
    if (o.format === 'json') json.push(r.out);
    else io.out(r.out);
  };

  if (worthThreads(files.length, threads)) {
    pool ??= startThreads();
    await pool.run(files, {
      result: onResult,
      workerFailed: (d) => io.err(`gov-report-lint: ${m.workerFailed(d)}\n`),
    });
  } else {
    pool?.cancel();
    await lintSequentially(files, options, { result: onResult });
  }
  flushEmptyDirectories();

  if (o.format === 'json') {
    io.out(jsonArrayText(json));
  } else {
    io.out(summaryLines(totals, m, c, o.fix).join('\n') + '\n');
  }
  return exit;
}

/** --extract: the text that the findings of FILE refer to, on standard output; 2 with the message if unreadable. */
async function extract(file: string, io: Io, m: Messages): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    io.err(`gov-report-lint: ${problemMessage(readProblem(err), file, m)}\n`);
    return 2;
  }
  const read = await readReport(file, bytes);
  if (!read.ok) {
    io.err(`gov-report-lint: ${problemMessage(read.problem, file, m)}\n`);
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
  // `gov-report-lint … | head`: a closed pipe is not an error of ours.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw err;
  });
  const script = typeof __filename === 'string' ? __filename : null;
  main(process.argv.slice(2), {
    out: (s) => { process.stdout.write(s); },
    err: (s) => { process.stderr.write(s); },
    colour: useColour(process.stdout, process.env),
    env: process.env,
    script,
  }).then(
    (code) => { process.exitCode = code; },
    (err) => {
      process.stderr.write(`gov-report-lint: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = 2;
    },
  );
}

start();
