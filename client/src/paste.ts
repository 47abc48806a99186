// "Paste as report text": when HTML is pasted into a report (a copy from a web page or from Word), one more paste
// option gives its tables as report text, one row per line with the cells apart by tabs and blank cells kept,
// which is the layout the linter reads best; the browser's own text of a table is one cell per paragraph and
// loses blank cells. The conversion is the server's HTML reader (govReport/htmlToText), the one that reads saved
// pages, so the client stays small. Plain paste stays the default: this option is offered next to it.
import * as vscode from 'vscode';
import { t } from './messages';
import type { HtmlToTextResult } from '../../server/src/protocol';

export const REPORT_TEXT_KIND = vscode.DocumentDropOrPasteEditKind.Empty.append('govReport', 'reportText');

export const PASTE_METADATA: vscode.DocumentPasteProviderMetadata = {
  providedPasteEditKinds: [REPORT_TEXT_KIND],
  pasteMimeTypes: ['text/html'],
};

export class PasteAsReportText implements vscode.DocumentPasteEditProvider {
  constructor(private readonly htmlToText: (html: string, token: vscode.CancellationToken) => Promise<HtmlToTextResult>) {}

  async provideDocumentPasteEdits(
    document: vscode.TextDocument, ranges: readonly vscode.Range[], dataTransfer: vscode.DataTransfer,
    _context: vscode.DocumentPasteEditContext, token: vscode.CancellationToken,
  ): Promise<vscode.DocumentPasteEdit[] | undefined> {
    const html = await dataTransfer.get('text/html')?.asString();
    if (!html || token.isCancellationRequested) return undefined;
    const result = await this.htmlToText(html, token).catch(() => null);
    if (!result || token.isCancellationRequested) return undefined;
    // Nothing to offer when the plain text is this very text.
    const plain = await dataTransfer.get('text/plain')?.asString();
    if (plain?.trim() === result.text.trim()) return undefined;
    // Not as `insertText`: that is inserted as a snippet, whose lines VS Code re-indents (tabs to spaces, the
    // indentation of the line pasted into added), and a leading tab is a blank cell. A plain edit keeps them.
    const edit = new vscode.DocumentPasteEdit('', t('pasteAsReportText'), REPORT_TEXT_KIND);
    edit.additionalEdit = new vscode.WorkspaceEdit();
    for (const range of ranges) edit.additionalEdit.replace(document.uri, range, result.text);
    edit.yieldTo = [vscode.DocumentDropOrPasteEditKind.Text];
    return [edit];
  }
}
