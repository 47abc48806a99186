// The language server proper: document sync, debounced linting with a per-version cache, settings, and
// handlers of a few lines each over the engine. Every handler is guarded: an exception is logged and
// answered with an empty result, never a dead server.
import {
  CodeActionKind, LSPErrorCodes, ResponseError, TextDocuments, TextDocumentSyncKind,
  type CancellationToken, type Connection, type Diagnostic, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt, lint, outline, withPreviousYear, type LintOptions, type LintResult, type Locale } from '../engine';
import { codeActions, FIX_ALL_KIND } from './codeActions';
import { registerDesk } from './desk';
import {
  extractReport, EXTRACT_REQUEST, htmlToReportText, HTML_TO_TEXT_REQUEST, tableFieldsOf,
  type ExtractParams, type ExtractResult, type HtmlToTextParams, type HtmlToTextResult,
} from './documents';
import { toDiagnostic, toFoldingRanges, toHover, toSymbols } from './convert';
import { defaultSettings, lintOptionsOf, localeOf, normalizeSettings, type Settings } from './settings';
import { registerWorkspace, workspaceFoldersOf, type Workspace } from './workspaceRequests';

export interface InitOptions {
  /**
   * The shortest time between two lints of a document (ms). An edit after a quiet spell is linted at once; the
   * edits of a burst are linted together when this much time has passed since the last lint. Default 150.
   */
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

/** `script`: the server's bundle, from which the background pass starts its worker threads (null: no pass). */
export function startServer(connection: Connection, script: string | null = null): void {
  const documents = new TextDocuments(TextDocument);
  let debounceMs = 150;
  let maxDiagnostics = 10000;
  let clientLocale: Locale = 'zh-CN';
  /** The language of what belongs to no one document (the background pass, its progress, the summary): the setting's. */
  let folderLocale: Locale = 'zh-CN';
  let pullConfig = false;
  let versionedEdits = false;
  /** Settings pushed with workspace/didChangeConfiguration, used when the client cannot be asked. */
  let pushed: Settings = defaultSettings;
  let pushedRaw: unknown = null;
  let folders: string[] = [];
  let progress = false;
  let watch = false;
  const settingsCache = new Map<string, Promise<Settings>>();
  const lintCache = new Map<string, Cached>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /**
   * Per-document generation: a lint publishes only if no newer one was started after it. Numbers come from one
   * counter and are never reused, so a closed document's entry can be dropped (a reopened one starts afresh).
   */
  const generation = new Map<string, number>();
  let lastGeneration = 0;
  /** When each document's last lint was started (performance.now()), for the leading and trailing edge. */
  const lastLint = new Map<string, number>();

  const log = (what: string, err: unknown) => {
    try { connection.console.error(`gov-report: ${what}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`); } catch { /* closed */ }
  };

  /** Wrap a request handler: cancelled → RequestCancelled; exception → `fallback` and a log line. */
  function guard<P, R>(name: string, fallback: R, fn: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R | ResponseError> => {
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
      try { void Promise.resolve(fn(params)).catch((err: unknown) => log(name, err)); } catch (err) { log(name, err); }
    };
  }

  // ------------------------------------------------------------------ settings and lint cache

  /** A section of the client's configuration for a scope; null after CONFIG_TIMEOUT_MS or an error. */
  function section(scopeUri: string, name: string): Promise<unknown> {
    if (!pullConfig) return Promise.resolve(name === 'govReport' ? pushedRaw : null);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), CONFIG_TIMEOUT_MS); });
    const ask = connection.workspace.getConfiguration({ scopeUri: scopeUri || undefined, section: name }).then((v) => v as unknown, (err: unknown) => { log('workspace/configuration', err); return null; });
    return Promise.race([ask, timeout]).finally(() => clearTimeout(timer));
  }

  function settingsFor(uri: string): Promise<Settings> {
    if (!pullConfig) return Promise.resolve(pushed);
    let p = settingsCache.get(uri);
    if (!p) {
      p = section(uri, 'govReport').then((raw) => {
        if (raw === null) settingsCache.delete(uri); // timed out or failed: ask again next time
        return raw === null ? defaultSettings : normalizeSettings(raw);
      });
      settingsCache.set(uri, p);
    }
    return p;
  }

  /**
   * The engine's options for a document: its settings (the project configuration's for the files it names), how its
   * tables are read (a Word or web page's text), and its facts when the workspace pairs reports by year.
   */
  function optionsFor(doc: TextDocument, settings: Settings) {
    const resolved = workspace.active ? workspace.resolve(doc.uri, settings) : settings;
    return { ...lintOptionsOf(resolved, clientLocale), tableFields: tableFieldsOf(doc.uri), ...(workspace.active ? { facts: true } : {}) };
  }

  /** A result with the findings of last year's report of its office in the workspace, when there is one. */
  function withYear(uri: string, result: LintResult, options: LintOptions): LintResult {
    const previous = workspace.active ? workspace.previousFor(uri, result.facts) : null;
    return previous ? withPreviousYear(result, previous, options) : result;
  }

  function lintDocument(doc: TextDocument, settings: Settings): LintResult {
    const options = optionsFor(doc, settings);
    const key = JSON.stringify(options);
    const hit = lintCache.get(doc.uri);
    if (hit) lintCache.delete(doc.uri); // re-inserted below: the map's order is the order of use
    if (hit?.version === doc.version && hit.key === key) {
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
    const options = optionsFor(doc, settings);
    return { doc, settings, options, result: withYear(uri, lintDocument(doc, settings), options) };
  }

  // ------------------------------------------------------------------ diagnostics

  /**
   * Lint at once when the last lint is debounceMs old (leading edge); otherwise once it is, taking the newest
   * version then (trailing edge): a burst of edits is linted at most every debounceMs, and never left stale.
   */
  function schedule(uri: string): void {
    generation.set(uri, ++lastGeneration);
    if (timers.has(uri)) return;
    const lintNow = () => {
      timers.delete(uri);
      lastLint.set(uri, performance.now());
      validate(uri, generation.get(uri) ?? 0).catch((err: unknown) => log('validate', err));
    };
    const wait = (lastLint.get(uri) ?? -Infinity) + debounceMs - performance.now();
    if (wait <= 0) lintNow(); // validate() still lets the messages already received go first
    else timers.set(uri, setTimeout(lintNow, wait));
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
    workspace.editing(); // the background pass holds its threads until this document is published
    try {
      const findings = withYear(uri, lintDocument(doc, settings), optionsFor(doc, settings)).findings;
      if (findings.length > maxDiagnostics) connection.console.warn(`gov-report: ${uri}: ${findings.length} findings, publishing the first ${maxDiagnostics}`);
      diagnostics = findings.slice(0, maxDiagnostics).map((f) => toDiagnostic(f, version, uri));
    } catch (err) {
      log(`lint ${uri}`, err);
      diagnostics = [];
    }
    // Nothing stale: the document must still be open at this version and no newer lint started.
    if (stale() || documents.get(uri)?.version !== version) { workspace.edited(); return; }
    await connection.sendDiagnostics({ uri, version, diagnostics });
    workspace.edited();
    if (workspace.active) workspace.notify();
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
    folders = workspaceFoldersOf(params);
    progress = params.capabilities?.window?.workDoneProgress === true;
    watch = params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        documentSymbolProvider: { label: 'gov-report' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        completionProvider: {},
      },
      serverInfo: { name: 'gov-report' },
    };
  });

  async function refreshFolderLocale(): Promise<void> {
    folderLocale = lintOptionsOf(await settingsFor(''), clientLocale).locale;
  }

  connection.onInitialized(() => {
    void refreshFolderLocale().catch((err: unknown) => log('settings', err)).finally(() => {
      try { workspace.start(folders); } catch (err) { log('workspace', err); }
    });
  });

  connection.onDidChangeConfiguration(guardNote('didChangeConfiguration', (params) => {
    const s = (params?.settings as { govReport?: unknown } | null | undefined)?.govReport;
    if (s !== undefined) { pushed = normalizeSettings(s); pushedRaw = s; }
    settingsCache.clear();
    revalidateAll();
    void refreshFolderLocale().catch((err: unknown) => log('settings', err)).finally(() => workspace.settingsChanged());
  }));

  // Fired for didOpen as well as didChange.
  documents.onDidChangeContent((e) => {
    // The background pass holds from the keystroke to the publication (workspace.ts: editing, edited).
    try { workspace.editing(); schedule(e.document.uri); } catch (err) { log('didChange', err); }
  });
  documents.onDidClose((e) => {
    try {
      const uri = e.document.uri;
      clearTimeout(timers.get(uri));
      timers.delete(uri);
      lastLint.delete(uri);
      generation.delete(uri); // a lint still under way sees it is stale
      lintCache.delete(uri);
      settingsCache.delete(uri);
      // A report of the workspace shows the findings of the file on disk again; any other document none.
      void connection.sendDiagnostics({ uri, diagnostics: workspace.closed(uri) });
      if (workspace.active) workspace.notify();
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
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- a client may send any JSON value
    const uri = String(params?.uri ?? '');
    return extractReport(uri, lintOptionsOf(await settingsFor(uri), clientLocale).locale);
  }));

  connection.onRequest(HTML_TO_TEXT_REQUEST, guard<HtmlToTextParams, HtmlToTextResult>('htmlToText', null, (params) => htmlToReportText(params?.html)));

  // ------------------------------------------------------------------ the folder of reports (workspace.ts)

  const workspace: Workspace = registerWorkspace({
    connection, script, log,
    locale: () => folderLocale,
    settings: settingsFor,
    section,
    isOpen: (uri) => documents.get(uri) !== undefined,
    openResults: async () => (await Promise.all(documents.all().map(async (d) => {
      const c = await current(d.uri);
      return c ? { uri: d.uri, result: c.result } : null;
    }))).filter((x): x is NonNullable<typeof x> => x !== null),
    revalidateOpen: revalidateAll,
    get progress() { return progress; },
    get watch() { return watch; },
  });

  // ------------------------------------------------------------------ the writer's desk (desk.ts)

  registerDesk(connection, {
    guard, current,
    locale: async () => { await refreshFolderLocale(); return folderLocale; },
  });

  documents.listen(connection);
  connection.listen();
}
