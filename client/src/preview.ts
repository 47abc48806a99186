// The table preview beside the editor (as Markdown's preview): one webview per report, fed by the language
// server's govReport/tables and redrawn on every change; clicks reveal cells in the editor, the editor's cursor
// is highlighted in the preview. The page itself is client/out/preview.js with client/media/preview.css.
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { format } from '../../server/src/engine/messages';
import { previewMessages } from '../../server/src/engine/messages/preview';
import type { Locale, Range } from '../../server/src/engine/types';
import { TABLES_REQUEST, type TablesResult } from '../../server/src/protocol';

export const PREVIEW_VIEW_TYPE = 'govReport.tablePreview';

export class TablePreviews implements vscode.WebviewPanelSerializer<{ uri?: string }> {
  private readonly open = new Map<string, TablePreview>();

  /** `client` resolves to the running language client (started if need be: a restored preview may come first). */
  constructor(private readonly context: vscode.ExtensionContext, private readonly client: () => Promise<LanguageClient>, private readonly locale: () => Locale) {}

  /** Show the preview of `doc` beside its editor (a new one, or the one already open). */
  show(doc: vscode.TextDocument, column: vscode.ViewColumn | undefined): void {
    const key = doc.uri.toString();
    const existing = this.open.get(key);
    if (existing) { existing.panel.reveal(undefined, true); return; }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, this.title(doc.uri), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.options());
    this.adopt(panel, doc.uri, column);
  }

  /** A preview left open when the window was closed: opened again on its report. */
  deserializeWebviewPanel(panel: vscode.WebviewPanel, state: { uri?: string } | undefined): Promise<void> {
    if (state?.uri) {
      panel.webview.options = this.options();
      this.adopt(panel, vscode.Uri.parse(state.uri), undefined);
    } else panel.dispose();
    return Promise.resolve();
  }

  private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri, column: vscode.ViewColumn | undefined): void {
    const key = uri.toString();
    const preview = new TablePreview(panel, uri, column, this.client, () => this.locale(), this.html(panel.webview, uri));
    this.open.set(key, preview);
    panel.onDidDispose(() => { this.open.delete(key); preview.dispose(); });
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.file(path.join(this.context.extensionPath, 'client'))] };
  }

  private title(uri: vscode.Uri): string {
    return format(this.locale(), 'panelTitle', { file: path.basename(uri.fsPath || uri.path) }, previewMessages);
  }

  /** The page: no remote resources, scripts only with this load's nonce, styles only from the extension. */
  private html(webview: vscode.Webview, uri: vscode.Uri): string {
    const asset = (...p: string[]) => webview.asWebviewUri(vscode.Uri.file(path.join(this.context.extensionPath, ...p)));
    const nonce = Array.from({ length: 32 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 62)]).join('');
    const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource}; font-src ${webview.cspSource}`;
    const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    return `<!DOCTYPE html>
<html lang="${this.locale() === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('client', 'media', 'preview.css').toString()}">
</head>
<body>
<div id="app" data-uri="${attr(uri.toString())}"></div>
<script nonce="${nonce}" src="${asset('client', 'out', 'preview.js').toString()}"></script>
</body>
</html>`;
  }
}

class TablePreview {
  private readonly subscriptions: vscode.Disposable[] = [];
  /** A request is on its way; `dirty` asks for one more when it is back (edits coalesce, none is lost). */
  private busy = false;
  private dirty = false;
  private disposed = false;

  constructor(readonly panel: vscode.WebviewPanel, private readonly uri: vscode.Uri, private column: vscode.ViewColumn | undefined,
    private readonly client: () => Promise<LanguageClient>, private readonly locale: () => Locale, html: string) {
    panel.webview.html = html;
    const key = uri.toString();
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: { type: string; range?: Range }) => {
        if (m.type === 'ready') void this.refresh();
        else if (m.type === 'reveal' && m.range) void this.reveal(m.range);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.document.uri.toString() === key) void this.refresh(); }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.uri.toString() !== key) return;
        this.column = e.textEditor.viewColumn ?? this.column;
        const p = e.selections[0].active;
        void panel.webview.postMessage({ type: 'cursor', position: { line: p.line, character: p.character } });
      }),
      vscode.workspace.onDidCloseTextDocument((d) => { if (d.uri.toString() === key) this.say('closed'); }),
    );
  }

  /** Ask the server for the newest tables; while a request is out, changes only mark that another is needed. */
  async refresh(): Promise<void> {
    if (this.busy) { this.dirty = true; return; }
    this.busy = true;
    try {
      do {
        this.dirty = false;
        const client = await this.client();
        const result = await client.sendRequest<TablesResult | null>(TABLES_REQUEST, { uri: this.uri.toString() });
        if (this.disposed) return;
        if (result) await this.panel.webview.postMessage({ type: 'model', ...result });
        else this.say('noReport');
      } while (this.dirty);
    } catch {
      // The server is restarting or stopped: the next change asks again.
    } finally {
      this.busy = false;
    }
  }

  private say(key: string): void {
    void this.panel.webview.postMessage({ type: 'message', text: format(this.locale(), key, undefined, previewMessages) });
  }

  /** Show the cell in the report's editor, cursor on it (the editor beside the preview, or a new one). */
  private async reveal(range: Range): Promise<void> {
    const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const doc = await vscode.workspace.openTextDocument(this.uri);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? this.column ?? vscode.ViewColumn.One, selection: r, preserveFocus: false });
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.disposed = true;
    for (const s of this.subscriptions) s.dispose();
  }
}
