// TEST-ONLY fault injection, so that the tests of hangs, crashes, signals and concurrent writers are
// deterministic. Read from GOV_REPORT_LINT_TEST_FAULT, a comma-separated list of ACTION:BASENAME:
//   hang:NAME    a worker thread loops forever when it is about to lint a file named NAME
//   exit:NAME    a worker thread calls process.exit(7) there (the thread ends, as on a fatal error)
//   crash:NAME   a worker thread throws there, outside the per-file guard (an uncaught exception)
//   pause:NAME   --fix pauses for GOV_REPORT_LINT_TEST_PAUSE_MS (default 3000) after checking NAME's content
//                and before its final stat check and rename, after printing "gov-report-lint test: paused
//                before renaming FILE" to stderr
// Nothing else reads these variables; they are not part of the CLI's documented interface.
import * as fs from 'node:fs';
import * as path from 'node:path';

type Action = 'hang' | 'exit' | 'crash' | 'pause';

function parse(spec: string | undefined): Map<string, Set<Action>> {
  const byName = new Map<string, Set<Action>>();
  for (const item of (spec ?? '').split(',')) {
    const colon = item.indexOf(':');
    if (colon < 0) continue;
    const action = item.slice(0, colon) as Action;
    if (!['hang', 'exit', 'crash', 'pause'].includes(action)) continue;
    const name = item.slice(colon + 1);
    if (!byName.has(name)) byName.set(name, new Set());
    byName.get(name)!.add(action);
  }
  return byName;
}

const faults = parse(process.env.GOV_REPORT_LINT_TEST_FAULT);

function wants(file: string, action: Action): boolean {
  return faults.size > 0 && faults.get(path.basename(file))?.has(action) === true;
}

/** In a worker thread, before linting `file`. */
export function injectWorkerFault(file: string): void {
  if (faults.size === 0) return;
  if (wants(file, 'hang')) for (;;) { /* a stuck engine */ }
  if (wants(file, 'exit')) process.exit(7);
  if (wants(file, 'crash')) throw new Error(`test fault: crash on ${path.basename(file)}`);
}

/** --fix, between the content check and the final stat check before the rename. */
export function pauseBeforeRename(file: string): void {
  if (!wants(file, 'pause')) return;
  const ms = Number(process.env.GOV_REPORT_LINT_TEST_PAUSE_MS) || 3000;
  fs.writeSync(2, `gov-report-lint test: paused before renaming ${file}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
