// Output: the JSON shape other tools depend on, and the text format (file:line:col  severity  message  rule).
import type { Locale, Severity } from '../engine/types';
import type { WalkNote } from './files';
import { exitCodeOf, type Diagnostic, type FileProblem, type FileResult } from './lintFile';
import { documentProblem, formatName } from '../formats/messages';
import { encodingName, megabytes, messages, type Translate } from './messages';

export interface JsonFileEntry {
  file: string;
  template: 'T2019' | 'T2021' | null;
  diagnostics: {
    rule: string; severity: Severity; message: string; range: Diagnostic['range'];
    related?: { file: string; range: Diagnostic['range']; message: string }[];
  }[];
}

type JsonDiagnostic = JsonFileEntry['diagnostics'][number];

const rangeJson = (r: Diagnostic['range']) => ({
  start: { line: r.start.line, character: r.start.character },
  end: { line: r.end.line, character: r.end.character },
});

/**
 * A diagnostic's documented keys; `related` (file, range, message) only on findings that have it: a place in this
 * file (the rows of a pattern) names `file` as the entry does.
 */
function jsonDiagnostic(d: Diagnostic, file: string): JsonDiagnostic {
  const out: JsonDiagnostic = { rule: d.rule, severity: d.severity, message: d.message, range: rangeJson(d.range) };
  if (d.related?.length) out.related = d.related.map((x) => ({ file: x.file ?? file, range: rangeJson(x.range), message: x.message }));
  return out;
}

const q = JSON.stringify;
const num = (n: number) => (Number.isFinite(n) ? String(n) : 'null');

/**
 * A file's JsonFileEntry (exactly the documented keys, in the documented order; `related` only on findings that
 * have it) as an element of the output array:
 * byte for byte what `JSON.stringify([..., entry, ...], null, 2)` prints for it (two-space indent, no separator).
 * Built directly so worker threads can hand back a string instead of an object to clone and stringify.
 */
export function jsonEntryText(r: FileResult): string {
  let s = `  {\n    "file": ${q(r.file)},\n    "template": ${r.template == null ? 'null' : q(r.template)},\n    "diagnostics": `;
  const ds = r.diagnostics;
  if (ds.length === 0) return `${s}[]\n  }`;
  s += '[\n';
  for (let k = 0; k < ds.length; k++) {
    const d = ds[k];
    if (d.related?.length) {
      // Rare (a pattern's rows, year-against-year findings): the generic path, indented as nested in the array.
      s += `${k ? ',\n' : ''}      ${JSON.stringify(jsonDiagnostic(d, r.file), null, 2).replace(/\n/g, '\n      ')}`;
      continue;
    }
    const a = d.range.start;
    const b = d.range.end;
    s += `${k ? ',\n' : ''}      {\n        "rule": ${q(d.rule)},\n        "severity": ${q(d.severity)},\n        "message": ${q(d.message)},\n`
      + `        "range": {\n          "start": {\n            "line": ${num(a.line)},\n            "character": ${num(a.character)}\n          },\n`
      + `          "end": {\n            "line": ${num(b.line)},\n            "character": ${num(b.character)}\n          }\n        }\n      }`;
  }
  return `${s}\n    ]\n  }`;
}

/** The JSON array of the entries' texts (jsonEntryText), as JSON.stringify(entries, null, 2) + newline. */
export function jsonArrayText(entries: readonly string[]): string {
  return entries.length === 0 ? '[]\n' : `[\n${entries.join(',\n')}\n]\n`;
}

