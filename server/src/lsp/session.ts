// The language server proper, wired from named parts: what the client said (config.ts), lint results per
// document version (lints.ts), diagnostics published as edits come (diagnostics.ts), the folder of reports checked
// in the background (workspace.ts), the writer's desk (desk.ts), and handlers of a few lines each over the engine.
// Every handler is guarded (guard.ts): an exception is logged and answered with an empty result.
import { CodeActionKind, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt, outline } from '../engine';
import { DIAGNOSTIC_SOURCE, EXTRACT_REQUEST, FIX_ALL_KIND, HTML_TO_TEXT_REQUEST, type ExtractParams, type ExtractResult, type HtmlToTextParams, type HtmlToTextResult } from '../protocol';
import { codeActions } from './codeActions';
import { ClientConfig } from './config';
import { toFoldingRanges, toHover, toSymbols } from './convert';
import { registerDesk } from './desk';
import { DiagnosticsPublisher } from './diagnostics';
import { extractReport, htmlToReportText } from './documents';
import { guardNotifications, guardRequests, logger, type Guard, type Log } from './guard';
import { Lints } from './lints';
import { lintOptionsOf } from './settings';
import { registerWorkspace, type Workspace } from './workspaceRequests';

export type { InitOptions } from './config';

/** `script`: the server's bundle, from which the background pass starts its worker threads (null: no pass). */
export function startServer(connection: Connection, script: string | null = null): void {
  const documents = new TextDocuments(TextDocument);
  const log = logger(connection);
  const guard = guardRequests(log);
  const config = new ClientConfig(connection, log);
  // The folder of reports asks for open documents' results and lints them again: both are wired just below.
  const workspace = folderOfReports(connection, script, log, documents, config, () => lints, () => diagnostics);
  const lints = new Lints(documents, config, workspace, log);
  const diagnostics = new DiagnosticsPublisher(connection, documents, config, lints, workspace, log);

  connection.onInitialize((params): InitializeResult => {
    config.initialize(params);
    return { capabilities, serverInfo: { name: DIAGNOSTIC_SOURCE } };
  });
  connection.onInitialized(() => {
    void config.refreshFolderLocale().catch((err: unknown) => log('settings', err)).finally(() => {
      try { workspace.start(config.folders); } catch (err) { log('workspace', err); }
    });
  });
  connection.onDidChangeConfiguration(guardNotifications(log)('didChangeConfiguration', (params) => {
    config.changed(params?.settings);
    diagnostics.scheduleAll();
    void config.refreshFolderLocale().catch((err: unknown) => log('settings', err)).finally(() => workspace.settingsChanged());
  }));
  followDocuments(documents, { config, lints, diagnostics, log });
  answerLanguageFeatures(connection, guard, lints, config);
  answerDocumentRequests(connection, guard, config);
  registerDesk(connection, {
    guard, current: (uri) => lints.current(uri),
    locale: () => config.refreshFolderLocale(),
  });

  documents.listen(connection);
  connection.listen();
}

const capabilities: InitializeResult['capabilities'] = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  hoverProvider: true,
  documentSymbolProvider: { label: DIAGNOSTIC_SOURCE },
  foldingRangeProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
  completionProvider: {},
};

/** Every report of the workspace, checked in the background by the CLI's worker pool (workspace.ts). */
function folderOfReports(
  connection: Connection, script: string | null, log: Log, documents: TextDocuments<TextDocument>, config: ClientConfig,
  lints: () => Lints, diagnostics: () => DiagnosticsPublisher,
): Workspace {
  return registerWorkspace({
    connection, script, log,
    locale: () => config.folderLocale,
    settings: (uri) => config.settingsFor(uri),
    section: (uri, name) => config.section(uri, name),
    isOpen: (uri) => documents.get(uri) !== undefined,
    openResults: async () => (await Promise.all(documents.all().map(async (d) => {
      const c = await lints().current(d.uri);
      return c ? { uri: d.uri, result: c.result } : null;
    }))).filter((x): x is NonNullable<typeof x> => x !== null),
    revalidateOpen: () => diagnostics().scheduleAll(),
    get progress() { return config.progress; },
    get watch() { return config.watch; },
  });
}

/** Open and changed documents are linted; a closed one is forgotten and its diagnostics are those of the file on disk. */
function followDocuments(documents: TextDocuments<TextDocument>, s: { config: ClientConfig; lints: Lints; diagnostics: DiagnosticsPublisher; log: Log }): void {
  // Fired for didOpen as well as didChange.
  documents.onDidChangeContent((e) => { try { s.diagnostics.changed(e.document.uri); } catch (err) { s.log('didChange', err); } });
  documents.onDidClose((e) => {
    try {
      const uri = e.document.uri;
      s.lints.forget(uri);
      s.config.forget(uri);
      s.diagnostics.closed(uri);
    } catch (err) { s.log('didClose', err); }
  });
}

/** Hover, outline, folding and code actions: each reads the current version's lint result. */
function answerLanguageFeatures(connection: Connection, guard: Guard, lints: Lints, config: ClientConfig): void {
  connection.onHover(guard('hover', null, async (params) => {
    const c = await lints.current(params.textDocument.uri);
    return c ? toHover(hoverAt(c.result, params.position, c.options.locale)) : null;
  }));
  const outlineOf = async (uri: string) => {
    const c = await lints.current(uri);
    return c && outline(c.result.report, c.options.locale, c.doc.positionAt(c.doc.getText().length));
  };
  connection.onDocumentSymbol(guard('documentSymbol', [], async (params) => {
    const nodes = await outlineOf(params.textDocument.uri);
    return nodes ? toSymbols(nodes) : [];
  }));
  connection.onFoldingRanges(guard('foldingRange', [], async (params) => {
    const nodes = await outlineOf(params.textDocument.uri);
    return nodes ? toFoldingRanges(nodes) : [];
  }));
  connection.onCodeAction(guard('codeAction', [], async (params) => {
    const c = await lints.current(params.textDocument.uri);
    if (!c) return [];
    return codeActions({
      uri: c.doc.uri, version: c.doc.version, text: c.doc.getText(), result: c.result, options: c.options, documentChanges: config.versionedEdits,
    }, params.context);
  }));
}

/** The server's own requests about published documents (documents.ts). */
function answerDocumentRequests(connection: Connection, guard: Guard, config: ClientConfig): void {
  connection.onRequest(EXTRACT_REQUEST, guard<ExtractParams, ExtractResult | null>('extract', null, async (params) => {
    const uri = params?.uri ?? '';
    return extractReport(uri, lintOptionsOf(await config.settingsFor(uri), config.clientLocale).locale);
  }));
  connection.onRequest(HTML_TO_TEXT_REQUEST, guard<HtmlToTextParams, HtmlToTextResult>('htmlToText', null, (params) => htmlToReportText(params?.html)));
}
