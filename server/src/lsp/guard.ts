// Every handler is guarded: an exception is logged and answered with an empty result, a cancelled request with
// RequestCancelled; never a dead server.
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';

export type Log = (what: string, err: unknown) => void;

/** A line in the client's log (its output channel); nothing when the connection is already closed. */
export function logger(connection: Connection): Log {
  return (what, err) => {
    try { connection.console.error(`gov-report: ${what}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`); } catch { /* closed */ }
  };
}

export type Guard = <P, R>(name: string, fallback: R, fn: (params: P, token: CancellationToken) => R | Promise<R>) =>
  (params: P, token: CancellationToken) => Promise<R | ResponseError>;

/** Wrap a request handler: cancelled → RequestCancelled; exception → `fallback` and a log line. */
export function guardRequests(log: Log): Guard {
  return (name, fallback, fn) => async (params, token) => {
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
    try {
      const r = await fn(params, token);
      return token?.isCancellationRequested ? new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled') : r;
    } catch (err) {
      log(name, err);
      return fallback;
    }
  };
}

/** Wrap a notification handler: an exception, thrown or rejected, is a log line. */
export function guardNotifications(log: Log) {
  return <P>(name: string, fn: (params: P) => void | Promise<void>) => (params: P): void => {
    try { void Promise.resolve(fn(params)).catch((err: unknown) => { log(name, err); }); } catch (err) { log(name, err); }
  };
}
