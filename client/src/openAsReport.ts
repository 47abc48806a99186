// "Open as report": a saved web page, Word document or PDF of the workspace shown as the text the linter reads
// from it (what `gov-report-lint --extract` prints), in a read-only gov-report document with every diagnostic,
// the outline and the hovers. The text comes from the language server (govReport/extract), which holds the
// readers; a document of a TextDocumentContentProvider is read-only in VS Code. Its URI is the file's with the
// scheme gov-report-extract, which the language client's document selector includes.
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTRACT_SCHEME, type ExtractResult } from '../../server/src/protocol';
import { t } from './messages';

type Extract = (file: vscode.Uri) => Promise<ExtractResult | null>;

export class ExtractedReports implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly extract: Extract, private readonly languageId: string) {}

  /** Read `file` and show its text as a report; when it cannot be read, say why in an error notification. */
  async open(file: vscode.Uri): Promise<vscode.TextEditor | undefined> {
    const result = await this.extract(file).catch(() => null);
    if (!result?.ok) {
      void vscode.window.showErrorMessage(result?.message ?? t('openFailed', { name: path.basename(file.fsPath) }));
      return undefined;
    }
    const uri = file.with({ scheme: EXTRACT_SCHEME });
    this.texts.set(uri.toString(), result.text);
    this.changed.fire(uri); // already open: show the file as it is now
    let doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== this.languageId) doc = await vscode.languages.setTextDocumentLanguage(doc, this.languageId);
    return vscode.window.showTextDocument(doc, { preview: false });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const known = this.texts.get(uri.toString());
    if (known !== undefined) return known;
    // An editor restored with the window, or a closed one reopened: read the file again.
    const file = uri.with({ scheme: 'file' });
    const result = await this.extract(file).catch(() => null);
    if (!result?.ok) throw new Error(result?.message ?? t('openFailed', { name: path.basename(file.fsPath) }));
    return result.text;
  }

  /** The text is kept while its document is open (VS Code may ask for it again); a closed one is read anew. */
  forget(doc: vscode.TextDocument): void {
    if (doc.uri.scheme === EXTRACT_SCHEME) this.texts.delete(doc.uri.toString());
  }
}

/**
 * The files the command applies to: those selected in the Explorer (its context menu passes the one clicked and
 * the selection), else the active editor's or tab's file. An extracted report stands for its file (reread).
 */
export function filesToOpen(clicked: unknown, selected: unknown): vscode.Uri[] {
  const chosen = Array.isArray(selected) && selected.length > 0 ? selected : [clicked ?? activeResource()];
  return chosen.filter((u): u is vscode.Uri => u instanceof vscode.Uri)
    .map((u) => (u.scheme === EXTRACT_SCHEME ? u.with({ scheme: 'file' }) : u));
}

function activeResource(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) return input.uri;
  return vscode.window.activeTextEditor?.document.uri;
}
