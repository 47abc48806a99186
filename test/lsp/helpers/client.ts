// A real LSP client for the tests: spawns server/out/server.js --stdio and talks JSON-RPC to it over the
// child's pipes (vscode-languageserver-protocol/node), answering workspace/configuration itself.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  type ClientCapabilities, type ProtocolConnection, type PublishDiagnosticsParams, type TextEdit,
  type WorkspaceEdit, type InitializeResult,
} from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../../server/src/engine';
import { ensureBundle } from '../../support/build';
import { repoRoot } from '../../support/paths';

export const SERVER = path.join(repoRoot, 'server', 'out', 'server.js');

/** Build the bundle (scripts/build.mjs) when server/out/server.js is missing or older than server/src. */
export function ensureServerBuilt(): void {
  ensureBundle(SERVER);
}

/** A document URI for the tests (never read from or written to disk). */
export const uriOf = (name: string) => pathToFileURL(path.join(path.parse(repoRoot).root, 'gov-report-lsp-test', name)).href;

export interface StartOptions {
  initializationOptions?: Record<string, unknown>;
  /** Client capabilities; default: workspace/configuration and versioned workspace edits supported. */
  capabilities?: ClientCapabilities;
  locale?: string;
  /** Workspace folders (file: URIs): the server then checks every report in them in the background. */
  workspaceFolders?: string[];
  /** The answers to workspace/configuration from the start (the background pass asks at once). */
  settings?: Record<string, unknown>;
  sections?: Record<string, unknown>;
}

export class TestClient {
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly logs: string[] = [];
  /** $/progress, govReport/reportsChanged, window/showMessage (and the showMessageRequest requests), in order. */
  readonly notes: { method: string; params: unknown }[] = [];
  /** What the client answers to workspace/configuration (section govReport), per scopeUri or '*'. */
  settings: Record<string, unknown> = {};
  /** What the client answers for other sections (files.exclude …). */
  sections: Record<string, unknown> = {};
  configRequests = 0;
  initializeResult!: InitializeResult;
  private waiters: (() => void)[] = [];
  private exited: { code: number | null; signal: string | null } | null = null;

  private constructor(readonly proc: ChildProcess, readonly conn: ProtocolConnection) {}

