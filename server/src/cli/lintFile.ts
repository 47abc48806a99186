// One file in, one result out: read, decode, lint, optionally fix and write back. No printing and no
// locale-dependent text of its own (problems are codes), so it runs the same in the main thread or a worker.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll, lint } from '../engine';
import type { Finding, LintOptions, Locale, Range, Severity, TemplateId } from '../engine/types';
import { sourceRanges } from '../formats/source';
import type { Extracted, FormatErrorCode, FormatKind } from '../formats/types';
import { canEncode, decode, encode, lineEnds, toCrlf, type EncodingId } from './encoding';
import { readReport } from './read';

export interface LintFileOptions {
  locale: Locale;
  /** Apply fixes and write the file in place. */
  fix: boolean;
  /** With fix: apply suggestions too. */
  suggestions: boolean;
}

export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
}

/** A problem of the CLI with the file (not a finding of the report). `fatal` ones make the exit status 2. */
export type FileProblem =
  | { code: 'notFound' | 'permission' | 'isDirectory' | 'notRegular' | 'binary' | 'invalidText' | 'fixChanged' }
  | { code: 'readFailed' | 'fixWriteFailed' | 'engineFailed'; detail: string }
  | { code: 'invalidUtf16' | 'fixRoundTrip'; encoding: EncodingId }
  | { code: 'fixUnsupportedEncoding'; encoding: EncodingId; available: number }
  | { code: 'unreadableDocument'; format: FormatKind; error: FormatErrorCode; detail: string }
  | { code: 'fixReadOnly'; format: FormatKind; available: number };

export interface FileResult {
  /** The path as given (or as found under a directory argument). */
  file: string;
  /** False when the file could not be linted at all; then diagnostics is empty. */
  linted: boolean;
  encoding: EncodingId | null;
  /** A published document read through its reader (findings of a web page point into the page itself). */
  document: { format: FormatKind; encoding: string | null } | null;
  template: TemplateId | null;
  diagnostics: Diagnostic[];
  /** Fixes applied and written (0 without --fix, or when nothing could be written). */
  fixesApplied: number;
  written: boolean;
  problems: FileProblem[];
}

function toDiagnostics(findings: readonly Finding[]): Diagnostic[] {
  const out: Diagnostic[] = new Array(findings.length);
  let sorted = true;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    out[i] = { rule: f.rule, severity: f.severity, message: f.message, range: f.range };
    if (i > 0) {
      const a = findings[i - 1].range.start;
      const b = f.range.start;
      if (b.line < a.line || (b.line === a.line && b.character < a.character)) sorted = false;
    }
  }
  // Text and JSON output list a file's findings top to bottom. The engine already returns them in that
  // order; sort (stably) only if it ever does not.
  if (sorted) return out;
  return out
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.range.start.line - b.d.range.start.line || a.d.range.start.character - b.d.range.start.character || a.i - b.i)
    .map((x) => x.d);
}

function empty(file: string, problem: FileProblem, encoding: EncodingId | null = null): FileResult {
  return { file, linted: false, encoding, document: null, template: null, diagnostics: [], fixesApplied: 0, written: false, problems: [problem] };
}

export function readProblem(err: unknown): FileProblem {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { code: 'notFound' };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'permission' };
  if (code === 'EISDIR') return { code: 'isDirectory' };
  return { code: 'readFailed', detail: code ?? String((err as Error)?.message ?? err) };
}

export async function lintFile(file: string, options: LintFileOptions): Promise<FileResult> {
  try {
    return await lintFileUnguarded(file, options);
  } catch (err) {
    // The engine promises never to throw; if it does, one bad file must not stop a run over thousands.
    const e = err as Error;
    return empty(file, { code: 'engineFailed', detail: String(e?.stack?.split('\n').slice(0, 2).join(' ') ?? e?.message ?? err) });
  }
}

async function lintFileUnguarded(file: string, options: LintFileOptions): Promise<FileResult> {
  let bytes: Buffer;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
    if (stat.isDirectory()) return empty(file, { code: 'isDirectory' });
    if (!stat.isFile()) return empty(file, { code: 'notRegular' });
    bytes = fs.readFileSync(file);
  } catch (err) {
    return empty(file, readProblem(err));
  }

  const read = await readReport(file, bytes);
  if (!read.ok) return empty(file, read.problem, read.encoding);
  if (read.document) return lintDocument(file, read.document, options);
  return lintText(file, read.text, read.encoding!, options, stat, bytes);
}

/**
 * Lint a published document's text. It is never written back (--fix says so when fixes were available); a web
 * page's findings are moved to where their text is in the page.
 */
