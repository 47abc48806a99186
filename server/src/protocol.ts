// The names the VS Code client and the language server must agree on, in one module both bundles import: the
// language id, the diagnostics' source and fix-all kind, the settings section, the scheme of extracted reports,
// and the server's own requests with their shapes. Constants and types only: it is bundled into the client too.
import type { PreviewModel, Range, Severity, SkeletonLayout, TemplateId } from './engine';
import type { FormatErrorCode, FormatKind } from './formats/types';

/** The language of reports (package.json contributes it). */
export const LANGUAGE_ID = 'gov-report';
/** The `source` of every diagnostic, and the suffix of the fix-all code action kind. */
export const DIAGNOSTIC_SOURCE = 'gov-report';
/** `source.fixAll.gov-report`: safe fixes only (editor.codeActionsOnSave). */
export const FIX_ALL_KIND = `source.fixAll.${DIAGNOSTIC_SOURCE}`;
/** The settings section (govReport.rules, govReport.template, govReport.locale). */
export const CONFIG_SECTION = 'govReport';
/** The scheme under which the client shows a document's extracted text: the file's URI otherwise. */
export const EXTRACT_SCHEME = 'gov-report-extract';

/** govReport/extract: the text read from a saved web page, Word document or PDF on disk, or why it cannot be. */
export const EXTRACT_REQUEST = 'govReport/extract';
export interface ExtractParams { uri: string }
/** Why a file could not be opened as a report: a reader's FormatError, or the file itself. */
export type ExtractProblem = FormatErrorCode | 'notFound' | 'unreadable' | 'notDocument';
/** The text, or a one-line reason in the user's language. */
export type ExtractResult =
  | { ok: true; kind: FormatKind; text: string }
  | { ok: false; code: ExtractProblem; message: string };

/** govReport/htmlToText: clipboard HTML through the server's HTML reader, as report text. */
export const HTML_TO_TEXT_REQUEST = 'govReport/htmlToText';
export interface HtmlToTextParams { html: string }
/** The report text of the clipboard's HTML, or null when it holds no table (plain paste is then all there is). */
export type HtmlToTextResult = { text: string } | null;

// ------------------------------------------------------------------ the folder of reports (lsp/workspace.ts)

/** govReport/reports → ReportInfo[]: every report of the workspace, and the open ones. */
export const REPORTS_REQUEST = 'govReport/reports';
/** Sent (without parameters) when the list may have changed: after a pass, a change on disk, an edit. */
export const REPORTS_CHANGED = 'govReport/reportsChanged';
/** govReport/summary { format, locale? } → { text }: the summary table of every report (as the CLI prints it). */
export const SUMMARY_REQUEST = 'govReport/summary';

export interface ReportInfo {
  /** Where its diagnostics are: the file's URI, or for a Word document or PDF the URI of its text (gov-report-extract:). */
  uri: string;
  /** The file itself. */
  file: string;
  /** The file relative to its workspace folder (or its base name). */
  label: string;
  kind: 'text' | 'html' | 'docx' | 'pdf';
  title: string | null;
  office: string | null;
  year: number | null;
  template: TemplateId | null;
  counts: Record<Severity, number>;
  parts: { number: number; heading: string; range: Range }[];
  findings: { rule: string; severity: Severity; message: string; range: Range }[];
  /** Last year's report it was compared with (its uri), or null. */
  previous: string | null;
  /** Open in the editor: its figures are those of the text being edited. */
  open: boolean;
}

export interface SummaryParams { format: 'text' | 'csv' }
export interface SummaryResult { text: string }

// ------------------------------------------------------------------ the writer's desk (lsp/desk.ts)

/** govReport/tables { uri } → the table preview of the document's latest version, or null. */
export const TABLES_REQUEST = 'govReport/tables';
/** govReport/skeleton → a new report written from the template data. */
export const SKELETON_REQUEST = 'govReport/skeleton';
/** govReport/identify { text } → the office and year of a report (last year's, as defaults for the next). */
export const IDENTIFY_REQUEST = 'govReport/identify';

export interface TablesParams { uri: string }
/** The preview of the document's latest version (whatever version the client last saw). */
export interface TablesResult { uri: string; version: number; preview: PreviewModel }

export interface SkeletonParams {
  office: string;
  year: number;
  layout: SkeletonLayout;
  /** The text of last year's report, to carry its figures forward. */
  lastYear?: { text: string };
}
