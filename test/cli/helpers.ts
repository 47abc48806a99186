// Shared helpers of the CLI tests: build the bundle when it is stale, spawn it, find the corpus.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBundle } from '../support/build';
import { corpusDir, repoRoot, requireCorpus } from '../support/paths';

export { corpusDir, repoRoot };
export const CLI = path.join(repoRoot, 'server/out/cli.js');
export const fixturesDir = path.join(repoRoot, 'test/fixtures/cli');

/** Build server/out/cli.js with scripts/build.mjs when it is missing or older than server/src. */
export function ensureBuilt(): void {
  ensureBundle(CLI);
}

export interface Run { status: number | null; stdout: string; stderr: string }

export function run(args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GOV_REPORT_LINT_JOBS: '', ...opts.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface JsonDiagnostic {
  rule: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  related?: { range: JsonDiagnostic['range']; message: string }[];
}
export interface JsonEntry { file: string; template: 'T2019' | 'T2021' | null; diagnostics: JsonDiagnostic[] }

export function runJson(args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { run: Run; entries: JsonEntry[] } {
  const r = run(['--format', 'json', ...args], opts);
  return { run: r, entries: jsonOf(r) };
}

/** The entries of a run with --format json; an error that shows the output when it is not one JSON value. */
export function jsonOf(r: Run): JsonEntry[] {
  try {
    return JSON.parse(r.stdout) as JsonEntry[];
  } catch (err) {
    throw new Error(`stdout is not one JSON value (${(err as Error).message}); status ${r.status}; stderr: ${r.stderr}\nstdout: ${r.stdout.slice(0, 2000)}`);
  }
}

export { requireCorpus };

export function corpusFile(prefix: string): string {
  const name = fs.readdirSync(corpusDir).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!name) throw new Error(`corpus file ${prefix}* not found in ${corpusDir}`);
  return path.join(corpusDir, name);
}

/** Copy a report to a writable file (the shared corpus is read-only, and --fix refuses read-only files). */
export function copyReport(from: string, to: string): void {
  fs.copyFileSync(from, to);
  fs.chmodSync(to, 0o644);
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gov-report-cli-'));
}

export function hasIconv(): boolean {
  if (!fs.existsSync('/usr/bin/iconv')) return false;
  try {
    execFileSync('/usr/bin/iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: '你好' });
    return true;
  } catch {
    return false;
  }
}

export function toGb18030(text: string): Buffer {
  return execFileSync('/usr/bin/iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: Buffer.from(text, 'utf8') });
}

/** Diagnostics without the file name, for comparing runs over differently encoded copies. */
export function strip(e: JsonEntry): Omit<JsonEntry, 'file'> {
  return { template: e.template, diagnostics: e.diagnostics };
}
