// A long-running server must forget documents once they are closed (issue 8, defect 11): nothing kept per URI
// may grow with the number of documents ever opened. The server runs in this process over in-memory streams,
// so its heap can be measured after a garbage collection.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import * as vm from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { createConnection } from 'vscode-languageserver/node';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { startServer } from '../../server/src/lsp/session';

setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('language server: closed documents are forgotten', function () {
  this.timeout(60000);

  it('opening and closing 2,000 documents with 50 KB URIs leaves no per-URI state behind (< 20 MB of heap)', async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(server);
    const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.listen();
    await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
    await client.sendNotification('initialized', {});

    const before = heapAfterGc();
    const padding = 'x'.repeat(50 * 1024);
    for (let i = 0; i < 2000; i++) {
      const uri = `file:///reports/${i}/${padding}.txt`;
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'gov-report', version: 1, text: '' } });
      await client.sendNotification('textDocument/didClose', { textDocument: { uri } });
      // A round trip now and then: every notification before it has been handled.
      if (i % 200 === 199) await client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    }
    // The diagnostics of one more document: every open, close and lint before it has been handled.
    const barrier = 'file:///barrier.txt';
    const published = new Promise<void>((resolve) => client.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => { if (p.uri === barrier) resolve(); }));
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: barrier, languageId: 'gov-report', version: 1, text: '' } });
    await published;
    const grown = heapAfterGc() - before;
    client.dispose();
    server.dispose();
    assert.ok(grown < 20 * 1024 * 1024, `heap grew by ${(grown / 1048576).toFixed(0)} MB (the URIs alone are ${(2000 * padding.length / 1048576).toFixed(0)} MB)`);
  });
});
