// The language server under load and abuse, over stdio with a real JSON-RPC client: 1,000 rapid edits,
// a document closed while it is being validated, cancellation, unknown methods, malformed messages and
// requests about documents that are not open. Skipped with a message when server/out/server.js is missing.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CancellationTokenSource, createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { lint } from '../../server/src/engine';

const repoRoot = path.resolve(__dirname, '..', '..');
const SERVER = path.join(repoRoot, 'server', 'out', 'server.js');
const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus');

interface Published { p: PublishDiagnosticsParams; seq: number; at: number }

class Client {
  readonly published: Published[] = [];
  readonly stderr: string[] = [];
  private seq = 0;
  private waiters: (() => void)[] = [];
  exit: number | null | undefined = undefined;
  constructor(readonly proc: ChildProcess, readonly conn: ProtocolConnection) {}

  static async start(): Promise<Client> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const c = new Client(proc, conn);
    proc.stderr.on('data', (d) => c.stderr.push(String(d)));
    proc.on('exit', (code) => { c.exit = code; c.wake(); });
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { c.published.push({ p, seq: c.seq++, at: Date.now() }); c.wake(); });
    conn.onNotification('window/logMessage', () => { /* the server's log is not what these tests check */ });
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    conn.onError(() => { /* some tests break the stream on purpose: they check the exit and liveness instead */ });
    conn.listen();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
    await conn.sendNotification('initialized', {});
    return c;
  }
  private wake(): void { const w = this.waiters; this.waiters = []; for (const f of w) f(); }
  /** Resolves when pred holds over what was published (or rejects after ms). */
  waitFor(pred: () => boolean, ms = 10000, what = 'publishDiagnostics'): Promise<void> {
    return new Promise((resolve, reject) => {
      if (pred()) { resolve(); return; }
      const timer = setTimeout(() => reject(new Error(`timeout waiting for ${what}`)), ms);
      const check = () => { if (pred()) { clearTimeout(timer); resolve(); } else this.waiters.push(check); };
      this.waiters.push(check);
    });
  }
  /** Sent without waiting for the write, like the changes that follow it: an editor's burst. */
  open(uri: string, text: string, version = 1): void {
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'gov-report', version, text } });
  }
  async alive(): Promise<void> {
    const r = await Promise.race([
      this.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///not-open.txt' } }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('server did not answer within 5 s')), 5000)),
    ]);
    assert.ok(Array.isArray(r) || r === null);
  }
  async stop(): Promise<void> {
    if (this.exit === undefined) {
      try {
        await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await this.conn.sendNotification('exit');
      } catch { /* gone */ }
      await new Promise<void>((r) => { if (this.exit !== undefined) r(); else { this.proc.once('exit', () => r()); setTimeout(() => { this.proc.kill('SIGKILL'); r(); }, 3000); } });
    }
    this.conn.dispose();
  }
}

function typical(): string {
  if (fs.existsSync(corpusDir)) { const f = fs.readdirSync(corpusDir).filter((x) => x.endsWith('.txt')).sort()[0]; if (f) return fs.readFileSync(path.join(corpusDir, f), 'utf8'); }
  return fs.readFileSync(path.join(repoRoot, 'examples', 'defects-2022-pipe.md'), 'utf8');
}

