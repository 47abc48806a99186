// The requests and notification of the folder of reports (workspace.ts), as the VS Code client's Reports view,
// status-bar item and summary command use them (client/src/protocol.ts repeats the shapes: it is built apart).
import type { Range, Severity, TemplateId } from '../engine';

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