  static async start(opts: StartOptions = {}): Promise<TestClient> {
    ensureServerBuilt();
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const client = new TestClient(proc, conn);
    if (opts.settings) client.settings = opts.settings;
    if (opts.sections) client.sections = opts.sections;
    proc.stderr.on('data', (d: Buffer) => client.logs.push(`[stderr] ${d.toString()}`));
    proc.on('exit', (code, signal) => { client.exited = { code, signal }; client.wake(); });
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = client.published.get(p.uri) ?? [];
      list.push(p);
      client.published.set(p.uri, list);
      client.wake();
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => client.logs.push(p.message));
    for (const method of ['$/progress', 'govReport/reportsChanged', 'window/showMessage']) conn.onNotification(method, (params: unknown) => { client.notes.push({ method, params }); client.wake(); });
    conn.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) => {
      client.configRequests++;
      return p.items.map((i) => (i.section === 'govReport' ? client.settings[i.scopeUri ?? '*'] ?? client.settings['*'] ?? null : client.sections[i.section ?? ''] ?? null));
    });
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('window/showMessageRequest', (params: unknown) => { client.notes.push({ method: 'window/showMessageRequest', params }); client.wake(); return null; });
    conn.listen();
    const capabilities: ClientCapabilities = opts.capabilities ?? {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, workspaceEdit: { documentChanges: true } },
      textDocument: {
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true, relatedInformation: false },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
    };
    client.initializeResult = await conn.sendRequest('initialize', {
      processId: process.pid, rootUri: null, capabilities, locale: opts.locale,
      ...(opts.workspaceFolders ? { workspaceFolders: opts.workspaceFolders.map((uri, k) => ({ uri, name: `folder${k}` })) } : {}),
      initializationOptions: { debounceMs: 0, ...opts.initializationOptions },
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  get alive(): boolean { return this.exited === null; }

  /** How the server process ended, or null while it runs. */
  get exit(): { code: number | null; signal: string | null } | null { return this.exited; }

  /** Resolves when the server process has ended; rejects after `ms`. */
  async waitExit(ms = 5000): Promise<{ code: number | null; signal: string | null }> {
    const deadline = Date.now() + ms;
    while (!this.exited) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the server did not exit within ${ms} ms`);
      await new Promise<void>((resolve) => { const t = setTimeout(resolve, left); this.waiters.push(() => { clearTimeout(t); resolve(); }); });
    }
    return this.exited;
  }

  /** The server answers a request (documentSymbol of a document that is not open: []) within `ms`; rejects otherwise. */
  async answers(ms = 5000): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const r = await Promise.race([
      this.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf('not-open.txt') } }),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`the server did not answer within ${ms} ms`)), ms); }),
    ]).finally(() => clearTimeout(timer));
    if (!Array.isArray(r) || r.length !== 0) throw new Error(`documentSymbol of a closed document: ${JSON.stringify(r)}`);
  }

  /** How many publications `uri` has had so far (to look at the ones after a point). */
  count(uri: string): number { return this.published.get(uri)?.length ?? 0; }

  async open(uri: string, text: string, version = 1, languageId = 'gov-report'): Promise<void> {
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async replace(uri: string, version: number, text: string): Promise<void> {
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async edit(uri: string, version: number, edits: readonly TextEdit[]): Promise<void> {
    // Incremental changes, last in the document first so earlier ranges stay valid.
    const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })) });
  }

  async close(uri: string): Promise<void> {
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  lastDiagnostics(uri: string): PublishDiagnosticsParams | undefined {
    const list = this.published.get(uri);
    return list?.[list.length - 1];
  }

  /** The first publication (already received or to come) for `uri` satisfying `pred`; fails after `ms`. */
  async waitDiagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, ms = 10000, since = 0): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + ms;
    for (;;) {
      const hit = (this.published.get(uri) ?? []).slice(since).find(pred);
      if (hit) return hit;
      if (!this.alive) throw new Error(`server exited (${JSON.stringify(this.exited)}) while waiting for diagnostics of ${uri}\n${this.logs.join('\n')}`);
      const left = deadline - Date.now();
      if (left <= 0) {
        const last = this.lastDiagnostics(uri);
        throw new Error(`no matching diagnostics for ${uri} within ${ms} ms; last: ${last ? `v${last.version} ${last.diagnostics.map((d) => `${d.code}@${d.range.start.line}`).join(' ')}` : 'none'}`);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }

  /** Wait for the publication of exactly `version` of `uri`. */
  waitVersion(uri: string, version: number, ms = 10000): Promise<PublishDiagnosticsParams> {
    return this.waitDiagnostics(uri, (p) => p.version === version, ms);
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch { /* already gone */ }
    const t = setTimeout(() => this.proc.kill(), 3000);
    await exited;
    clearTimeout(t);
    this.conn.dispose();
  }
}

/** The edits of a WorkspaceEdit for one document (documentChanges or changes). */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const out: TextEdit[] = [];
  for (const dc of edit.documentChanges ?? []) if ('textDocument' in dc && dc.textDocument.uri === uri) out.push(...dc.edits as TextEdit[]);
  out.push(...(edit.changes?.[uri] ?? []));
  return out;
}

/** Apply non-overlapping LSP edits to a text (what an editor does with a WorkspaceEdit). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const withOffsets = edits.map((e, i) => ({ i, start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.newText }));
  withOffsets.sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** "rule@line" of each diagnostic, in publication order. */
export const ruleLines = (p: PublishDiagnosticsParams | undefined) => (p?.diagnostics ?? []).map((d) => `${d.code}@${d.range.start.line}`);
