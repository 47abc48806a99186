// gov-report language server: `node server/out/server.js --stdio` (any LSP editor) or `--node-ipc`
// (the VS Code client). With no transport argument it speaks LSP over stdin/stdout.
// The handlers live in ./lsp; all linting, hovers, outline and fixes come from ./engine.
import './lsp/memory'; // first: V8 settings before anything allocates
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/session';

if (!process.argv.slice(2).some((a) => /^--(stdio|node-ipc|socket|pipe)(=|$)/.test(a))) process.argv.push('--stdio');
const connection = createConnection(ProposedFeatures.all);

// An exception outside a handler (there should be none) is logged; the server keeps serving.
process.on('uncaughtException', (err) => { try { connection.console.error(`gov-report: uncaught: ${err.stack ?? err}`); } catch { /* closed */ } });
process.on('unhandledRejection', (err) => { try { connection.console.error(`gov-report: unhandled rejection: ${String(err)}`); } catch { /* closed */ } });

startServer(connection);
