// The language server's requests of its own that the client sends (server/src/lsp/documents.ts defines them;
// the shapes are repeated here because the client is built apart from the server).

export const EXTRACT_REQUEST = 'govReport/extract';
export const HTML_TO_TEXT_REQUEST = 'govReport/htmlToText';

export interface ExtractParams { uri: string }

/** The text read from a saved web page, Word document or PDF, or a one-line reason (in the user's language). */
export type ExtractResult =
  | { ok: true; kind: 'html' | 'docx' | 'pdf'; text: string }
  | { ok: false; code: string; message: string };

export interface HtmlToTextParams { html: string }

/** Clipboard HTML as report text, or null when it holds no table. */
export type HtmlToTextResult = { text: string } | null;

// ------------------------------------------------------------------ the folder of reports (server/src/lsp/reports.ts)

export const REPORTS_REQUEST = 'govReport/reports';
export const REPORTS_CHANGED = 'govReport/reportsChanged';
export const SUMMARY_REQUEST = 'govReport/summary';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export interface Range { start: { line: number; character: number }; end: { line: number; character: number } }

/** A report of the workspace (or an open one), as the Reports view and the status bar show it. */
export interface ReportInfo {
  /** Where its diagnostics are: the file's URI, or for a Word document or PDF the URI of its text. */
  uri: string;
  file: string;
  label: string;
  kind: 'text' | 'html' | 'docx' | 'pdf';
  title: string | null;
  office: string | null;
  year: number | null;
  template: 'T2019' | 'T2021' | null;
  counts: Record<Severity, number>;
  parts: { number: number; heading: string; range: Range }[];
  findings: { rule: string; severity: Severity; message: string; range: Range }[];
  previous: string | null;
  open: boolean;
}

export interface SummaryParams { format: 'text' | 'csv' }
export interface SummaryResult { text: string }
