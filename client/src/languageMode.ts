// Which documents become gov-report. A plain-text file whose own title is a report's is switched on open; a file
// the user switched back to Plain Text stays Plain Text (remembered per file, per workspace); a Markdown report,
// and a report pasted into a new untitled tab, are offered a check once (a notification), never switched
// silently and never ignored.
import * as vscode from 'vscode';
import { looksLikeReport } from './detect';
import { t } from './messages';

const KEPT_PLAIN = 'govReport.keptPlainText';
const NEVER_OFFER = 'govReport.neverOfferCheck';
const HEAD_LINES = 60;

const head = (doc: vscode.TextDocument) => doc.getText(new vscode.Range(0, 0, HEAD_LINES, 0));

export class LanguageMode implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The document closed in this turn of the event loop: VS Code closes and reopens a document whose language changes. */
  private justClosed: { uri: string; languageId: string } | null = null;
  /** Documents already offered a check in this session. */
  private readonly offered = new Set<string>();

  constructor(private readonly languageId: string, private readonly workspace: vscode.Memento, private readonly global: vscode.Memento) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.opened(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.closed(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.changed(e.document)),
    );
    for (const doc of vscode.workspace.textDocuments) this.opened(doc);
  }

  /** The user asked for gov-report (the command): forget an earlier choice of Plain Text. */
  async chosen(doc: vscode.TextDocument): Promise<void> {
    await this.keepPlain(doc.uri, false);
    await vscode.languages.setTextDocumentLanguage(doc, this.languageId);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  private opened(doc: vscode.TextDocument): void {
    const uri = doc.uri.toString();
    if (this.justClosed?.uri === uri) {
      // A change of language (the language picker, a command): gov-report → Plain Text is remembered for this file,
      // a change to gov-report forgets it; nothing is detected.
      const from = this.justClosed.languageId;
      if (doc.uri.scheme === 'file' && from === this.languageId && doc.languageId === 'plaintext') void this.keepPlain(doc.uri, true);
      else if (doc.uri.scheme === 'file' && doc.languageId === this.languageId) void this.keepPlain(doc.uri, false);
      return;
    }
    if (doc.languageId === this.languageId && this.keptPlain().includes(uri)) {
      // The filename pattern made it gov-report again; the user's choice wins.
      void vscode.languages.setTextDocumentLanguage(doc, 'plaintext').then(undefined, () => undefined);
      return;
    }
    if (doc.languageId === 'plaintext' && doc.uri.scheme === 'file' && !this.keptPlain().includes(uri) && looksLikeReport(head(doc))) {
      void vscode.languages.setTextDocumentLanguage(doc, this.languageId).then(undefined, () => undefined);
      return;
    }
    if (doc.languageId === 'markdown' && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled')) this.offerIfReport(doc);
    if (doc.languageId === 'plaintext' && doc.uri.scheme === 'untitled') this.offerIfReport(doc);
  }

  private closed(doc: vscode.TextDocument): void {
    const closed = { uri: doc.uri.toString(), languageId: doc.languageId };
    this.justClosed = closed;
    setTimeout(() => { if (this.justClosed === closed) this.justClosed = null; }, 0);
  }

  /** Text pasted into an untitled tab (or typed into a Markdown file) is looked at as it comes. */
  private changed(doc: vscode.TextDocument): void {
    if (doc.languageId === 'plaintext' && doc.uri.scheme === 'untitled') this.offerIfReport(doc);
    else if (doc.languageId === 'markdown') this.offerIfReport(doc);
  }

  private offerIfReport(doc: vscode.TextDocument): void {
    const uri = doc.uri.toString();
    if (this.offered.has(uri) || this.global.get<boolean>(NEVER_OFFER) || !looksLikeReport(head(doc))) return;
    this.offered.add(uri);
    void this.offer(doc);
  }

  private async offer(doc: vscode.TextDocument): Promise<void> {
    const check = t('offer.check');
    const never = t('offer.never');
    const answer = await vscode.window.showInformationMessage(t('offer.message', { name: doc.uri.path.split('/').pop() ?? '' }), check, never);
    if (answer === check) await this.chosen(doc);
    else if (answer === never) await this.global.update(NEVER_OFFER, true);
  }

  private keptPlain(): string[] {
    return this.workspace.get<string[]>(KEPT_PLAIN) ?? [];
  }

  private async keepPlain(uri: vscode.Uri, keep: boolean): Promise<void> {
    const key = uri.toString();
    const now = this.keptPlain().filter((u) => u !== key);
    await this.workspace.update(KEPT_PLAIN, keep ? [...now, key] : now);
  }
}
