// The language server proper: document sync, debounced linting with a per-version cache, settings, and
// handlers of a few lines each over the engine. Every handler is guarded: an exception is logged and
// answered with an empty result, never a dead server.
import {
  CodeActionKind, LSPErrorCodes, ResponseError, TextDocuments, TextDocumentSyncKind,
  type CancellationToken, type Connection, type Diagnostic, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt, lint, outline, type LintResult, type Locale } from '../engine';
import { codeActions, FIX_ALL_KIND } from './codeActions';
import {
  extractReport, EXTRACT_REQUEST, htmlToReportText, HTML_TO_TEXT_REQUEST, tableFieldsOf,
  type ExtractParams, type ExtractResult, type HtmlToTextParams, type HtmlToTextResult,
} from './documents';
import { toDiagnostic, toFoldingRanges, toHover, toSymbols } from './convert';
import { defaultSettings, lintOptionsOf, localeOf, normalizeSettings, type Settings } from './settings';

export interface InitOptions {
  /** Delay between the last change and the lint (ms). Default 150; tests use 0. */
  debounceMs?: number;
  /** The client's UI language ('zh-cn', 'en', …), used when govReport.locale is 'auto'. */
  locale?: string;
  /** At most this many diagnostics are published per document (a pathological text can have 10⁵ findings). */
  maxDiagnostics?: number;
}

const CONFIG_TIMEOUT_MS = 5000;

interface Cached { version: number; key: string; result: LintResult }

/**
 * Lint results are kept for this many documents, the most recently used (a result with its report model is
 * ≈ 150 KB). Requests about the others (hover, outline, code actions) lint again: a few ms.
 */
