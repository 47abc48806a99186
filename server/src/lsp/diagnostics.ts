// Publishing diagnostics: each change schedules a debounced lint of its document, and a lint publishes only when
// nothing has made it stale (a newer change, a close) by the time it is done.
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientConfig } from './config';
import { toDiagnostic } from './convert';
import type { Log } from './guard';
import type { Lints } from './lints';
import type { Settings } from './settings';

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /**
   * Per-document generation: a lint publishes only if no newer one was started after it. Numbers come from one
   * counter and are never reused, so a closed document's entry can be dropped (a reopened one starts afresh).
   */
  private readonly generation = new Map<string, number>();
  private lastGeneration = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly config: ClientConfig,
    private readonly lints: Lints,
    private readonly log: Log,
  ) {}

  schedule(uri: string): void {
    const gen = ++this.lastGeneration;
    this.generation.set(uri, gen);
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.validate(uri, gen).catch((err) => this.log('validate', err));
    }, this.config.debounceMs));
  }

  scheduleAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri);
  }

  /** A closed document: no lint of it publishes any more, and its diagnostics are cleared. */
  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.generation.delete(uri); // a lint still under way sees it is stale
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
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
    const diagnostics = this.diagnosticsOf(doc, settings);
    // Nothing stale: the document must still be open at this version and no newer lint started.
    if (stale() || this.documents.get(uri)?.version !== version) return;
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  private diagnosticsOf(doc: TextDocument, settings: Settings): Diagnostic[] {
    const max = this.config.maxDiagnostics;
    try {
      const findings = this.lints.lintDocument(doc, settings).findings;
      if (findings.length > max) this.connection.console.warn(`gov-report: ${doc.uri}: ${findings.length} findings, publishing the first ${max}`);
      return findings.slice(0, max).map((f) => toDiagnostic(f, doc.version));
    } catch (err) {
      this.log(`lint ${doc.uri}`, err);
      return [];
    }
  }
}
