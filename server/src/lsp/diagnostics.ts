// Publishing diagnostics: each change schedules a lint of its document, at once after a quiet spell and at most
// every debounceMs during a burst, and a lint publishes only when nothing has made it stale (a newer change, a
// close) by the time it is done. The background pass over the workspace holds from the keystroke to the publication.
import type { Connection, Diagnostic, TextDocuments, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientConfig } from './config';
import { toDiagnostic } from './convert';
import { format, type Locale } from '../engine';
import type { Log } from './guard';
import type { Lints } from './lints';
import { lspMessages } from './messages';
import type { Settings } from './settings';
import type { Workspace } from './workspace';

/**
 * A document this long (UTF-16 units) is announced as being checked (window/workDoneProgress; VS Code shows it in
 * the status bar): it takes a second or more, and an 8.7 MB report was silent for 9 s. Shorter ones would only flicker.
 */
export const LONG_REPORT_CHARS = 1_000_000;

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /**
   * Per-document generation: a lint publishes only if no newer one was started after it. Numbers come from one
   * counter and are never reused, so a closed document's entry can be dropped (a reopened one starts afresh).
   */
  private readonly generation = new Map<string, number>();
  private lastGeneration = 0;
  /** When each document's last lint was started (performance.now()), for the leading and trailing edge. */
  private readonly lastLint = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly config: ClientConfig,
    private readonly lints: Lints,
    private readonly workspace: Workspace,
    private readonly log: Log,
  ) {}

  /** An edit: the background pass holds from now until the document is published (workspace.ts: editing, edited). */
  changed(uri: string): void {
    this.workspace.keystroke();
    this.schedule(uri);
  }

  /**
   * Lint at once when the last lint is debounceMs old (leading edge); otherwise once it is, taking the newest
   * version then (trailing edge): a burst of edits is linted at most every debounceMs, and never left stale.
   */
  schedule(uri: string): void {
    this.generation.set(uri, ++this.lastGeneration);
    if (this.timers.has(uri)) return;
    const lintNow = () => {
      this.timers.delete(uri);
      this.lastLint.set(uri, performance.now());
      this.validate(uri, this.generation.get(uri) ?? 0).catch((err: unknown) => { this.log('validate', err); });
    };
    const wait = (this.lastLint.get(uri) ?? -Infinity) + this.config.debounceMs - performance.now();
    if (wait <= 0) lintNow(); // validate() still lets the messages already received go first
    else this.timers.set(uri, setTimeout(lintNow, wait));
  }

  scheduleAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri);
  }

  /**
   * A closed document: no lint of it publishes any more. A report of the workspace shows the findings of the file
   * on disk again; any other document none.
   */
  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.lastLint.delete(uri);
    this.generation.delete(uri); // a lint still under way sees it is stale
    void this.connection.sendDiagnostics({ uri, diagnostics: this.workspace.closed(uri) });
    if (this.workspace.active) this.workspace.notify();
  }

  private async validate(uri: string, gen: number): Promise<void> {
    const stale = () => this.generation.get(uri) !== gen;
    // Let messages already received (a newer change, a close) be handled first: the connection
    // dispatches one message per setImmediate, queued before this one.
    await new Promise((resolve) => setImmediate(resolve));
    if (stale() || !this.documents.get(uri)) return;
    const settings = await this.config.settingsFor(uri);
    const doc = this.documents.get(uri);
    if (stale() || !doc) return;
    const version = doc.version;
    // Nothing stale: the document is still open at this version and no newer lint started.
    const current = () => !stale() && this.documents.get(uri)?.version === version;
    this.workspace.editing(); // the background pass holds its threads until this document is published
    const progress = doc.getText().length >= LONG_REPORT_CHARS ? await this.beginProgress(doc.uri, this.lints.optionsFor(doc, settings).locale) : null;
    // Announcing took a round trip, during which a newer change may have come: a long lint is not done for nothing.
    if (progress && !current()) { progress.done(); this.workspace.edited(); return; }
    let diagnostics: Diagnostic[];
    try {
      diagnostics = this.diagnosticsOf(doc, settings);
    } finally {
      progress?.done();
    }
    if (!current()) { this.workspace.edited(); return; }
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
    this.workspace.edited();
    if (this.workspace.active) this.workspace.notify();
  }

  /** Announces the lint of a long document; resolves once the announcement is on its way (the lint blocks). */
  private async beginProgress(uri: string, locale: Locale): Promise<WorkDoneProgressServerReporter | null> {
    if (!this.config.progress) return null;
    try {
      const p = await this.connection.window.createWorkDoneProgress();
      const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
      p.begin(format(locale, 'document.progress', { name }, lspMessages));
      await new Promise((resolve) => setImmediate(resolve));
      return p;
    } catch (err) {
      this.log('workDoneProgress', err);
      return null;
    }
  }

  private diagnosticsOf(doc: TextDocument, settings: Settings): Diagnostic[] {
    const max = this.config.maxDiagnostics;
    try {
      const options = this.lints.optionsFor(doc, settings);
      const findings = this.lints.withYear(doc.uri, this.lints.lintDocument(doc, settings), options).findings;
      if (findings.length > max) this.connection.console.warn(`gov-report: ${doc.uri}: ${findings.length} findings, publishing the first ${max}`);
      return findings.slice(0, max).map((f) => toDiagnostic(f, doc.version, doc.uri));
    } catch (err) {
      this.log(`lint ${doc.uri}`, err);
      return [];
    }
  }
}