function lintDocument(file: string, doc: Extracted, options: LintFileOptions): FileResult {
  const r = lint(doc.text, { locale: options.locale });
  const toPage = sourceRanges(doc);
  const findings = toPage ? r.findings.map((f) => ({ ...f, range: toPage(f.range) })) : r.findings;
  const result: FileResult = {
    file, linted: true, encoding: null, document: { format: doc.kind, encoding: doc.encoding }, template: r.report.template,
    diagnostics: toDiagnostics(findings), fixesApplied: 0, written: false, problems: [],
  };
  if (options.fix) {
    const available = fixAll(doc.text, lint, { locale: options.locale, suggestions: options.suggestions }).applied;
    if (available > 0) result.problems.push({ code: 'fixReadOnly', format: doc.kind, available });
  }
  return result;
}

/** Lint decoded text; with --fix, write it back over `file` only if the file still holds `bytes` as read at `stat`. */
function lintText(file: string, text: string, encoding: EncodingId, options: LintFileOptions, stat: fs.Stats, bytes: Buffer): FileResult {
  const lintOptions: LintOptions = { locale: options.locale };
  const result: FileResult = {
    file, linted: true, encoding, document: null, template: null, diagnostics: [], fixesApplied: 0, written: false, problems: [],
  };

  if (!options.fix) {
    const r = lint(text, lintOptions);
    result.template = r.report.template;
    result.diagnostics = toDiagnostics(r.findings);
    return result;
  }

  const fixed = fixAll(text, lint, { ...lintOptions, suggestions: options.suggestions });
  if (fixed.applied === 0 || fixed.text === text) {
    result.template = fixed.result.report.template;
    result.diagnostics = toDiagnostics(fixed.result.findings);
    return result;
  }

  // Keep the file's line ends: a fix that inserts "\n" into a CRLF file gets "\r\n".
  let newText = fixed.text;
  let final = fixed.result;
  if (lineEnds(text) === 'crlf' && lineEnds(newText) !== 'crlf') {
    newText = toCrlf(newText);
    final = lint(newText, lintOptions);
  }

  const keepOriginal = (problem: FileProblem): FileResult => {
    const r = lint(text, lintOptions);
    result.template = r.report.template;
    result.diagnostics = toDiagnostics(r.findings);
    result.problems.push(problem);
    return result;
  };

  if (!canEncode(encoding)) return keepOriginal({ code: 'fixUnsupportedEncoding', encoding, available: fixed.applied });
  const out = encode(newText, encoding);
  const check = decode(out);
  if (!check.ok || check.text !== newText) return keepOriginal({ code: 'fixRoundTrip', encoding });

  const written = writeAtomically(file, out, stat, bytes);
  if (written) return keepOriginal(written);

  result.template = final.report.template;
  result.diagnostics = toDiagnostics(final.findings);
  result.fixesApplied = fixed.applied;
  result.written = true;
  return result;
}

/**
 * Write `data` over `file` without ever leaving it half-written: a temporary file in the same directory,
 * flushed, then renamed over the original (through a symlink, onto its target). Refuses when the file
 * changed since it was read. Returns a problem, or null on success.
 */
function writeAtomically(file: string, data: Buffer, before: fs.Stats, original: Buffer): FileProblem | null {
  let target: string;
  try {
    target = fs.realpathSync(file);
  } catch (err) {
    return { code: 'fixWriteFailed', detail: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, 'wx', before.mode & 0o7777);
    fs.writeSync(fd, data, 0, data.length, 0);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    try { fs.chmodSync(tmp, before.mode & 0o7777); } catch { /* best effort (umask) */ }
    // Last check before replacing: the file on disk must still be the one we read.
    const now = fs.statSync(target);
    if (now.size !== before.size || now.mtimeMs !== before.mtimeMs || !fs.readFileSync(target).equals(original)) {
      fs.unlinkSync(tmp);
      return { code: 'fixChanged' };
    }
    fs.renameSync(tmp, target);
    return null;
  } catch (err) {
    if (fd !== null) try { fs.closeSync(fd); } catch { /* ignore */ }
    try { fs.unlinkSync(tmp); } catch { /* not created */ }
    return { code: 'fixWriteFailed', detail: (err as NodeJS.ErrnoException).code ?? String((err as Error).message ?? err) };
  }
}

/** Exit status contribution of one file: 2 for a CLI problem, 1 for an error finding, else 0. */
export function exitCodeOf(r: FileResult): 0 | 1 | 2 {
  if (r.problems.length > 0) return 2;
  return r.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
