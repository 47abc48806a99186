// Tests that spawn a bundle (CLI, language server) build it first when it is missing or older than its sources.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';


function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

let built = false;
/** Run scripts/build.mjs once per test run when `bundle` is missing or older than server/src. */
export function ensureBundle(bundle: string): void {
  if (built) return;
  const stale = !fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < newestMtime(path.join(repoRoot, 'server', 'src'));
  if (stale) execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  built = true;
}
