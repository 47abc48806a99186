// The language server over stdio with a real JSON-RPC client: capabilities, document lifecycle, and that no
// input or request (garbage, empty, 5 MB, unknown document or method, cancellation) stops it serving.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import {
  CancellationTokenSource, createProtocolConnection, DiagnosticSeverity, ErrorCodes, IPCMessageReader, IPCMessageWriter,
  LSPErrorCodes, ResponseError, StreamMessageReader, StreamMessageWriter,
  type CodeAction, type DocumentSymbol, type FoldingRange, type Hover, type InitializeResult, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { lint } from '../../server/src/engine';
import { ensureServerBuilt, SERVER, TestClient, uriOf } from './helpers/client';
import { repoRoot } from '../support/paths';

const MINIMAL = readFileSync(path.join(repoRoot, 'test/fixtures/cli/minimal.txt'), 'utf8');

/** Deterministic pseudo-random text: CJK, emoji (surrogate pairs), lone surrogates, controls, tabs, digits, CR/LF. */
function garbage(length: number, seed = 42): string {
  let s = seed;
  const rnd = (k: number) => { s = (s * 1103515245 + 12345) & 0x7fffffff; return s % k; };
  const out: string[] = [];
  let n = 0;
  while (n < length) {
    const c = rnd(12);
    const piece = c < 1 ? '\n' : c < 2 ? '\r\n' : c < 3 ? '\t' : c < 5 ? String.fromCharCode(0x4e00 + rnd(0x5000))
      : c < 6 ? String.fromCodePoint(0x1f600 + rnd(80)) : c < 7 ? String(rnd(1000)) : c < 8 ? String.fromCharCode(0xd800 + rnd(0x800))
      : c < 9 ? '（七）总计\t' : c < 10 ? '三、收到和处理' : String.fromCharCode(rnd(0x10000));
    out.push(piece);
    n += piece.length;
  }
  return out.join('');
}

/** The two example reports, repeated up to `size` UTF-16 units, every 97th line dropped (short tables). */
function reportText(size: number): string {
  const examples = ['clean-2020-cell-per-line.txt', 'clean-2023-row-per-line.txt'].map((f) => readFileSync(path.join(repoRoot, 'examples', f), 'utf8'));
  const chunks: string[] = [];
  for (let i = 0, n = 0; n < size; i++) {
    const chunk = examples[i % 2].split('\n').filter((_, k) => (k + i) % 97 !== 0).join('\n');
    chunks.push(chunk);
    n += chunk.length + 1;
  }
  return chunks.join('\n');
}

