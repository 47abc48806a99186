// The folder of reports on the connection: the workspace folders from `initialize`, the requests of the Reports view
// and the summary command, and file changes on disk. The work itself is in workspace.ts.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InitializeParams } from 'vscode-languageserver/node';
import { summaryCsv, summaryRow, summaryTable } from '../summary';
import { REPORTS_REQUEST, SUMMARY_REQUEST, type ReportInfo, type SummaryParams, type SummaryResult } from '../protocol';
import { Workspace, type WorkspaceHost } from './workspace';

export { Workspace };

/** The workspace folders' URIs (or the root's, from clients that send only that). */
export function workspaceFoldersOf(params: InitializeParams): string[] {
  if (Array.isArray(params.workspaceFolders) && params.workspaceFolders.length) return params.workspaceFolders.map((f) => f.uri);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- clients without workspace folders send only the root
  if (typeof params.rootUri === 'string') return [params.rootUri];
  return [];
}

export function registerWorkspace(host: WorkspaceHost): Workspace {
  const workspace = new Workspace(host);
  const { connection } = host;
  connection.onDidChangeWatchedFiles((params) => {
    try { workspace.filesChanged(params?.changes ?? []); } catch (err) { host.log('didChangeWatchedFiles', err); }
  });
  connection.onRequest(REPORTS_REQUEST, async (): Promise<ReportInfo[]> => {
    try { return await workspace.reports(); } catch (err) { host.log('reports', err); return []; }
  });
  connection.onRequest(SUMMARY_REQUEST, async (params: SummaryParams): Promise<SummaryResult> => {
    try {
      await workspace.idle();
      return { text: summaryText(await workspace.reports(), params?.format === 'csv' ? 'csv' : 'text', host.locale()) };
    } catch (err) {
      host.log('summary', err);
      return { text: '' };
    }
  });
  return workspace;
}

/** The summary table of the reports (the CLI's --format summary or csv). */
export function summaryText(reports: readonly ReportInfo[], format: 'text' | 'csv', locale: 'zh-CN' | 'en'): string {
  const label = (uri: string | null) => (uri ? path.basename(fileURLToPath(`file:${uri.slice(uri.indexOf(':') + 1)}`)) : null);
  const rows = reports.map((r) => summaryRow({
    file: r.label, linted: true, facts: { officeName: r.office, year: r.year }, template: r.template,
    diagnostics: r.findings, previous: label(r.previous),
  }));
  return format === 'csv' ? summaryCsv(rows, locale) : summaryTable(rows, locale);
}
