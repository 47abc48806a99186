// The names the VS Code client and the language server must agree on, in one module both bundles import: the
// language id, the diagnostics' source and fix-all kind, the settings section, the scheme of extracted reports,
// and the server's own requests with their shapes. Constants and types only: it is bundled into the client too.
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
