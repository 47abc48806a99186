// gov-report-lint: the CLI adapter. Files, encodings, output formats, exit codes and --fix live here
// (and in ./cli/*); the engine only sees text.
//
//   gov-report-lint [--format text|json|summary|csv|sarif] [--fix] [--fix-suggestions] [--locale zh-CN|en]
//                   [--config FILE | --no-config] [--previous FILE] FILE|DIR...
//   gov-report-lint --extract FILE
//   gov-report-lint --print-config FILE
//
// Exit status: 0 no error finding, 1 an error finding, 2 usage error / unreadable, timed-out or unfixable file /
// output that could not be written; 128 + n after signal n (temporary files removed first).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseArgs, requestedLocale, type CliOptions } from './cli/args';
import { expandArguments, isFatal, type Target } from './cli/files';
import { addRenderedToTotals, ansi, jsonArrayText, newTotals, plain, printable, problemMessage, renderer, summaryLines, useColour, walkNoteLine } from './cli/format';
import { errorDetail, readRegularFile } from './cli/input';
import type { FileResult } from './cli/lintFile';
import { messages, type Translate } from './cli/messages';
import { startPool, type Pool } from './cli/pool';
import { fileBudgetMs, threadCount, WORKER_THRESHOLD, workersFor, type Threads } from './cli/threads';
import { lintSequentially, runWorker, WORKER_MARKER, type TaskOptions } from './cli/worker';
import { readReport } from './cli/read';
import { setCliV8Flags } from './cli/v8Flags';
import { sarifLog } from './cli/sarif';
import { compareResults, planYears, type Compared, type YearPlan } from './cli/years';
import { findConfig, loadConfig } from './config/load';
import { configErrorText } from './config/messages';
import { configExcludes, configNames, resolveSettings } from './config/resolve';
import { DEFAULT_SETTINGS, type ProjectConfig } from './config/types';
import { PART_FIVE_MIN_LENGTH, REUSE_THRESHOLD, ruleMetas, type Locale } from './engine';
import { summaryCsv, summaryRow, summaryTable } from './summary';

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
    io.err(`gov-report-lint: ${printable(parsed.error)}\n${m('seeHelp')}\n`);
    return 2;
  }
  const o = parsed.options;
  if (o.help) { io.out(messages(o.locale)('usage')); return 0; }
  if (o.version) { io.out(messages(o.locale)('version', { version: version() }) + '\n'); return 0; }
  const project = projectConfig(o, io);
  if (!project.ok) return 2;
  const { config } = project;
  // --locale wins; else the configuration's; else Chinese.
  const configLocale = config?.settings.locale;
  const locale = !o.localeGiven && configLocale && configLocale !== 'auto' ? configLocale : o.locale;
  const m = messages(locale);
  if (o.extract) return extract(o.files[0], io, m);
  const settings = { base: { ...DEFAULT_SETTINGS, locale }, config };
  if (o.printConfig) { io.out(printConfigText(o.files[0], settings, locale)); return 0; }
  return lintRun(o, { ...io, m, locale, settings });
}

/** The project configuration: --config FILE, none with --no-config, else the one found from the working directory. */
function projectConfig(o: CliOptions, io: Io): { ok: true; config: ProjectConfig | null } | { ok: false } {
  if (o.noConfig) return { ok: true, config: null };
  const file = o.config ?? findConfig(process.cwd());
  if (file === null) return { ok: true, config: null };
  const loaded = loadConfig(file);
  if (loaded.ok) return { ok: true, config: loaded.config };
  io.err(`gov-report-lint: ${printable(configErrorText(loaded.error, o.locale, file))}\n`);
  return { ok: false };
}

/** --print-config FILE: the settings FILE is checked with, every rule's setting spelled out, as JSON. */
function printConfigText(file: string, settings: TaskOptions['settings'], locale: Locale): string {
  const s = resolveSettings(settings.base, settings.config, file);
  const rules = Object.fromEntries(ruleMetas.map((r) => [r.id, s.rules[r.id] ?? r.severity]));
  const named = settings.config ? configNames(settings.config, file) : false;
  return JSON.stringify({
    file, config: settings.config?.file ?? null, named,
    settings: {
      locale: s.locale === 'auto' ? locale : s.locale, template: s.template,
      partFiveMinLength: s.partFiveMinLength ?? PART_FIVE_MIN_LENGTH, textReuseThreshold: s.textReuseThreshold ?? REUSE_THRESHOLD,
      organKind: s.organKind, rules,
    },
  }, null, 2) + '\n';
}

