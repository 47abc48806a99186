// The language server proper, wired from named parts: what the client said (config.ts), lint results per
// document version (lints.ts), debounced diagnostics (diagnostics.ts), and handlers of a few lines each over the
// engine. Every handler is guarded (guard.ts): an exception is logged and answered with an empty result.
import { CodeActionKind, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt, outline } from '../engine';
import { DIAGNOSTIC_SOURCE, EXTRACT_REQUEST, FIX_ALL_KIND, HTML_TO_TEXT_REQUEST, type ExtractParams, type ExtractResult, type HtmlToTextParams, type HtmlToTextResult } from '../protocol';
import { codeActions } from './codeActions';
import { ClientConfig } from './config';
import { toFoldingRanges, toHover, toSymbols } from './convert';
import { DiagnosticsPublisher } from './diagnostics';
import { extractReport, htmlToReportText } from './documents';
import { guardNotifications, guardRequests, logger, type Guard, type Log } from './guard';
import { Lints } from './lints';
import { lintOptionsOf } from './settings';

export type { InitOptions } from './config';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const log = logger(connection);
  const guard = guardRequests(log);
  const config = new ClientConfig(connection, log);
  const lints = new Lints(documents, config, log);
  const diagnostics = new DiagnosticsPublisher(connection, documents, config, lints, log);

  connection.onInitialize((params): InitializeResult => {
    config.initialize(params);
    return { capabilities, serverInfo: { name: DIAGNOSTIC_SOURCE } };
  });
  connection.onDidChangeConfiguration(guardNotifications(log)('didChangeConfiguration', (params) => {
    config.changed(params?.settings);
    diagnostics.scheduleAll();
  }));
  followDocuments(documents, { config, lints, diagnostics, log });
  answerLanguageFeatures(connection, guard, lints, config);
  answerDocumentRequests(connection, guard, config);

  documents.listen(connection);
  connection.listen();
}

const capabilities: InitializeResult['capabilities'] = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  hoverProvider: true,
  documentSymbolProvider: { label: DIAGNOSTIC_SOURCE },
  foldingRangeProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
};

/** Open and changed documents are linted (debounced); a closed one is forgotten and its diagnostics cleared. */
function followDocuments(documents: TextDocuments<TextDocument>, s: { config: ClientConfig; lints: Lints; diagnostics: DiagnosticsPublisher; log: Log }): void {
  // Fired for didOpen as well as didChange.
  documents.onDidChangeContent((e) => { try { s.diagnostics.schedule(e.document.uri); } catch (err) { s.log('didChange', err); } });
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
    const uri = String(params?.uri ?? '');
    return extractReport(uri, lintOptionsOf(await config.settingsFor(uri), config.clientLocale).locale);
  }));
  connection.onRequest(HTML_TO_TEXT_REQUEST, guard<HtmlToTextParams, HtmlToTextResult>('htmlToText', null, (params) => htmlToReportText(params?.html)));
}
