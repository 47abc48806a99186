// One file in, one result out: read, decode, lint, optionally fix and write back. No printing and no
// locale-dependent text of its own (problems are codes), so it runs the same in the main thread or a worker.
import { fixAll, lint, mapFactRanges } from '../engine';
import type { Finding, Fix, LintOptions, Locale, Range, RelatedLocation, Severity, TemplateId, YearFacts } from '../engine/types';
import { sourceRanges } from '../formats/source';
import type { Extracted, FormatErrorCode, FormatKind } from '../formats/types';
import { canEncode, decode, encode, lineEnds, toCrlf, type EncodingId } from './encoding';
import { readRegularFile, sha256, type ReadProblem } from './input';
import { readReport } from './read';
import { replaceFile, type Original, type WriteProblem } from './write';

export interface LintFileOptions {
  locale: Locale;
  /** Apply fixes and write the file in place. */
  fix: boolean;
  /** With fix: apply suggestions too. */
  suggestions: boolean;
  /** The engine's options for this file (rules, template, rule options: the project configuration's). */
  lint?: LintOptions;
  /** Return the report's YearFacts (to pair it with last year's report of its office). */
  facts?: boolean;
  /** Keep each finding's fixes (SARIF prints them). */
  keepFixes?: boolean;
}

export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Last year's cell (year-against-year rules), repeated passages: where the finding points to as well. */
  related?: RelatedLocation[];
  fixes?: Fix[];
}

/** A problem of the CLI with the file (not a finding of the report). Every one makes the exit status 2. */
export type FileProblem =
  | ReadProblem
  | WriteProblem
  | { code: 'binary' | 'invalidText' }
  | { code: 'engineFailed'; detail: string }
  | { code: 'invalidUtf16' | 'fixRoundTrip'; encoding: EncodingId }
  | { code: 'fixUnsupportedEncoding'; encoding: EncodingId; available: number }
  | { code: 'unreadableDocument'; format: FormatKind; error: FormatErrorCode; detail: string }
  /** --fix on a published document (web page, Word, PDF): fixes were available, but it is never rewritten. */
  | { code: 'fixDocument'; format: FormatKind; available: number }
  /** Set by the thread pool: the file's thread ran out of time or died. */
  | { code: 'timeout'; seconds: number }
  | { code: 'workerDied'; detail: string };

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
  /** With LintFileOptions.facts: what the year-against-year rules compare (ranges in the file's own terms). */
  facts: YearFacts | null;
  /** Fixes applied and written (0 without --fix, or when nothing could be written). */
  fixesApplied: number;
  written: boolean;
  problems: FileProblem[];
}

export function toDiagnostics(findings: readonly Finding[], keepFixes = false): Diagnostic[] {
  const out: Diagnostic[] = new Array<Diagnostic>(findings.length);
  let sorted = true;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    out[i] = { rule: f.rule, severity: f.severity, message: f.message, range: f.range };
    if (f.related) out[i].related = f.related;
    if (keepFixes && f.fixes.length) out[i].fixes = f.fixes;
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

export function unlinted(file: string, problem: FileProblem, encoding: EncodingId | null = null): FileResult {
  return { file, linted: false, encoding, document: null, template: null, diagnostics: [], facts: null, fixesApplied: 0, written: false, problems: [problem] };
}

export async function lintFile(file: string, options: LintFileOptions): Promise<FileResult> {
  try {
    return await lintFileUnguarded(file, options);
  } catch (err) {
    // The engine promises never to throw; if it does, one bad file must not stop a run over thousands.
    const e = err as Partial<Error> | undefined;
    return unlinted(file, { code: 'engineFailed', detail: String(e?.stack?.split('\n').slice(0, 2).join(' ') ?? e?.message ?? err) });
  }
}

async function lintFileUnguarded(file: string, options: LintFileOptions): Promise<FileResult> {
  const input = readRegularFile(file);
  if (!input.ok) return unlinted(file, input.problem);
  const { bytes, stat } = input;
  // With --fix, what was read is remembered as a hash: the bytes themselves need not stay in memory.
  const original: Original | null = options.fix ? { stat, sha256: sha256(bytes) } : null;

  const read = await readReport(file, bytes);
  if (!read.ok) return unlinted(file, read.problem, read.encoding);
  if (read.document) return lintDocument(file, read.document, options);
  return lintText(file, read.text, read.encoding!, options, original);
}

/**
 * Lint a published document's text. It is never written back (--fix says so when fixes were available); a web
 * page's findings are moved to where their text is in the page.
 */
function lintDocument(file: string, doc: Extracted, options: LintFileOptions): FileResult {
  const lintOptions = { ...engineOptions(options), tableFields: doc.tableFields };
  const r = lint(doc.text, lintOptions);
  const toPage = sourceRanges(doc);
  const findings = toPage ? r.findings.map((f) => ({ ...f, range: toPage(f.range), ...(f.related ? { related: f.related.map((x) => ({ ...x, range: toPage(x.range) })) } : {}) })) : r.findings;
  const facts = r.facts && toPage ? mapFactRanges(r.facts, toPage) : r.facts ?? null;
  // A document's fixes refer to its extracted text, not to the file: none is offered for it.
  const result: FileResult = {
    file, linted: true, encoding: null, document: { format: doc.kind, encoding: doc.encoding }, template: r.report.template,
    diagnostics: toDiagnostics(findings), facts, fixesApplied: 0, written: false, problems: [],
  };
  if (options.fix) {
    const available = fixAll(doc.text, lint, { ...lintOptions, suggestions: options.suggestions }).applied;
    if (available > 0) result.problems.push({ code: 'fixDocument', format: doc.kind, available });
  }
  return result;
}

/** Lint decoded text; with --fix, write it back over `file` only if the file is still the `original` that was read. */
function lintText(file: string, text: string, encoding: EncodingId, options: LintFileOptions, original: Original | null): FileResult {
  const lintOptions = engineOptions(options);
  const result: FileResult = {
    file, linted: true, encoding, document: null, template: null, diagnostics: [], facts: null, fixesApplied: 0, written: false, problems: [],
  };
  const take = (r: ReturnType<typeof lint>) => {
    result.template = r.report.template;
    result.diagnostics = toDiagnostics(r.findings, options.keepFixes);
    result.facts = r.facts ?? null;
  };

  if (!options.fix || !original) {
    take(lint(text, lintOptions));
    return result;
  }

  const fixed = fixAll(text, lint, { ...lintOptions, suggestions: options.suggestions });
  if (fixed.applied === 0 || fixed.text === text) {
    take(fixed.result);
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
    take(lint(text, lintOptions));
    result.problems.push(problem);
    return result;
  };

  if (!canEncode(encoding)) return keepOriginal({ code: 'fixUnsupportedEncoding', encoding, available: fixed.applied });
  const out = encode(newText, encoding);
  const check = decode(out);
  if (!check.ok || check.text !== newText) return keepOriginal({ code: 'fixRoundTrip', encoding });

  const written = replaceFile(file, out, original);
  if (written) return keepOriginal(written);

  take(final);
  result.fixesApplied = fixed.applied;
  result.written = true;
  return result;
}

/** The engine's options for a file: the configuration's (rules, template…), the run's locale, facts if asked. */
function engineOptions(o: LintFileOptions): LintOptions {
  return { ...o.lint, locale: o.locale, ...(o.facts ? { facts: true } : {}) };
}

/** Exit status contribution of one file: 2 for a CLI problem, 1 for an error finding, else 0. */
export function exitCodeOf(r: FileResult): 0 | 1 | 2 {
  if (r.problems.length > 0) return 2;
  return r.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