describe('robustness: language server', function () {
  this.timeout(60000);
  let c: Client;
  before(function () {
    if (!fs.existsSync(SERVER)) {
      console.log(`    (skipped: ${SERVER} missing; npm run build)`);
      this.skip();
    }
  });
  beforeEach(async function () { if (fs.existsSync(SERVER)) c = await Client.start(); });
  afterEach(async function () { if (c) await c.stop(); });

  it('1,000 rapid didChange edits: the last version is published, nothing older after it, and it matches lint()', async function () {
    const uri = 'file:///robust/rapid.txt';
    const base = typical();
    c.open(uri, base, 1);
    let text = base;
    // Incremental edits: append a character at the end, sometimes delete one, as typing does (none waits for the last).
    for (let v = 2; v <= 1001; v++) {
      const lines = text.split(/\r\n|\r|\n/);
      const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
      if (v % 5 === 0 && end.character > 0) {
        const start = { line: end.line, character: end.character - 1 };
        void c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start, end }, text: '' }] });
        text = text.slice(0, -1);
      } else {
        const ch = v % 7 === 0 ? '\n' : v % 3 === 0 ? '\t' : String(v % 10);
        void c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: end, end }, text: ch }] });
        text += ch;
      }
    }
    await c.waitFor(() => c.published.some((x) => x.p.uri === uri && x.p.version === 1001), 20000, 'diagnostics of version 1001');
    await new Promise((r) => setTimeout(r, 300));
    const mine = c.published.filter((x) => x.p.uri === uri);
    const last = mine.findIndex((x) => x.p.version === 1001);
    const later = mine.slice(last + 1);
    assert.deepEqual(later.map((x) => x.p.version), [], 'diagnostics published after the last version\'s');
    const versions = mine.map((x) => x.p.version ?? -1);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `versions published out of order: ${versions.slice(Math.max(0, i - 3), i + 2).join()}`);
    const want = lint(text).findings.map((f) => [f.rule, f.range.start.line, f.range.start.character]);
    const got = mine[last].p.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]);
    assert.deepEqual(got, want);
    console.log(`      ${mine.length} publishDiagnostics for 1,001 versions`);
  });

  it('a document closed while being validated: nothing but the empty clear is published after the close', async function () {
    const uri = 'file:///robust/closing.txt';
    // A large document so the close arrives while the lint is pending or running.
    let big = typical();
    for (let i = 0; i < 5; i++) big += `\n${big}`;
    c.open(uri, big, 1);
    void c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${big}\n` }] });
    void c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const closedAt = c.published.length;
    await c.alive();
    await new Promise((r) => setTimeout(r, 1500));
    const after = c.published.filter((x) => x.p.uri === uri && x.seq >= closedAt);
    // After the clear, nothing.
    const clear = after.findIndex((x) => x.p.diagnostics.length === 0 && x.p.version === undefined);
    assert.ok(clear >= 0, `no empty clear after close: ${JSON.stringify(after.map((x) => [x.p.version, x.p.diagnostics.length]))}`);
    assert.deepEqual(after.slice(clear + 1).map((x) => [x.p.version, x.p.diagnostics.length]), [], 'published after the clear');
    // Before the clear, versions 1 or 2 may legitimately appear (validated before the close was read).
    assert.ok(after.slice(0, clear).every((x) => x.p.version === 1 || x.p.version === 2), JSON.stringify(after.map((x) => x.p.version)));
  });

  it('a cancelled request answers RequestCancelled (or its result) and the server keeps serving', async function () {
    const uri = 'file:///robust/cancel.txt';
    c.open(uri, typical());
    const src = new CancellationTokenSource();
    const p = c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, src.token);
    src.cancel();
    try {
      const r = await p;
      assert.ok(Array.isArray(r));
    } catch (e) {
      assert.equal((e as { code?: number }).code, -32800, String(e));
    }
    const hover = await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.ok(hover === null || typeof hover === 'object');
  });

  it('an unknown request method: MethodNotFound (-32601); an unknown notification is ignored; server alive', async function () {
    await assert.rejects(c.conn.sendRequest('gov/doesNotExist', { x: 1 }), (e: { code?: number }) => e.code === -32601);
    await c.conn.sendNotification('gov/unknownNotification', { x: 1 });
    await c.alive();
  });

  it('requests about a document that is not open: null or empty, never an error', async function () {
    const textDocument = { uri: 'file:///robust/never-opened.txt' };
    const position = { line: 3, character: 4 };
    const range = { start: position, end: position };
    assert.equal(await c.conn.sendRequest('textDocument/hover', { textDocument, position }), null);
    for (const [method, params] of [
      ['textDocument/documentSymbol', { textDocument }],
      ['textDocument/foldingRange', { textDocument }],
      ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
    ] as const) {
      const r = await c.conn.sendRequest(method, params);
      assert.ok(r === null || (Array.isArray(r) && r.length === 0), `${method}: ${JSON.stringify(r)}`);
    }
    // Positions far outside an open document are clamped, not errors.
    const uri = 'file:///robust/small.txt';
    c.open(uri, '一、总体情况\n');
    assert.ok([null, 'object'].includes(typeof (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 99999, character: 99999 } })) === 'object' ? 'object' : null));
    // A change to a document that is not open is ignored.
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///robust/ghost.txt', version: 2 }, contentChanges: [{ text: 'x' }] });
    await c.alive();
  });

  it('malformed messages (garbage bytes, cut JSON, a non-object, bad params) with a valid Content-Length: the server survives or exits, never hangs', async function () {
    const frame = (body: Buffer | string) => { const b = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'); return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`, 'ascii'), b]); };
    const stdin = c.proc.stdin!;
    stdin.write(frame(Buffer.from([0x00, 0xff, 0x7b, 0x22, 0xfe, 0x01, 0x7d])));
    stdin.write(frame('{"jsonrpc":"2.0","method":'));
    stdin.write(frame('[1,2,3]'));
    stdin.write(frame('{"jsonrpc":"2.0","id":77,"method":"textDocument/hover","params":"not an object"}'));
    stdin.write(frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":null}}'));
    let survived = true;
    try { await c.alive(); } catch (e) {
      survived = false;
      // Documented behaviour if it does not survive: the process must have exited, not hung.
      await new Promise((r) => setTimeout(r, 1000));
      assert.notEqual(c.exit, undefined, `server neither answered nor exited: ${(e as Error).message}`);
    }
    console.log(`      after malformed messages the server ${survived ? 'kept serving' : `exited with ${c.exit}`}`);
  });

  // The reader of vscode-jsonrpc stops for good after such a header: the server exits so the client can restart it.
  it('a header without Content-Length: the server answers afterwards or exits, never stays alive and deaf', async function () {
    c.proc.stdin!.write('Content-Type: application/vscode-jsonrpc\r\n\r\n{}');
    try { await c.alive(); } catch {
      await new Promise((r) => setTimeout(r, 1000));
      assert.notEqual(c.exit, undefined, 'alive but no longer answering after a header without Content-Length');
    }
  });
});