interface RunContext extends Io { m: Translate; locale: Locale; settings: TaskOptions['settings'] }

type Slots = (Target & { kind: 'note' } | { kind: 'file'; index: number })[];

/** Lint the files and directories given: read and lint in the pool, pair the years, then print in order. */
async function lintRun(o: CliOptions, io: RunContext): Promise<number> {
  const { m, settings } = io;
  const { options, threads, pool } = startWorkers(o, io);
  const { slots, given } = walk(o, settings);
  const plan = planYears(given, o.previous, settings.config);
  const results: FileResult[] = new Array<FileResult>(plan.files.length);
  const onResult = (i: number, r: FileResult) => { results[i] = r; };
  if (pool) await pool.run(plan.files, workersFor(plan.files.length, threads), { result: onResult }, io.signal);
  else await lintSequentially(plan.files, options, { result: onResult });
  if (io.signal?.aborted) return 2;

  const compared = compareResults(results, plan, settings, io.locale);
  for (const n of compared.notes) io.err(`gov-report-lint: ${printable(m('ambiguousPrevious', { office: n.office, year: n.year, files: someFiles(n.ids, m) }))}\n`);
  return printResults(o, io, slots, results, plan, compared);
}

/**
 * The job of every thread, and the pool: workers take a few tens of ms to boot, so they are started before the
 * directories are walked (as many as a large run needs when one is likely), and adjusted once the files are known.
 */
function startWorkers(o: CliOptions, io: RunContext): { options: TaskOptions; threads: Threads; pool: Pool | null } {
  const { settings } = io;
  const threads = threadCount(io.env, io.script);
  const facts = o.files.length > 1 || o.previous !== null || o.files.some(isDirectory) || (settings.config?.pairs.length ?? 0) > 0 || o.format === 'summary' || o.format === 'csv';
  const options: TaskOptions = {
    lint: { locale: io.locale, fix: o.fix, suggestions: o.suggestions, facts, keepFixes: o.format === 'sarif' },
    settings,
    threads: Math.max(1, threads.count),
  };
  const likelyMany = o.files.length > WORKER_THRESHOLD || o.files.some(isDirectory);
  const pool = threads.count > 0 ? startPool(threads.forced || likelyMany ? threads.count : 1, io.script!, options, fileBudgetMs(io.env)) : null;
  return { options, threads, pool };
}

/** The files to lint (without those the configuration excludes from a walk), and the walk's notes in their place. */
function walk(o: CliOptions, settings: TaskOptions['settings']): { slots: Slots; given: string[] } {
  const targets = expandArguments(o.files).filter((t) => !(t.kind === 'file' && t.walked && settings.config && configExcludes(settings.config, t.file)));
  const given: string[] = [];
  const slots: Slots = [];
  for (const t of targets) {
    if (t.kind === 'note') slots.push(t);
    else { slots.push({ kind: 'file', index: given.length }); given.push(t.file); }
  }
  return { slots, given };
}

/** Print in argument order: walk notes and each file's lines (text, json) or one table or log at the end. */
/** The files of one office and year named in a note: the first few, then how many (a folder may hold hundreds). */
const FILES_NAMED = 3;
function someFiles(files: readonly string[], m: Translate): string {
  const named = files.slice(0, FILES_NAMED).join(m('count.sep'));
  return files.length > FILES_NAMED ? m('ambiguousPrevious.more', { files: named, n: files.length, more: files.length - FILES_NAMED }) : named;
}

function printResults(o: CliOptions, io: RunContext, slots: Slots, results: FileResult[], plan: YearPlan, compared: Compared): number {
  const { m } = io;
  const c = io.colour && o.format === 'text' ? ansi : plain;
  const render = renderer({ format: o.format, colour: io.colour, locale: io.locale });
  const totals = newTotals();
  const json: string[] = [];
  let exit = 0;
  for (const s of slots) {
    if (s.kind === 'note') {
      io.err(walkNoteLine(s.note, s.file, m));
      if (isFatal(s.note)) { totals.unreadable++; exit = 2; }
      continue;
    }
    const r = render(results[s.index]);
    if (r.err) io.err(r.err);
    if (r.exit > exit) exit = r.exit;
    addRenderedToTotals(totals, r);
    if (r.out && o.format === 'json') json.push(r.out);
    else if (r.out) io.out(r.out);
  }
  // Last year's reports read only to compare with: their problems are told (the user named them), not their findings.
  for (let j = plan.visible; j < plan.files.length; j++) {
    const r = render(results[j]);
    if (r.err) io.err(r.err);
    if (!results[j].linted) { io.err(`gov-report-lint: ${printable(m('previousUnreadable', { file: results[j].file }))}\n`); exit = 2; }
  }
  const shown = results.slice(0, plan.visible);
  const previousOf = (i: number) => (compared.previous.has(i) ? path.basename(results[compared.previous.get(i)!].file) : null);
  if (o.format === 'json') io.out(jsonArrayText(json));
  else if (o.format === 'text') io.out(summaryLines(totals, m, c, o.fix).join('\n') + '\n');
  else if (o.format === 'sarif') io.out(JSON.stringify(sarifLog(shown, sarifOptions(io)), null, 2) + '\n');
  else {
    const rows = shown.map((r, i) => summaryRow({ ...r, previous: previousOf(i) }));
    io.out(o.format === 'csv' ? summaryCsv(rows, io.locale) : summaryTable(rows, io.locale));
  }
  return exit;
}

