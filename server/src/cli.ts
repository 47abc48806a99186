// gov-report-lint: the CLI adapter. Files, encodings, output formats, exit codes and --fix live here
// (and in ./cli/*); the engine only sees text.
//
//   gov-report-lint [--format text|json] [--fix] [--fix-suggestions] [--locale zh-CN|en] FILE|DIR...
//
// Exit status: 0 no error finding, 1 an error finding, 2 usage error / unreadable or unfixable file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseArgs } from './cli/args';
import { expandArguments } from './cli/files';
import { addToTotals, ansi, jsonEntry, newTotals, plain, problemMessage, summaryLines, textLines, useColour, type JsonFileEntry } from './cli/format';
import { exitCodeOf, type FileResult } from './cli/lintFile';
import { encodingName, messages } from './cli/messages';
import { lintAll, runWorker, workerCount, WORKER_MARKER } from './cli/pool';

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

  const c = io.colour && o.format === 'text' ? ansi : plain;
  const targets = expandArguments(o.files);
  const totals = newTotals();
  const json: JsonFileEntry[] = [];
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

  const onResult = (_i: number, r: FileResult) => {
    flushEmptyDirectories();
    slot++;
    if (r.encoding && r.encoding !== 'utf-8' && r.encoding !== 'utf-8-bom') io.err(m.assumedEncoding(r.file, encodingName(r.encoding)) + '\n');
    for (const p of r.problems) io.err(`gov-report-lint: ${problemMessage(p, r.file, m)}\n`);
    exit = Math.max(exit, exitCodeOf(r));
    addToTotals(totals, r);
    if (!r.linted) return;
    if (o.format === 'json') { json.push(jsonEntry(r)); return; }
    const lines = textLines(r, c);
    if (r.written) lines.push(c.bold(m.fixed(r.file, r.fixesApplied)));
    if (lines.length) io.out(lines.join('\n') + '\n');
  };

  const workers = workerCount(files.length, io.env, io.script);
  await lintAll(files, { locale: o.locale, fix: o.fix, suggestions: o.suggestions }, workers, io.script, {
    result: onResult,
    workerFailed: (d) => io.err(`gov-report-lint: ${m.workerFailed(d)}\n`),
  });
  flushEmptyDirectories();

  if (o.format === 'json') {
    io.out(JSON.stringify(json, null, 2) + '\n');
  } else {
    io.out(summaryLines(totals, m, c, o.fix).join('\n') + '\n');
  }
  return exit;
}

function start(): void {
  if (!isMainThread) {
    const data = workerData as { marker?: string; options?: import('./cli/lintFile').LintFileOptions } | undefined;
    if (data?.marker === WORKER_MARKER && parentPort && data.options) runWorker(parentPort, data.options);
    return;
  }
  if (require.main !== module) return; // imported (tests, other tools): do not run
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
