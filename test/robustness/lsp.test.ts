// The language server under load and abuse, over stdio with the tests' LSP client (test/lsp/helpers/client.ts):
// 1,000 rapid edits, a document closed while it is being validated, cancellation, unknown methods, malformed
// messages and requests about documents that are not open. Each waits for the event it is about, never a fixed time.
import * as assert from 'node:assert/strict';
import { CancellationTokenSource, type Hover } from 'vscode-languageserver-protocol/node';
import { hoverAt, lint } from '../../server/src/engine';
import { TestClient, uriOf } from '../lsp/helpers/client';
import { corpus, example } from '../support/paths';

/** A real report: the first of the corpus, or an example. */
function typical(): string {
  return Object.values(corpus())[0]?.text ?? example('defects-2022-pipe.md');
}

/** Open a small document and wait for its diagnostics: every message sent before has then been handled. */
async function barrier(c: TestClient, name: string): Promise<void> {
  const uri = uriOf(name);
  await c.open(uri, '一、总体情况\n');
  await c.waitVersion(uri, 1);
}

describe('robustness: language server', function () {
  this.timeout(60000);
  let c: TestClient;
  beforeEach(async function () { c = await TestClient.start({ capabilities: {} }); });
  afterEach(async function () { await c?.stop(); });

  it('1,000 rapid didChange edits: the last version is published, nothing older after it, and it matches lint()', async function () {
    const uri = uriOf('rapid.txt');
    const base = typical();
    await c.open(uri, base, 1);
    let text = base;
    // Incremental edits: append a character at the end, sometimes delete one, as typing does.
    for (let v = 2; v <= 1001; v++) {
      const lines = text.split(/\r\n|\r|\n/);
      const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
      if (v % 5 === 0 && end.character > 0) {
        await c.edit(uri, v, [{ range: { start: { line: end.line, character: end.character - 1 }, end }, newText: '' }]);
        text = text.slice(0, -1);
      } else {
        const ch = v % 7 === 0 ? '\n' : v % 3 === 0 ? '\t' : String(v % 10);
        await c.edit(uri, v, [{ range: { start: end, end }, newText: ch }]);
        text += ch;
      }
    }
    await c.waitVersion(uri, 1001, 20000);
    // One more version: once it is published, no lint of an older one can still publish.
    await c.replace(uri, 1002, text);
    await c.waitVersion(uri, 1002);
    const versions = (c.published.get(uri) ?? []).map((p) => p.version ?? -1);
    assert.deepEqual(versions.slice(versions.indexOf(1001)), [1001, 1002], 'published after version 1001');
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] > versions[i - 1], `versions published out of order: ${versions.slice(Math.max(0, i - 3), i + 2).join()}`);
    const want = lint(text).findings.map((f) => [f.rule, f.range.start.line, f.range.start.character]);
    const got = c.lastDiagnostics(uri)!.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]);
    assert.deepEqual(got, want);
     
    console.log(`      ${versions.length} publishDiagnostics for 1,002 versions`);
  });

  it('a document closed while being validated: nothing but the empty clear is published after the close', async function () {
    const uri = uriOf('closing.txt');
    // A large document so the close arrives while the lint is pending or running.
    let big = typical();
    for (let i = 0; i < 5; i++) big += `\n${big}`;
    await c.open(uri, big, 1);
    await c.replace(uri, 2, `${big}\n`);
    const before = c.count(uri);
    await c.close(uri);
    await c.waitDiagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 0, 10000, before);
    // Every message sent before the barrier has been handled; a lint of the closed document cannot publish later.
    await barrier(c, 'after-close.txt');
    const after = (c.published.get(uri) ?? []).slice(before);
    const clear = after.findIndex((p) => p.diagnostics.length === 0 && p.version === undefined);
    assert.deepEqual(after.slice(clear + 1).map((p) => [p.version, p.diagnostics.length]), [], 'published after the clear');
    // Before the clear, versions 1 or 2 may legitimately appear (validated before the close was read).
    assert.ok(after.slice(0, clear).every((p) => p.version === 1 || p.version === 2), JSON.stringify(after.map((p) => p.version)));
  });

  it('a cancelled request answers RequestCancelled (or its result) and the server keeps serving', async function () {
    const uri = uriOf('cancel.txt');
    const text = typical();
    await c.open(uri, text);
    const src = new CancellationTokenSource();
    const p = c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, src.token);
    src.cancel();
    try {
      const r = await p;
      assert.ok(Array.isArray(r) && r.length > 0, JSON.stringify(r));
    } catch (e) {
      assert.equal((e as { code?: number }).code, -32800, String(e));
    }
    const position = { line: 0, character: 0 };
    const hover = await c.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    const want = hoverAt(lint(text), position);
    assert.deepEqual(hover?.range, want?.range);
    await c.answers();
  });

  it('an unknown request method: MethodNotFound (-32601); an unknown notification is ignored; server alive', async function () {
    await assert.rejects(c.conn.sendRequest('gov/doesNotExist', { x: 1 }), (e: { code?: number }) => e.code === -32601);
    await c.conn.sendNotification('gov/unknownNotification', { x: 1 });
    await c.answers();
  });

  it('requests about a document that is not open: null or empty, never an error', async function () {
    const textDocument = { uri: uriOf('never-opened.txt') };
    const position = { line: 3, character: 4 };
    const range = { start: position, end: position };
    assert.equal(await c.conn.sendRequest('textDocument/hover', { textDocument, position }), null);
    for (const [method, params] of [
      ['textDocument/documentSymbol', { textDocument }],
      ['textDocument/foldingRange', { textDocument }],
      ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
    ] as const) {
      assert.deepEqual(await c.conn.sendRequest(method, params), [], method);
    }
    // Positions far outside an open document answer as any position outside a heading or table: null, not an error.
    const uri = uriOf('small.txt');
    await c.open(uri, '一、总体情况\n');
    assert.equal(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 99999, character: 99999 } }), null);
    const inside = await c.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    assert.deepEqual(inside?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } });
    // A change to a document that is not open is ignored.
    await c.replace(uriOf('ghost.txt'), 2, 'x');
    await c.answers();
  });

  it('malformed messages (garbage bytes, cut JSON, a non-object, bad params) with a valid Content-Length: the server survives or exits, never hangs', async function () {
    const frame = (body: Buffer | string) => { const b = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'); return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`, 'ascii'), b]); };
    const stdin = c.proc.stdin!;
    stdin.write(frame(Buffer.from([0x00, 0xff, 0x7b, 0x22, 0xfe, 0x01, 0x7d])));
    stdin.write(frame('{"jsonrpc":"2.0","method":'));
    stdin.write(frame('[1,2,3]'));
    stdin.write(frame('{"jsonrpc":"2.0","id":77,"method":"textDocument/hover","params":"not an object"}'));
    stdin.write(frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":null}}'));
    const outcome = await answersOrExits(c);
     
    console.log(`      after malformed messages the server ${outcome}`);
  });

  // The reader of vscode-jsonrpc stops for good after such a header: the server exits so the client can restart it.
  it('a header without Content-Length: the server exits (status 1), never stays alive and deaf', async function () {
    c.proc.stdin!.write('Content-Type: application/vscode-jsonrpc\r\n\r\n{}');
    assert.deepEqual(await c.waitExit(10000), { code: 1, signal: null });
  });
});

/** "kept serving" when the server answers, "exited with N" when it ended instead; fails when it does neither. */
async function answersOrExits(c: TestClient): Promise<string> {
  const answered = c.answers(10000).then(() => 'kept serving');
  const exited = c.waitExit(10000).then((e) => `exited with ${e.code}`);
  return Promise.any([answered, exited]);
}