function sarifOptions(io: RunContext): Parameters<typeof sarifLog>[1] {
  const docs = path.resolve(__dirname, '..', '..', 'docs', 'rules');
  return {
    locale: io.locale, version: version(), root: process.cwd(), docsDir: fs.existsSync(docs) ? docs : null,
    problemText: (r) => r.problems.map((p) => problemMessage(p, printable(r.file), io.m)),
  };
}

/** --extract: the text that the findings of FILE refer to, on standard output; 2 with the message if unreadable. */
async function extract(file: string, io: Io, m: Translate): Promise<number> {
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
  // Imported (tests, other tools): do not run. Run by the command (cli.js, which compiled this bundle with its
  // code cache), `module` is the command's.
  if (require.main !== module) return;
  setCliV8Flags();
  const argv = process.argv.slice(2);
  const m = messages(requestedLocale(argv));
  const fixing = argv.some((a) => a === '--fix' || a === '--fix-suggestions');
  const stop = new AbortController();
  const signals = stopOnSignals(stop, m);
  const output = guardOutput(stop, m, fixing);
  main(argv, {
    out: output.write(process.stdout),
    err: output.write(process.stderr),
    colour: useColour(process.stdout, process.env),
    env: process.env,
    // Workers start from the script that started this thread: the command (with its code cache), or this bundle.
    script: require.main?.filename ?? null,
    signal: stop.signal,
  }).then(
    (code) => {
      if (signals.exit !== null) process.exit(signals.exit);
      process.exitCode = output.failed ? 2 : code;
      if (output.failed && !fixing) process.exit(2);
    },
    (err: unknown) => {
      process.stderr.write(`gov-report-lint: ${(err as Partial<Error> | undefined)?.stack ?? String(err)}\n`);
      process.exitCode = 2;
    },
  );
}

/** SIGHUP, SIGINT, SIGTERM stop the run (its temporary files are removed); `exit` is then the status to end with. */
function stopOnSignals(stop: AbortController, m: Translate): { exit: number | null } {
  const state: { exit: number | null } = { exit: null };
  for (const [sig, code] of Object.entries(SIGNAL_EXIT)) {
    process.on(sig, () => {
      if (state.exit !== null) return; // cleaning up already
      state.exit = code;
      try { fs.writeSync(2, `gov-report-lint: ${m('interrupted', { signal: sig })}\n`); } catch { /* stderr gone */ }
      stop.abort();
    });
  }
  return state;
}

/**
 * Output that cannot be written (a closed pipe, a full disk) makes the result unknown to the caller: exit 2.
 * Without --fix the run stops at once; with it, the files are finished (each fixed whole or left alone).
 */
function guardOutput(stop: AbortController, m: Translate, fixing: boolean) {
  const state = {
    failed: false,
    write: (stream: NodeJS.WriteStream) => (s: string) => {
      if (state.failed) return;
      try { stream.write(s); } catch (err) { failed(err); } // a file or device on stdout is written synchronously
    },
  };
  const failed = (err: unknown) => {
    if (state.failed) return;
    state.failed = true;
    process.exitCode = 2; // errors of asynchronous writes can come after main() returned
    if ((err as NodeJS.ErrnoException)?.code !== 'EPIPE') {
      try { fs.writeSync(2, `gov-report-lint: ${m('outputFailed', { detail: errorDetail(err) })}\n`); } catch { /* stderr gone too */ }
    }
    if (!fixing) stop.abort();
  };
  process.stdout.on('error', failed);
  process.stderr.on('error', failed);
  return state;
}

/** Exit status after a signal: 128 + its number, as a shell reports a process killed by it. */
const SIGNAL_EXIT: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

start();
