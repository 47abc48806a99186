// Thin VS Code client: starts the gov-report language server over IPC, switches plain-text
// documents that look like a 政府信息公开工作年度报告 to the gov-report language, opens published documents as
// read-only reports (openAsReport.ts), offers pasted HTML as report text (paste.ts), shows the table preview
// (preview.ts), writes new reports (newReport.ts), and exposes the commands. All linting, hovers, outline, fixes,
// document reading, the preview's model and new reports' text come from the server.
import * as path from 'path';
import * as vscode from 'vscode';
import { looksLikeReport } from './detect';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { messages, uiLocale } from './messages';
import { ExtractedReports, EXTRACT_SCHEME, filesToOpen } from './openAsReport';
import { PasteAsReportText, PASTE_METADATA } from './paste';
import { EXTRACT_REQUEST, HTML_TO_TEXT_REQUEST, type ExtractParams, type ExtractResult, type HtmlToTextParams, type HtmlToTextResult } from './protocol';
import { newReport, type NewReportArgs } from './newReport';
import { PREVIEW_VIEW_TYPE, TablePreviews } from './preview';
import { followServer, registerReportsView, type ReportStatus, type ReportsView } from './reportsView';

export const LANGUAGE_ID = 'gov-report';
const FIX_ALL_KIND = 'source.fixAll.gov-report';

let client: LanguageClient | undefined;

function maybeSwitch(doc: vscode.TextDocument): void {
  if (doc.languageId !== 'plaintext') return;
  if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled') return;
  if (!looksLikeReport(doc.getText(new vscode.Range(0, 0, 60, 0)))) return;
  void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID).then(undefined, () => undefined);
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
    },
    synchronize: { configurationSection: 'govReport' },
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
  const { view: reportsView, status: reportStatus } = registerReportsView(context, () => client, LANGUAGE_ID);
  context.subscriptions.push(
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
      if (files.length === 0) { void vscode.window.showErrorMessage(messages().noDocument); return; }
      for (const file of files) await reports.open(file);
    }),
    vscode.workspace.onDidOpenTextDocument(maybeSwitch),
    vscode.commands.registerCommand('govReport.switchLanguage', async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor) await vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE_ID);
    }),
    vscode.commands.registerCommand('govReport.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== LANGUAGE_ID) return;
      // The server's fix-all action, applied here: `editor.action.sourceAction` ignores a request made while the
      // editor's code-action model is still being set up (just after a file opens), and the command did nothing.
      const doc = editor.document;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), FIX_ALL_KIND);
      const fix = (actions ?? []).find((a) => a.kind?.value === FIX_ALL_KIND && a.edit);
      if (fix?.edit) await vscode.workspace.applyEdit(fix.edit);
    }),
    vscode.commands.registerCommand('govReport.restartServer', async () => {
      if (client) await client.restart();
      else await startClient(context);
    }),
  );
  for (const doc of vscode.workspace.textDocuments) maybeSwitch(doc);
  await startClient(context);
  if (client) context.subscriptions.push(followServer(reportsView, client));
  return { client, reportsView, reportStatus };
}

export function deactivate(): Thenable<void> | undefined {
  return client ? client.stop() : undefined;
}
