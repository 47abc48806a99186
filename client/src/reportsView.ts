// The reviewer's desk in VS Code: the Reports view in the Explorer (one node per report of the workspace with its
// office, year, template version and counts; its parts and findings below it; sorted by office or by problems),
// the status-bar item of the open report (template version and counts; a click opens the Problems panel) and the
// summary command (a CSV beside the reports, the table in an editor). The list comes from the language server
// (govReport/reports), which checks every report of the workspace in the background.
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { t } from './messages';
import { DIAGNOSTIC_SOURCE, EXTRACT_SCHEME, REPORTS_CHANGED, REPORTS_REQUEST, SUMMARY_REQUEST, type ReportInfo, type SummaryParams, type SummaryResult } from '../../server/src/protocol';
import type { Range, Severity } from '../../server/src/engine/types';

/** 2019年版格式 / the 2019 template, as every message names the versions. */
const templateText = (id: 'T2019' | 'T2021' | null) => (id ? t(`template.${id}`) : t('templateUnknown'));
const yearText = (year: number | null) => (year === null ? t('yearUnknown') : t('year', { year }));

export const VIEW_ID = 'govReport.reports';
type Sort = 'office' | 'problems';

type Node =
  | { kind: 'report'; report: ReportInfo }
  | { kind: 'part'; report: ReportInfo; part: ReportInfo['parts'][number] }
  | { kind: 'findings'; report: ReportInfo }
  | { kind: 'finding'; report: ReportInfo; finding: ReportInfo['findings'][number] };

const ICON: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'lightbulb' };

export class ReportsView implements vscode.TreeDataProvider<Node> {
  private reports: ReportInfo[] = [];
  private sort: Sort = 'office';
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private loading: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  /** The reports as the view lists them (for the status bar, the tests). */
  list(): readonly ReportInfo[] { return this.sorted(); }

  /** Ask the server again (debounced: the server says when the list may have changed, after every edit). */
  refresh(delayMs = 150): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { void this.load(); }, delayMs);
  }

  /** Load the list now; resolves once the view has it. */
  load(): Promise<void> {
    const c = this.client();
    if (!c) return Promise.resolve();
    this.loading = c.sendRequest<ReportInfo[]>(REPORTS_REQUEST).then((list) => {
      this.reports = Array.isArray(list) ? list : [];
      this.changed.fire(undefined);
    }, () => undefined);
    return this.loading;
  }

  setSort(sort: Sort): void {
    this.sort = sort;
    void vscode.commands.executeCommand('setContext', 'govReport.reportsSort', sort);
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.sorted().map((report) => ({ kind: 'report', report }));
    if (node.kind === 'report') {
      const parts: Node[] = node.report.parts.map((part) => ({ kind: 'part', report: node.report, part }));
      return node.report.findings.length ? [...parts, { kind: 'findings', report: node.report }] : parts;
    }
    if (node.kind === 'findings') return node.report.findings.map((finding) => ({ kind: 'finding', report: node.report, finding }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
        const r = node.report;
    if (node.kind === 'report') {
      const item = new vscode.TreeItem(r.office ?? r.label, vscode.TreeItemCollapsibleState.Collapsed);
      // The file's name too: copies of one report (a page and its PDF) are told apart by it.
      item.description = [yearText(r.year), templateText(r.template), t('counts', { errors: r.counts.error, warnings: r.counts.warning }), r.label, ...(r.open ? [t('openInEditor')] : [])].join(' · ');
      item.tooltip = [r.title ?? r.label, r.label, ...(r.previous ? [t('previousYear', { label: baseName(r.previous) })] : [])].join('\n');
      item.iconPath = new vscode.ThemeIcon(r.counts.error ? 'error' : r.counts.warning ? 'warning' : 'pass');
      item.contextValue = 'report';
      item.id = r.uri;
      item.command = openCommand(r, null);
      return item;
    }
    if (node.kind === 'part') {
      const item = new vscode.TreeItem(node.part.heading, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('symbol-namespace');
      item.command = openCommand(r, node.part.range);
      return item;
    }
    if (node.kind === 'findings') {
      const item = new vscode.TreeItem(t('findings', { n: r.findings.length }), vscode.TreeItemCollapsibleState.Collapsed);
      item.iconPath = new vscode.ThemeIcon('list-unordered');
      return item;
    }
    const f = node.finding;
    const item = new vscode.TreeItem(f.message, vscode.TreeItemCollapsibleState.None);
    item.description = `${f.rule} · ${f.range.start.line + 1}`;
    item.tooltip = f.message;
    item.iconPath = new vscode.ThemeIcon(ICON[f.severity]);
    item.command = openCommand(r, f.range);
    return item;
  }

  private sorted(): ReportInfo[] {
    const byOffice = (a: ReportInfo, b: ReportInfo) => (a.office ?? '\uffff').localeCompare(b.office ?? '\uffff', 'zh-CN') || (a.year ?? 0) - (b.year ?? 0) || a.label.localeCompare(b.label);
    const byProblems = (a: ReportInfo, b: ReportInfo) => b.counts.error - a.counts.error || b.counts.warning - a.counts.warning || byOffice(a, b);
    return [...this.reports].sort(this.sort === 'office' ? byOffice : byProblems);
  }
}

function baseName(uri: string): string {
  return path.posix.basename(vscode.Uri.parse(uri).path);
}

/** Open the report (a Word document or PDF as its text) at the place. */
function openCommand(r: ReportInfo, range: Range | null): vscode.Command {
  const selection = range ? new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character) : undefined;
  return { title: '', command: 'vscode.open', arguments: [vscode.Uri.parse(r.uri), { selection, preview: false } satisfies vscode.TextDocumentShowOptions] };
}

/** The status-bar item of the active report: its template version and counts; a click opens the Problems panel. */
export class ReportStatus {
  readonly item = vscode.window.createStatusBarItem('govReport.status', vscode.StatusBarAlignment.Left, 10);

  constructor(private readonly view: ReportsView, private readonly languageId: string) {
    this.item.name = 'gov-report';
    this.item.command = 'workbench.actions.view.problems';
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc?.languageId !== this.languageId) { this.item.hide(); return; }
        const report = this.view.list().find((r) => r.uri === doc.uri.toString());
    const counts = { error: 0, warning: 0 };
    for (const d of vscode.languages.getDiagnostics(doc.uri)) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      if (d.severity === vscode.DiagnosticSeverity.Error) counts.error++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warning++;
    }
    this.item.text = `$(law) ${templateText(report?.template ?? null)}  $(error) ${counts.error}  $(warning) ${counts.warning}`;
    this.item.tooltip = t('statusTooltip', { office: report?.office ?? t('noOffice'), year: yearText(report?.year ?? null), label: report?.label ?? path.basename(doc.uri.fsPath) });
    this.item.show();
  }
}

