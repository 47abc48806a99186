// Thin VS Code client: starts the gov-report language server over IPC, switches plain-text
// documents that look like a 政府信息公开工作年度报告 to the gov-report language, and exposes the commands
// (the table preview and new reports among them). All linting, hovers, outline, fixes, the preview's model and
// new reports' text come from the server.
import * as path from 'path';
import * as vscode from 'vscode';
import { looksLikeReport } from './detect';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import type { Locale } from '../../server/src/engine/types';
import { localeOf } from '../../server/src/lsp/settings';
import { newReport, type NewReportArgs } from './newReport';
import { PREVIEW_VIEW_TYPE, TablePreviews } from './preview';

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
    ],
    synchronize: { configurationSection: 'govReport' },
    initializationOptions: { locale: vscode.env.language },
  };
  client = new LanguageClient('govReport', 'gov-report', serverOptions, clientOptions);
  return client.start();
}

/** The language of the extension's own words: the govReport.locale setting, as the server reads it. */
function uiLocale(): Locale {
  const setting = vscode.workspace.getConfiguration('govReport').get<string>('locale', 'auto');
  return setting === 'zh-CN' || setting === 'en' ? setting : localeOf(vscode.env.language);
}

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient | undefined }> {
  const ready = async () => { if (!client) await startClient(context); await client!.start(); return client!; };
  const previews = new TablePreviews(context, ready, uiLocale);
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, previews),
    vscode.commands.registerCommand('govReport.showPreview', (uri?: vscode.Uri) => {
      const editor = vscode.window.activeTextEditor;
      const doc = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : editor?.document;
      if (doc) previews.show(doc, editor?.document === doc ? editor.viewColumn : undefined);
    }),
    vscode.commands.registerCommand('govReport.newReport', async (args?: NewReportArgs) => newReport(await ready(), uiLocale(), args)),
    vscode.commands.registerCommand('govReport.newReportFromLastYear', async (args?: NewReportArgs) => newReport(await ready(), uiLocale(), args, true)),
    vscode.workspace.onDidOpenTextDocument(maybeSwitch),
    vscode.commands.registerCommand('govReport.switchLanguage', async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor) await vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE_ID);
    }),
    vscode.commands.registerCommand('govReport.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== LANGUAGE_ID) return;
      await vscode.commands.executeCommand('editor.action.sourceAction', { kind: FIX_ALL_KIND, apply: 'first' });
    }),
    vscode.commands.registerCommand('govReport.restartServer', async () => {
      if (client) await client.restart();
      else await startClient(context);
    }),
  );
  for (const doc of vscode.workspace.textDocuments) maybeSwitch(doc);
  await startClient(context);
  return { client };
}

export function deactivate(): Thenable<void> | undefined {
  return client ? client.stop() : undefined;
}
