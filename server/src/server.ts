// gov-report language server: `node server/out/server.js --stdio` (any LSP editor) or `--node-ipc`
// (the VS Code client). With no transport argument it speaks LSP over stdin/stdout.
// The handlers live in ./lsp; all linting, hovers, outline and fixes come from ./engine.
import './lsp/memory'; // first: V8 settings before anything allocates
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './lsp/session';

const args = process.argv.slice(2);
const stdio = args.includes('--stdio') || !args.some((a) => /^--(node-ipc|socket|pipe)(=|$)/.test(a));
const connection = stdio ? createConnection(ProposedFeatures.all, stdioReader(), new StreamMessageWriter(process.stdout)) : createConnection(ProposedFeatures.all);

/**
 * Over stdio, a header block without Content-Length makes the reader stop for good: exit (status 1) so the editor
 * sees a dead server and can restart it, rather than one alive and deaf. A bad message inside a valid frame is only
 * logged by the connection, and the server goes on.
 */
function stdioReader(): StreamMessageReader {
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((err) => {
    if (/Content-Length|header/i.test(String(err?.message ?? err))) {
      process.stderr.write(`gov-report: unreadable LSP header, exiting: ${err?.message ?? err}\n`);
      process.exit(1);
    }
  });
  return reader;
}

// An exception outside a handler (there should be none) is logged; the server keeps serving.
process.on('uncaughtException', (err) => { try { connection.console.error(`gov-report: uncaught: ${err.stack ?? err}`); } catch { /* closed */ } });
process.on('unhandledRejection', (err) => { try { connection.console.error(`gov-report: unhandled rejection: ${String(err)}`); } catch { /* closed */ } });

startServer(connection);