describe('language server: protocol and robustness', function () {
  let c: TestClient;
  before(async function () {
    this.timeout(60000);
    c = await TestClient.start({ initializationOptions: { locale: 'zh-CN' } });
  });
  after(async function () { await c?.stop(); });

  /** The server still answers a request (after whatever the test did). */
  async function stillServing(): Promise<void> {
    const uri = uriOf(`alive-${Date.now()}-${Math.random()}.txt`);
    await c.open(uri, MINIMAL);
    const syms = await c.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(syms) && syms.length > 0, 'server no longer answers documentSymbol');
    await c.close(uri);
    assert.ok(c.alive, 'server process exited');
  }

  it('initialize: advertises sync, hover, symbols, folding and both code action kinds', function () {
    const caps = c.initializeResult.capabilities;
    assert.equal(caps.textDocumentSync, 2 /* incremental */);
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.documentSymbolProvider);
    assert.equal(caps.foldingRangeProvider, true);
    const kinds = (caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
    assert.deepEqual(kinds, ['quickfix', 'source.fixAll.gov-report']);
    assert.equal(c.initializeResult.serverInfo?.name, 'gov-report');
  });

  it('publishes each finding as a diagnostic: code, source, severity, docs link, fix data, version', async function () {
    const uri = uriOf('minimal.txt');
    const text = MINIMAL.replace('三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请情');
    await c.open(uri, text, 7);
    const p = await c.waitVersion(uri, 7);
    const expected = lint(text, { locale: 'zh-CN' }).findings;
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.range, d.message]), expected.map((f) => [f.rule, f.range, f.message]));
    const sev = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };
    p.diagnostics.forEach((d, i) => {
      assert.equal(d.source, 'gov-report');
      assert.equal(d.severity, sev[expected[i].severity]);
      assert.equal(d.codeDescription?.href, `file://${path.join(repoRoot, 'docs/rules', `${d.code}.md`).split(path.sep).join('/')}`);
      assert.equal((d.data as { version: number }).version, 7);
    });
    const title = p.diagnostics.find((d) => d.code === 'section-title');
    assert.ok(title, 'section-title on the truncated heading');
    assert.deepEqual((title.data as { fixes: { newText?: string; edits: { newText: string }[] }[] }).fixes.map((f) => f.edits[0].newText), ['三、收到和处理政府信息公开申请情况']);
    await c.close(uri);
    const cleared = await c.waitDiagnostics(uri, (x) => x.diagnostics.length === 0 && x.version === undefined);
    assert.deepEqual(cleared.diagnostics, [], 'close clears the diagnostics');
  });

  it('rapid edits: only the newest version is published, never a stale one after it', async function () {
    const uri = uriOf('rapid.txt');
    await c.open(uri, MINIMAL, 1);
    const textOf = (v: number) => (v % 2 ? MINIMAL : MINIMAL.replace('一、总体情况', '一、总体情'));
    for (let v = 2; v <= 20; v++) await c.replace(uri, v, textOf(v));
    const last = await c.waitVersion(uri, 20);
    assert.deepEqual(last.diagnostics.map((d) => d.code), lint(textOf(20), { locale: 'zh-CN' }).findings.map((f) => f.rule));
    // Give any straggler a chance to arrive (round trip through the server), then check the order.
    await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const versions = (c.published.get(uri) ?? []).map((p) => p.version ?? -1);
    assert.equal(versions[versions.length - 1], 20, `publications: ${versions.join()}`);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `stale publication after a newer one: ${versions.join()}`);
    await c.close(uri);
  });

  it('a garbage document (random code units, lone surrogates, CR LF): diagnostics and every feature answer', async function () {
    const uri = uriOf('garbage.txt');
    const text = garbage(200_000);
    await c.open(uri, text, 1);
    await c.waitVersion(uri, 1);
    const td = { textDocument: { uri } };
    for (const line of [0, 1, 50, 10_000]) {
      await c.conn.sendRequest('textDocument/hover', { ...td, position: { line, character: 3 } });
    }
    assert.ok(Array.isArray(await c.conn.sendRequest('textDocument/documentSymbol', td)));
    assert.ok(Array.isArray(await c.conn.sendRequest('textDocument/foldingRange', td)));
    const range = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };
    assert.ok(Array.isArray(await c.conn.sendRequest('textDocument/codeAction', { ...td, range, context: { diagnostics: [] } })));
    await c.close(uri);
    await stillServing();
  });

  it('an empty document, then typed into', async function () {
    const uri = uriOf('empty.txt');
    await c.open(uri, '', 1);
    const p = await c.waitVersion(uri, 1);
    assert.ok(Array.isArray(p.diagnostics));
    const td = { textDocument: { uri } };
    assert.equal(await c.conn.sendRequest('textDocument/hover', { ...td, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await c.conn.sendRequest('textDocument/documentSymbol', td), []);
    assert.deepEqual(await c.conn.sendRequest('textDocument/foldingRange', td), []);
    await c.edit(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: MINIMAL }]);
    const p2 = await c.waitVersion(uri, 2);
    assert.deepEqual(p2.diagnostics.map((d) => d.code), lint(MINIMAL).findings.map((f) => f.rule));
    await c.close(uri);
  });

  it('a 5 MB document', async function () {
    this.timeout(30000);
    const uri = uriOf('big.txt');
    const text = garbage(5 * 1024 * 1024, 7);
    await c.open(uri, text, 1);
    await c.waitVersion(uri, 1, 25000);
    const syms = await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(syms));
    await c.close(uri);
    await stillServing();
  });

  it('a 5 MB document of report text: diagnostics arrive (capped), and the server keeps serving', async function () {
    this.timeout(120000);
    const uri = uriOf('big-report.txt');
    const started = Date.now();
    await c.open(uri, reportText(5 * 1024 * 1024), 1);
    const p = await c.waitVersion(uri, 1, 110000);
    assert.ok(p.diagnostics.length <= 10000, `${p.diagnostics.length} diagnostics`);
    console.log(`      (5 MB report text: ${p.diagnostics.length} diagnostics in ${Date.now() - started} ms)`);
    await c.close(uri);
    await stillServing();
  });

  it('requests for a closed or unknown document return null or empty', async function () {
    const td = { textDocument: { uri: uriOf('never-opened.txt') } };
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    assert.equal(await c.conn.sendRequest<Hover | null>('textDocument/hover', { ...td, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await c.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', td), []);
    assert.deepEqual(await c.conn.sendRequest<FoldingRange[]>('textDocument/foldingRange', td), []);
    assert.deepEqual(await c.conn.sendRequest<CodeAction[]>('textDocument/codeAction', { ...td, range, context: { diagnostics: [] } }), []);
    // didChange / didClose for a document that was never opened are ignored
    await c.replace(td.textDocument.uri, 5, 'x');
    await c.close(td.textDocument.uri);
    await stillServing();
  });

  it('malformed parameters answer null or empty, not a dead server', async function () {
    const uri = uriOf('malformed.txt');
    await c.open(uri, MINIMAL, 1);
    await c.waitVersion(uri, 1);
    const r1 = await c.conn.sendRequest('textDocument/hover', { textDocument: { uri } }).catch((e: unknown) => e);
    assert.ok(r1 === null || r1 instanceof ResponseError, String(r1));
    const r2 = await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: [{ code: 'section-title', source: 'gov-report', data: { version: 1, fixes: 'nope' } }] } }).catch((e: unknown) => e);
    assert.ok(Array.isArray(r2) || r2 instanceof ResponseError, String(r2));
    const r3 = await c.conn.sendRequest('textDocument/documentSymbol', {}).catch((e: unknown) => e);
    assert.ok(Array.isArray(r3) || r3 === null || r3 instanceof ResponseError, String(r3));
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri } });
    await c.close(uri);
    await stillServing();
  });

  it('an unknown method answers MethodNotFound and the server keeps serving', async function () {
    const err = await c.conn.sendRequest('gov-report/noSuchMethod', { x: 1 }).then(() => null, (e: unknown) => e);
    assert.ok(err instanceof ResponseError, `expected an error, got ${String(err)}`);
    assert.equal(err.code, ErrorCodes.MethodNotFound);
    await c.conn.sendNotification('gov-report/noSuchNotification', {});
    await stillServing();
  });

  it('a cancelled request answers RequestCancelled (or its result, if it won the race) and the server keeps serving', async function () {
    const uri = uriOf('cancel.txt');
    await c.open(uri, MINIMAL, 1);
    const source = new CancellationTokenSource();
    const pending = c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, source.token).then((r) => ({ r }), (e: unknown) => ({ e }));
    source.cancel();
    const outcome = await pending;
    if ('e' in outcome) {
      assert.ok(outcome.e instanceof ResponseError, String(outcome.e));
      assert.equal(outcome.e.code, LSPErrorCodes.RequestCancelled);
    } else {
      assert.ok(Array.isArray(outcome.r));
    }
    await c.close(uri);
    await stillServing();
  });

  it('no handler failure was logged', function () {
    assert.deepEqual(c.logs.filter((l) => /gov-report: (uncaught|unhandled|lint )/.test(l)), []);
  });
});

