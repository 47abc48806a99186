// Output: the JSON shape other tools depend on, and the text format (file:line:col  severity  message  rule).
import type { Severity } from '../engine/types';
import type { Diagnostic, FileProblem, FileResult } from './lintFile';
import { encodingName, type Messages } from './messages';

export interface JsonFileEntry {
  file: string;
  template: 'T2019' | 'T2021' | null;
  diagnostics: Array<{ rule: string; severity: Severity; message: string; range: Diagnostic['range'] }>;
}

/** Exactly the documented keys, in the documented order: nothing more leaks into the JSON. */
export function jsonEntry(r: FileResult): JsonFileEntry {
  return {
    file: r.file,
    template: r.template,
    diagnostics: r.diagnostics.map((d) => ({
      rule: d.rule,
      severity: d.severity,
      message: d.message,
      range: {
        start: { line: d.range.start.line, character: d.range.start.character },
        end: { line: d.range.end.line, character: d.range.end.character },
      },
    })),
  };
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

/** One line per diagnostic, 1-based line and column. Newlines inside a message are flattened. */
export function textLines(r: FileResult, c: Colours): string[] {
  const width = Math.max(0, ...r.diagnostics.map((d) => d.severity.length));
  return r.diagnostics.map((d) => {
    const loc = `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
    const sev = c.severity(d.severity, d.severity.padEnd(width));
    const msg = d.message.replace(/\s*[\r\n]+\s*/g, ' ');
    return `${loc}  ${sev}  ${msg}  ${c.dim(d.rule)}`;
  });
}

export function problemMessage(p: FileProblem, file: string, m: Messages): string {
  switch (p.code) {
    case 'notFound': return m.notFound(file);
    case 'permission': return m.permission(file);
    case 'isDirectory': return m.isDirectory(file);
    case 'notRegular': return m.notRegular(file);
    case 'binary': return m.binary(file);
    case 'invalidText': return m.invalidText(file);
    case 'fixChanged': return m.fixChanged(file);
    case 'readFailed': return m.readFailed(file, p.detail);
    case 'fixWriteFailed': return m.fixWriteFailed(file, p.detail);
    case 'engineFailed': return m.engineFailed(file, p.detail);
    case 'invalidUtf16': return m.invalidUtf16(file, encodingName(p.encoding));
    case 'fixRoundTrip': return m.fixRoundTrip(file, encodingName(p.encoding));
    case 'fixUnsupportedEncoding': return m.fixUnsupportedEncoding(file, encodingName(p.encoding), p.available);
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

export function addToTotals(t: Totals, r: FileResult): void {
  if (!r.linted) { t.unreadable++; return; }
  t.files++;
  for (const d of r.diagnostics) t[d.severity]++;
  if (r.written) { t.fixes += r.fixesApplied; t.fixedFiles++; }
}

export function summaryLines(t: Totals, m: Messages, c: Colours, fix: boolean): string[] {
  const out: string[] = [];
  const problems = t.error + t.warning + t.info + t.hint;
  if (problems === 0) {
    out.push(c.bold(m.summaryClean(t.files)));
  } else {
    const parts = [m.countError(t.error), m.countWarning(t.warning)];
    if (t.info) parts.push(m.countInfo(t.info));
    if (t.hint) parts.push(m.countHint(t.hint));
    const line = m.summaryProblems(problems, t.files, parts.join(m.countSep));
    out.push(c.bold(t.error ? c.severity('error', line) : c.severity('warning', line)));
  }
  if (fix) out.push(m.summaryFixed(t.fixes, t.fixedFiles));
  if (t.unreadable) out.push(c.severity('error', m.summaryUnreadable(t.unreadable)));
  return out;
}