export interface Colours {
  severity(s: Severity, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const esc = (code: string, close: string) => (t: string) => `\u001b[${code}m${t}\u001b[${close}m`;
export const ansi: Colours = {
  severity: (s, t) => (s === 'error' ? esc('31', '39') : s === 'warning' ? esc('33', '39') : s === 'info' ? esc('36', '39') : esc('2', '22'))(t),
  dim: esc('2', '22'),
  bold: esc('1', '22'),
};
export const plain: Colours = { severity: (_s, t) => t, dim: (t) => t, bold: (t) => t };

export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}

// C0 and C1 controls, DEL, and the bidirectional overrides and isolates that reorder what a terminal shows.
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `s` safe to print on a terminal: control characters (an escape sequence in a report or a file name could
 * recolour, retitle or rewrite the terminal) are shown as \xHH or \uHHHH. Used for all text output.
 */
export function printable(s: string): string {
  return s.replace(UNPRINTABLE, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/**
 * One line per diagnostic, 1-based line and column. The severity is written as the rule id is, as a fixed word
 * (error, warning, info, hint) in either language: problem matchers (VS Code's among them) read only these.
 * Newlines inside a message are flattened.
 */
export function textLines(r: FileResult, c: Colours): string[] {
  let width = 0;
  for (const d of r.diagnostics) if (d.severity.length > width) width = d.severity.length;
  const file = printable(r.file);
  return r.diagnostics.map((d) => {
    const loc = `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
    const sev = c.severity(d.severity, d.severity.padEnd(width));
    const msg = printable(d.message.replace(/\s*[\r\n]+\s*/g, ' '));
    return `${loc}  ${sev}  ${msg}  ${c.dim(d.rule)}`;
  });
}

/** The message for a problem with `file`, which must already be printable(). */
export function problemMessage(p: FileProblem, file: string, m: Translate): string {
  switch (p.code) {
    case 'notFound': return m('notFound', { file });
    case 'permission': return m('permission', { file });
    case 'isDirectory': return m('isDirectory', { file });
    case 'notRegular': return m('notRegular', { file });
    case 'tooLarge': return m('tooLarge', { file, size: megabytes(p.size) });
    case 'binary': return m('binary', { file });
    case 'invalidText': return m('invalidText', { file });
    case 'fixChanged': return m('fixChanged', { file });
    case 'fixReadOnly': return m('fixReadOnly', { file });
    case 'fixHardLinks': return m('fixHardLinks', { file, n: p.links });
    case 'fixDocument': return m('fixDocument', { file, format: formatName(m.locale, p.format), n: p.available });
    case 'readFailed': return m('readFailed', { file, detail: printable(p.detail) });
    case 'unreadableDocument': return m('unreadableDocument', { file, problem: documentProblem(m.locale, p.format, p.error, printable(p.detail)) });
    case 'fixWriteFailed': return m('fixWriteFailed', { file, detail: printable(p.detail) });
    case 'engineFailed': return m('engineFailed', { file, detail: printable(p.detail) });
    case 'timeout': return m('timeout', { file, seconds: p.seconds });
    case 'workerDied': return m('workerDied', { file, detail: printable(p.detail) });
    case 'invalidUtf16': return m('invalidUtf16', { file, encoding: encodingName(p.encoding) });
    case 'fixRoundTrip': return m('fixRoundTrip', { file, encoding: encodingName(p.encoding) });
    case 'fixUnsupportedEncoding': return m('fixUnsupportedEncoding', { file, encoding: encodingName(p.encoding), n: p.available });
  }
}

/** The stderr line for something the directory walk met. */
export function walkNoteLine(n: WalkNote, file: string, m: Translate): string {
  const f = printable(file);
  switch (n.code) {
    case 'emptyDirectory': return `gov-report-lint: ${m('emptyDirectory', { file: f })}\n`;
    case 'unreadableDirectory': return `gov-report-lint: ${m('unreadableDirectory', { file: f, detail: printable(n.detail) })}\n`;
    case 'brokenLink': return `gov-report-lint: ${m('brokenLink', { file: f })}\n`;
    case 'linkNotFollowed': return `gov-report-lint: ${m('linkNotFollowed', { file: f })}\n`;
  }
}

export interface Totals {
  files: number;
  unreadable: number;
  error: number;
  warning: number;
  info: number;
  hint: number;
  fixes: number;
  fixedFiles: number;
}

export function newTotals(): Totals {
  return { files: 0, unreadable: 0, error: 0, warning: 0, info: 0, hint: 0, fixes: 0, fixedFiles: 0 };
}

export interface RenderOptions {
  /** summary, csv and sarif render nothing per file (the table or log comes at the end): stderr notes only. */
  format: 'text' | 'json' | 'summary' | 'csv' | 'sarif';
  colour: boolean;
  locale: Locale;
}

/** One file's contribution to the run, ready to print: what any thread hands back for a file. */
export interface Rendered {
  /** Text format: the file's lines (with the "fixed" note), or ''. JSON: jsonEntryText, or '' when not linted. */
  out: string;
  /** Notes and problems for standard error, or ''. */
  err: string;
  exit: 0 | 1 | 2;
  linted: boolean;
  /** Findings per severity: error, warning, info, hint. */
  counts: [number, number, number, number];
  fixesApplied: number;
  written: boolean;
}

/** A renderer bound to its options (messages and colours looked up once). */
export function renderer(o: RenderOptions): (r: FileResult) => Rendered {
  const m = messages(o.locale);
  const c = o.colour && o.format === 'text' ? ansi : plain;
  return (r) => {
    let err = '';
    const file = printable(r.file);
    if (r.encoding && r.encoding !== 'utf-8' && r.encoding !== 'utf-8-bom') err += m('assumedEncoding', { file, encoding: encodingName(r.encoding) }) + '\n';
    if (r.document) err += documentNote(file, r.document, m);
    for (const p of r.problems) err += `gov-report-lint: ${problemMessage(p, file, m)}\n`;
    const counts: Rendered['counts'] = [0, 0, 0, 0];
    for (const d of r.diagnostics) counts[SEVERITY_INDEX[d.severity]]++;
    let out = '';
    if (r.linted && (o.format === 'text' || o.format === 'json')) {
      if (o.format === 'json') out = jsonEntryText(r);
      else {
        const lines = textLines(r, c);
        if (r.written) lines.push(c.bold(m('fixed', { file, n: r.fixesApplied })));
        if (lines.length) out = lines.join('\n') + '\n';
      }
    }
    return { out, err, exit: exitCodeOf(r), linted: r.linted, counts, fixesApplied: r.fixesApplied, written: r.written };
  };
}

/** How a published document was read, when that is worth saying: where its findings point, a page's charset. */
function documentNote(file: string, d: NonNullable<FileResult['document']>, m: Translate): string {
  if (d.format !== 'html') return m('documentRead', { file, format: formatName(m.locale, d.format) }) + '\n';
  return d.encoding && d.encoding !== 'utf-8' ? m('pageEncoding', { file, encoding: d.encoding.toUpperCase() }) + '\n' : '';
}

const SEVERITY_INDEX: Record<Severity, 0 | 1 | 2 | 3> = { error: 0, warning: 1, info: 2, hint: 3 };

export function addRenderedToTotals(t: Totals, r: Rendered): void {
  if (!r.linted) { t.unreadable++; return; }
  t.files++;
  t.error += r.counts[0];
  t.warning += r.counts[1];
  t.info += r.counts[2];
  t.hint += r.counts[3];
  if (r.written) { t.fixes += r.fixesApplied; t.fixedFiles++; }
}

export function summaryLines(t: Totals, m: Translate, c: Colours, fix: boolean): string[] {
  const out: string[] = [];
  const problems = t.error + t.warning + t.info + t.hint;
  if (problems === 0) {
    // Nothing to praise when nothing could be read.
    if (t.files > 0) out.push(c.bold(m('summaryClean', { files: t.files })));
  } else {
    const parts = [m('count.error', { n: t.error }), m('count.warning', { n: t.warning })];
    if (t.info) parts.push(m('count.info', { n: t.info }));
    if (t.hint) parts.push(m('count.hint', { n: t.hint }));
    const line = m('summaryProblems', { problems, files: t.files, counts: parts.join(m('count.sep')) });
    out.push(c.bold(t.error ? c.severity('error', line) : c.severity('warning', line)));
  }
  if (fix) out.push(m('summaryFixed', { n: t.fixes, files: t.fixedFiles }));
  if (t.unreadable) out.push(c.severity('error', m('summaryUnreadable', { n: t.unreadable })));
  return out;
}