describe('language server: initializationOptions.maxDiagnostics', function () {
  it('publishes at most maxDiagnostics diagnostics (the first ones, in document order)', async function () {
    this.timeout(30000);
    const c = await TestClient.start({ initializationOptions: { locale: 'zh-CN', maxDiagnostics: 20 } });
    try {
      const uri = uriOf('capped.txt');
      const text = reportText(100_000);
      await c.open(uri, text, 1);
      const p = await c.waitVersion(uri, 1);
      const findings = lint(text, { locale: 'zh-CN' }).findings;
      assert.ok(findings.length > 20, `${findings.length} findings`);
      assert.deepEqual(p.diagnostics.map((d) => [d.code, d.range]), findings.slice(0, 20).map((f) => [f.rule, f.range]));
      assert.ok(c.logs.some((l) => l.includes(`${findings.length} findings, publishing the first 20`)), c.logs.join('\n'));
    } finally {
      await c.stop();
    }
  });
});

describe('language server: transports', function () {
  async function initializeOver(conn: ProtocolConnection): Promise<void> {
    conn.listen();
    const r = await conn.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
    assert.equal(r.serverInfo?.name, 'gov-report');
    const syms = new Promise<void>((resolve) => conn.onNotification('textDocument/publishDiagnostics', () => resolve()));
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf('t.txt'), languageId: 'gov-report', version: 1, text: MINIMAL } });
    await syms;
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
  }
  const exitOf = (proc: ChildProcess) => new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));

  before(function () { ensureServerBuilt(); });

  it('--node-ipc (the VS Code client)', async function () {
    this.timeout(20000);
    const proc = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const exited = exitOf(proc);
    const conn = createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    await initializeOver(conn);
    assert.equal(await exited, 0);
    conn.dispose();
  });

  it('no transport argument: stdio', async function () {
    this.timeout(20000);
    const proc = spawn(process.execPath, [SERVER], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = exitOf(proc);
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    await initializeOver(conn);
    assert.equal(await exited, 0);
    conn.dispose();
  });

  it('ends (status 0, no signal) when the client closes stdin, rather than lingering', async function () {
    this.timeout(20000);
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const ended = new Promise<[number | null, string | null]>((resolve) => proc.once('exit', (code, signal) => resolve([code, signal])));
    proc.stdin.end();
    assert.deepEqual(await ended, [0, null]);
  });
});

describe('language server: debounce (default 150 ms)', function () {
  it('a burst of changes is linted and published for the newest version (the opening one at most besides)', async function () {
    this.timeout(20000);
    const c = await TestClient.start({ initializationOptions: { locale: 'zh-CN', debounceMs: undefined } });
    try {
      const uri = uriOf('debounce.txt');
      await c.open(uri, MINIMAL, 1);
      for (let v = 2; v <= 6; v++) await c.replace(uri, v, `${MINIMAL}\n${v}`);
      const p = await c.waitVersion(uri, 6);
      assert.deepEqual(p.diagnostics.map((d) => d.code), lint(`${MINIMAL}\n6`).findings.map((f) => f.rule));
      // The open is linted at once (leading edge) unless the changes overtook it; the burst once, at its end.
      const versions = (c.published.get(uri) ?? []).map((x) => x.version);
      assert.ok(['6', '1,6'].includes(versions.join()), `published ${versions.join()}`);
    } finally {
      await c.stop();
    }
  });
});
