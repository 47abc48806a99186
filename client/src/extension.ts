// Thin VS Code client: starts the gov-report language server over IPC, decides which documents are reports
// (languageMode.ts), opens published documents as read-only reports (openAsReport.ts), offers pasted HTML as report
// text (paste.ts), shows the table preview (preview.ts) and a finding's rule page rendered, writes new reports
// (newReport.ts), and exposes the commands. All linting, hovers, outline, fixes,
// document reading, the preview's model and new reports' text come from the server.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { LanguageMode } from './languageMode';
import { t, uiLocale } from './messages';
import { ExtractedReports, filesToOpen } from './openAsReport';
import { PasteAsReportText, PASTE_METADATA } from './paste';
import {
  CONFIG_SECTION, EXTRACT_REQUEST, EXTRACT_SCHEME, FIX_ALL_KIND, HTML_TO_TEXT_REQUEST, LANGUAGE_ID,
  type ExtractParams, type ExtractResult, type HtmlToTextParams, type HtmlToTextResult,
} from '../../server/src/protocol';
import { newReport, type NewReportArgs } from './newReport';
import { PREVIEW_VIEW_TYPE, TablePreviews } from './preview';
import { followServer, registerReportsView, type ReportStatus, type ReportsView } from './reportsView';

let client: LanguageClient | undefined;

/**
 * A finding's rule link (the server gives the page's file: URI, for every editor) opens the page rendered in
 * VS Code: a command link to govReport.showRule, which the Problems panel and the hover run when clicked.
 */
function ruleLinks(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  for (const d of diagnostics) {
    const code = d.code;
    if (typeof code !== 'object' || !/\/docs\/rules\/[a-z0-9-]+\.md$/.test(code.target.path)) continue;
    d.code = { value: code.value, target: vscode.Uri.parse(`command:govReport.showRule?${encodeURIComponent(JSON.stringify([String(code.value)]))}`) };
  }
  return diagnostics;
}

/** The rule's page, rendered and read-only (Markdown preview); its links lead to the other pages shipped with it. */
async function showRule(context: vscode.ExtensionContext, rule: unknown): Promise<void> {
  if (typeof rule !== 'string' || !/^[a-z0-9-]+$/.test(rule)) return;
  const page = vscode.Uri.file(context.asAbsolutePath(path.join('docs', 'rules', `${rule}.md`)));
  try {
    await vscode.commands.executeCommand('markdown.showPreview', page);
  } catch {
    await vscode.window.showTextDocument(page, { preview: true }); // the Markdown extension is disabled
  }
}

function startClient(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
      { scheme: EXTRACT_SCHEME, language: LANGUAGE_ID },
    ],
    // An extracted report is read-only: its problems are fixed in the original document, not here.
    middleware: {
      provideCodeActions: (document, range, context, token, next) => (document.uri.scheme === EXTRACT_SCHEME ? [] : next(document, range, context, token)),
      handleDiagnostics: (uri, diagnostics, next) => next(uri, ruleLinks(diagnostics)),
    },
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- a change is then notified, and the server reads the settings again (session.ts)
    synchronize: { configurationSection: CONFIG_SECTION },
    initializationOptions: { locale: vscode.env.language },
  };
  client = new LanguageClient('govReport', 'gov-report', serverOptions, clientOptions);
  return client.start();
}

/** The client (a request made while it starts waits for it). */
function started(): LanguageClient {
  if (!client) throw new Error('gov-report: the language client has not been created');
  return client;
}

const extract = (file: vscode.Uri) => started().sendRequest<ExtractResult | null>(EXTRACT_REQUEST, { uri: file.toString() } satisfies ExtractParams);
const htmlToText = (html: string, token: vscode.CancellationToken) =>
  started().sendRequest<HtmlToTextResult>(HTML_TO_TEXT_REQUEST, { html } satisfies HtmlToTextParams, token);

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient | undefined; reportsView: ReportsView; reportStatus: ReportStatus }> {
  const reports = new ExtractedReports(extract, LANGUAGE_ID);
  const ready = async () => { if (!client) await startClient(context); await client!.start(); return client!; };
  const previews = new TablePreviews(context, ready, uiLocale);
  const mode = new LanguageMode(LANGUAGE_ID, context.workspaceState, context.globalState);
  const { view: reportsView, status: reportStatus } = registerReportsView(context, () => client, LANGUAGE_ID);
  context.subscriptions.push(
    mode,
    vscode.commands.registerCommand('govReport.showRule', (rule: unknown) => showRule(context, rule)),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, previews),
    vscode.commands.registerCommand('govReport.showPreview', (uri?: vscode.Uri) => {
      const editor = vscode.window.activeTextEditor;
      const doc = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : editor?.document;
      if (doc) previews.show(doc, editor?.document === doc ? editor.viewColumn : undefined);
    }),
    vscode.commands.registerCommand('govReport.newReport', async (args?: NewReportArgs) => newReport(await ready(), uiLocale(), args)),
    vscode.commands.registerCommand('govReport.newReportFromLastYear', async (args?: NewReportArgs) => newReport(await ready(), uiLocale(), args, true)),
    vscode.workspace.registerTextDocumentContentProvider(EXTRACT_SCHEME, reports),
    vscode.workspace.onDidCloseTextDocument((doc) => reports.forget(doc)),
    vscode.languages.registerDocumentPasteEditProvider({ language: LANGUAGE_ID }, new PasteAsReportText(htmlToText), PASTE_METADATA),
    vscode.commands.registerCommand('govReport.openAsReport', async (clicked?: unknown, selected?: unknown) => {
      const files = filesToOpen(clicked, selected);
      if (files.length === 0) { void vscode.window.showErrorMessage(t('noDocument')); return; }
      for (const file of files) await reports.open(file);
    }),
    vscode.commands.registerCommand('govReport.switchLanguage', async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor) await mode.chosen(editor.document);
    }),
    vscode.commands.registerCommand('govReport.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document.languageId !== LANGUAGE_ID) return;
      // The server's fix-all action, applied here: `editor.action.sourceAction` ignores a request made while the
      // editor's code-action model is still being set up (just after a file opens), and the command did nothing.
      const doc = editor.document;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), FIX_ALL_KIND);
      const fix = (actions ?? []).find((a) => a.kind?.value === FIX_ALL_KIND && a.edit);
      if (fix?.edit) await vscode.workspace.applyEdit(fix.edit);
      else vscode.window.setStatusBarMessage(t('nothingToFix'), 4000);
    }),
    vscode.commands.registerCommand('govReport.restartServer', async () => {
      if (client) await client.restart();
      else await startClient(context);
    }),
  );
  await startClient(context);
  if (client) context.subscriptions.push(followServer(reportsView, client));
  return { client, reportsView, reportStatus };
}

export function deactivate(): Thenable<void> | undefined {
  return client ? client.stop() : undefined;
}
