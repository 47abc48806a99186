// gov-report language server: `node server/out/server.js --stdio` (any LSP editor) or `--node-ipc`
// (the VS Code client). With no transport argument it speaks LSP over stdin/stdout.
// The handlers live in ./lsp; all linting, hovers, outline and fixes come from ./engine.
// The background pass over the workspace's reports (lsp/workspace.ts) runs this same bundle in worker threads.
import './lsp/memory'; // first: V8 settings before anything allocates
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { runWorker, WORKER_MARKER } from './cli/worker';
import { startServer } from './lsp/session';

if (isMainThread) serve();
else {
  const data = workerData as Parameters<typeof runWorker>[1] | undefined;
  if (data?.marker === WORKER_MARKER && parentPort) runWorker(parentPort, data);
}

function serve(): void {
  const args = process.argv.slice(2);
  const stdio = args.includes('--stdio') || !args.some((a) => /^--(node-ipc|socket|pipe)(=|$)/.test(a));
  const connection: Connection = stdio ? createConnection(ProposedFeatures.all, stdioReader(), new StreamMessageWriter(process.stdout)) : createConnection(ProposedFeatures.all);

  // An exception outside a handler (there should be none) is logged; the server keeps serving.
  process.on('uncaughtException', (err) => { try { connection.console.error(`gov-report: uncaught: ${err.stack ?? err}`); } catch { /* closed */ } });
  process.on('unhandledRejection', (err) => { try { connection.console.error(`gov-report: unhandled rejection: ${String(err)}`); } catch { /* closed */ } });

  // Worker threads start from the bundle only (not from the TypeScript sources under tsx).
  startServer(connection, typeof __filename === 'string' && /\.c?js$/.test(__filename) ? __filename : null);
}

/**
 * Over stdio, a header block without Content-Length makes the reader stop for good: exit (status 1) so the editor
 * sees a dead server and can restart it, rather than one alive and deaf. A bad message inside a valid frame is only
 * logged by the connection, and the server goes on.
 */
function stdioReader(): StreamMessageReader {
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((err) => {
    const message = String((err as Partial<Error> | undefined)?.message ?? err);
    if (/Content-Length|header/i.test(message)) {
      process.stderr.write(`gov-report: unreadable LSP header, exiting: ${message}\n`);
      process.exit(1);
    }
  });
  return reader;
}