const CACHED_DOCUMENTS = 4;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let debounceMs = 150;
  let maxDiagnostics = 10000;
  let clientLocale: Locale = 'zh-CN';
  let pullConfig = false;
  let versionedEdits = false;
  /** Settings pushed with workspace/didChangeConfiguration, used when the client cannot be asked. */
  let pushed: Settings = defaultSettings;
  const settingsCache = new Map<string, Promise<Settings>>();
  const lintCache = new Map<string, Cached>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /**
   * Per-document generation: a lint publishes only if no newer one was started after it. Numbers come from one
   * counter and are never reused, so a closed document's entry can be dropped (a reopened one starts afresh).
   */
  const generation = new Map<string, number>();
  let lastGeneration = 0;

  const log = (what: string, err: unknown) => {
    try { connection.console.error(`gov-report: ${what}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`); } catch { /* closed */ }
  };

  /** Wrap a request handler: cancelled → RequestCancelled; exception → `fallback` and a log line. */
  function guard<P, R>(name: string, fallback: R, fn: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
      try {
        const r = await fn(params, token);
        return token?.isCancellationRequested ? new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled') : r;
      } catch (err) {
        log(name, err);
        return fallback;
      }
    };
  }
  function guardNote<P>(name: string, fn: (params: P) => void | Promise<void>) {
    return (params: P): void => {
      try { void Promise.resolve(fn(params)).catch((err) => log(name, err)); } catch (err) { log(name, err); }
    };
  }

  // ------------------------------------------------------------------ settings and lint cache

  function settingsFor(uri: string): Promise<Settings> {
    if (!pullConfig) return Promise.resolve(pushed);
    let p = settingsCache.get(uri);
    if (!p) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<Settings>((resolve) => { timer = setTimeout(() => { settingsCache.delete(uri); resolve(defaultSettings); }, CONFIG_TIMEOUT_MS); });
      const ask = connection.workspace.getConfiguration({ scopeUri: uri, section: 'govReport' })
        .then(normalizeSettings, (err) => { log('workspace/configuration', err); return defaultSettings; });
      p = Promise.race([ask, timeout]).finally(() => clearTimeout(timer));
      settingsCache.set(uri, p);
    }
    return p;
  }

  /** The engine's options for a document: its settings, and how its tables are read (a Word or web page's text). */
  function optionsFor(doc: TextDocument, settings: Settings) {
    return { ...lintOptionsOf(settings, clientLocale), tableFields: tableFieldsOf(doc.uri) };
  }

  function lintDocument(doc: TextDocument, settings: Settings): LintResult {
    const options = optionsFor(doc, settings);
    const key = JSON.stringify(options);
    const hit = lintCache.get(doc.uri);
    if (hit) lintCache.delete(doc.uri); // re-inserted below: the map's order is the order of use
    if (hit && hit.version === doc.version && hit.key === key) {
      lintCache.set(doc.uri, hit);
      return hit.result;
    }
    const result = lint(doc.getText(), options);
    for (const f of result.failures) log(`rule ${f.rule} failed on ${doc.uri}`, f.error);
    if (documents.get(doc.uri)) {
      lintCache.set(doc.uri, { version: doc.version, key, result });
      if (lintCache.size > CACHED_DOCUMENTS) lintCache.delete(lintCache.keys().next().value!);
    }
    return result;
  }

  /** The open document, its settings and its lint result for the current version; null when not open. */
  async function current(uri: string) {
    if (!documents.get(uri)) return null;
    const settings = await settingsFor(uri);
    const doc = documents.get(uri);
    if (!doc) return null;
    return { doc, settings, options: optionsFor(doc, settings), result: lintDocument(doc, settings) };
  }

  // ------------------------------------------------------------------ diagnostics

  function schedule(uri: string): void {
    const gen = ++lastGeneration;
    generation.set(uri, gen);
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      validate(uri, gen).catch((err) => log('validate', err));
    }, debounceMs));
  }

  async function validate(uri: string, gen: number): Promise<void> {
    const stale = () => generation.get(uri) !== gen;
    // Let messages already received (a newer change, a close) be handled first: the connection
    // dispatches one message per setImmediate, queued before this one.
    await new Promise((resolve) => setImmediate(resolve));
    if (stale() || !documents.get(uri)) return;
    const settings = await settingsFor(uri);
    const doc = documents.get(uri);
    if (stale() || !doc) return;
    const version = doc.version;
    let diagnostics: Diagnostic[];
    try {
      const findings = lintDocument(doc, settings).findings;
      if (findings.length > maxDiagnostics) connection.console.warn(`gov-report: ${uri}: ${findings.length} findings, publishing the first ${maxDiagnostics}`);
      diagnostics = findings.slice(0, maxDiagnostics).map((f) => toDiagnostic(f, version));
    } catch (err) {
      log(`lint ${uri}`, err);
      diagnostics = [];
    }
    // Nothing stale: the document must still be open at this version and no newer lint started.
    if (stale() || documents.get(uri)?.version !== version) return;
    await connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function revalidateAll(): void {
    for (const doc of documents.all()) schedule(doc.uri);
  }

  // ------------------------------------------------------------------ lifecycle

  connection.onInitialize((params): InitializeResult => {
    const init = (params.initializationOptions && typeof params.initializationOptions === 'object' ? params.initializationOptions : {}) as InitOptions;
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
    if (typeof init.maxDiagnostics === 'number' && init.maxDiagnostics >= 0) maxDiagnostics = init.maxDiagnostics;
    clientLocale = localeOf(init.locale ?? params.locale);
    pullConfig = params.capabilities?.workspace?.configuration === true;
    versionedEdits = params.capabilities?.workspace?.workspaceEdit?.documentChanges === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        documentSymbolProvider: { label: 'gov-report' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      },
      serverInfo: { name: 'gov-report' },
    };
  });

  connection.onDidChangeConfiguration(guardNote('didChangeConfiguration', (params) => {
    const s = (params?.settings as { govReport?: unknown } | null | undefined)?.govReport;
    if (s !== undefined) pushed = normalizeSettings(s);
    settingsCache.clear();
    revalidateAll();
  }));

  // Fired for didOpen as well as didChange.
  documents.onDidChangeContent((e) => { try { schedule(e.document.uri); } catch (err) { log('didChange', err); } });
  documents.onDidClose((e) => {
    try {
      const uri = e.document.uri;
      clearTimeout(timers.get(uri));
      timers.delete(uri);
      generation.delete(uri); // a lint still under way sees it is stale
      lintCache.delete(uri);
      settingsCache.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    } catch (err) { log('didClose', err); }
  });

  // ------------------------------------------------------------------ language features

  connection.onHover(guard('hover', null, async (params) => {
    const c = await current(params.textDocument.uri);
    return c ? toHover(hoverAt(c.result, params.position, c.options.locale)) : null;
  }));

  connection.onDocumentSymbol(guard('documentSymbol', [], async (params) => {
    const c = await current(params.textDocument.uri);
    if (!c) return [];
    return toSymbols(outline(c.result.report, c.options.locale, c.doc.positionAt(c.doc.getText().length)));
  }));

  connection.onFoldingRanges(guard('foldingRange', [], async (params) => {
    const c = await current(params.textDocument.uri);
    if (!c) return [];
    return toFoldingRanges(outline(c.result.report, c.options.locale, c.doc.positionAt(c.doc.getText().length)));
  }));

  connection.onCodeAction(guard('codeAction', [], async (params) => {
    const c = await current(params.textDocument.uri);
    if (!c) return [];
    return codeActions({
      uri: c.doc.uri, version: c.doc.version, text: c.doc.getText(), result: c.result, options: c.options, documentChanges: versionedEdits,
    }, params.context);
  }));

  // ------------------------------------------------------------------ published documents (documents.ts)

  connection.onRequest(EXTRACT_REQUEST, guard<ExtractParams, ExtractResult | null>('extract', null, async (params) => {
    const uri = String(params?.uri ?? '');
    return extractReport(uri, lintOptionsOf(await settingsFor(uri), clientLocale).locale);
  }));

  connection.onRequest(HTML_TO_TEXT_REQUEST, guard<HtmlToTextParams, HtmlToTextResult>('htmlToText', null, (params) => htmlToReportText(params?.html)));

  documents.listen(connection);
  connection.listen();
}
