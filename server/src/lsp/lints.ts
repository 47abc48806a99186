// Lint results per open document and version: diagnostics, hover, outline and code actions of one version all
// read the same result, linted once, with last year's report of the workspace compared when there is one.
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, withPreviousYear, type LintOptions, type LintResult, type Locale } from '../engine';
import type { ClientConfig } from './config';
import { tableFieldsOf } from './documents';
import type { Log } from './guard';
import { lintOptionsOf, type Settings } from './settings';
import type { Workspace } from './workspace';

interface Cached { version: number; key: string; result: LintResult }

/**
 * Lint results are kept for this many documents, the most recently used (a result with its report model is
 * ≈ 150 KB). Requests about the others (hover, outline, code actions) lint again: a few ms.
 */
const CACHED_DOCUMENTS = 4;

/** An open document at its current version, with its settings and lint result. */
export interface Current { doc: TextDocument; settings: Settings; options: LintOptions & { locale: Locale }; result: LintResult }

export class Lints {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly config: ClientConfig,
    private readonly workspace: Workspace,
    private readonly log: Log,
  ) {}

  /**
   * The engine's options for a document: its settings (the project configuration's for the files it names), how its
   * tables are read (a Word or web page's text), and its facts when the workspace pairs reports by year.
   */
  optionsFor(doc: TextDocument, settings: Settings): LintOptions & { locale: Locale } {
    const resolved = this.workspace.active ? this.workspace.resolve(doc.uri, settings) : settings;
    return { ...lintOptionsOf(resolved, this.config.clientLocale), tableFields: tableFieldsOf(doc.uri), ...(this.workspace.active ? { facts: true } : {}) };
  }

  /** A result with the findings of last year's report of its office in the workspace, when there is one. */
  withYear(uri: string, result: LintResult, options: LintOptions): LintResult {
    const previous = this.workspace.active ? this.workspace.previousFor(uri, result.facts) : null;
    return previous ? withPreviousYear(result, previous, options) : result;
  }

  lintDocument(doc: TextDocument, settings: Settings): LintResult {
    const options = this.optionsFor(doc, settings);
    const key = JSON.stringify(options);
    const hit = this.cache.get(doc.uri);
    if (hit) this.cache.delete(doc.uri); // re-inserted below: the map's order is the order of use
    if (hit?.version === doc.version && hit.key === key) {
      this.cache.set(doc.uri, hit);
      return hit.result;
    }
    const result = lint(doc.getText(), options);
    for (const f of result.failures) this.log(`rule ${f.rule} failed on ${doc.uri}`, f.error);
    if (this.documents.get(doc.uri)) {
      this.cache.set(doc.uri, { version: doc.version, key, result });
      if (this.cache.size > CACHED_DOCUMENTS) this.cache.delete(this.cache.keys().next().value!);
    }
    return result;
  }

  /** The open document, its settings and its lint result for the current version; null when not open. */
  async current(uri: string): Promise<Current | null> {
    if (!this.documents.get(uri)) return null;
    const settings = await this.config.settingsFor(uri);
    const doc = this.documents.get(uri);
    if (!doc) return null;
    const options = this.optionsFor(doc, settings);
    return { doc, settings, options, result: this.withYear(uri, this.lintDocument(doc, settings), options) };
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