/** The summary command: the table as CSV beside the reports (for Excel, WPS) and as text in an editor. */
async function writeSummary(client: LanguageClient): Promise<vscode.TextEditor | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) { void vscode.window.showWarningMessage(t('summaryNoFolder')); return undefined; }
  const [text, csv] = await Promise.all((['text', 'csv'] as const).map((format) => client.sendRequest<SummaryResult>(SUMMARY_REQUEST, { format } satisfies SummaryParams)));
  if (text.text.split('\n').filter(Boolean).length <= 2) { void vscode.window.showInformationMessage(t('summaryEmpty')); return undefined; }
  const target = vscode.Uri.joinPath(folder.uri, 'gov-report-summary.csv');
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(csv.text));
  void vscode.window.showInformationMessage(t('summaryWritten', { file: vscode.workspace.asRelativePath(target) }));
  const doc = await vscode.workspace.openTextDocument({ content: text.text, language: 'plaintext' });
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Register the view, the status-bar item and the commands; `client` gives the language client once started. */
export function registerReportsView(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, languageId: string): { view: ReportsView; status: ReportStatus } {
  const view = new ReportsView(client);
  const status = new ReportStatus(view, languageId);
  const tree = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: view, showCollapseAll: true });
  context.subscriptions.push(
    tree, status.item,
    vscode.commands.registerCommand('govReport.reports.sortByOffice', () => view.setSort('office')),
    vscode.commands.registerCommand('govReport.reports.sortByProblems', () => view.setSort('problems')),
    vscode.commands.registerCommand('govReport.reports.refresh', () => view.load()),
    vscode.commands.registerCommand('govReport.summary', () => { const c = client(); return c ? writeSummary(c) : undefined; }),
    vscode.window.onDidChangeActiveTextEditor(() => status.update()),
    vscode.languages.onDidChangeDiagnostics(() => status.update()),
    view.onDidChangeTreeData(() => status.update()),
    // A Word document's or PDF's findings are on its text (gov-report-extract:): opened from the Problems panel or
    // this view, it is read as a report.
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.uri.scheme === EXTRACT_SCHEME && doc.languageId !== languageId) void vscode.languages.setTextDocumentLanguage(doc, languageId).then(undefined, () => undefined);
    }),
  );
  void vscode.commands.executeCommand('setContext', 'govReport.reportsSort', 'office');
  status.update();
  return { view, status };
}

/** Once the client runs: follow the server's notices. */
export function followServer(view: ReportsView, client: LanguageClient): vscode.Disposable {
  const sub = client.onNotification(REPORTS_CHANGED, () => view.refresh());
  void view.load();
  return sub;
}
