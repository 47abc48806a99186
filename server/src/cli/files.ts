// Turning the FILE arguments into the list of files to lint, in argument order.
// A directory is searched for files with one of REPORT_EXTENSIONS (sorted; dot-directories and node_modules
// skipped). Symbolic links are followed only when named on the command line: one met inside a directory is
// not followed (as ESLint and Prettier do), so a walk never leaves the tree it was given and --fix never writes
// outside it. The walk is iterative (no recursion to overflow); a directory it cannot read is reported.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPORT_EXTENSIONS } from '../config/types';

/** The file extensions a directory walk picks up: the one list (usage text and messages read it too). */
export { REPORT_EXTENSIONS };

/** Something the walk met that is not a file to lint. `fatal` ones make the exit status 2. */
export type WalkNote =
  | { code: 'emptyDirectory' }
  | { code: 'unreadableDirectory'; detail: string }
  | { code: 'brokenLink' }
  | { code: 'linkNotFollowed' };

/** A file to lint: named on the command line, or found by a directory walk (`walked`: a configuration may exclude it). */
export type Target = { kind: 'file'; file: string; walked?: boolean } | { kind: 'note'; file: string; note: WalkNote };

export function isFatal(note: WalkNote): boolean {
  return note.code !== 'linkNotFollowed';
}

export function hasReportExtension(name: string): boolean {
  return REPORT_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

export function expandArguments(args: readonly string[]): Target[] {
  const out: Target[] = [];
  const seen = new Set<string>();
  const push = (t: Target) => {
    if (t.kind === 'file') {
      let key: string;
      try { key = fs.realpathSync(t.file); } catch { key = path.resolve(t.file); }
      if (seen.has(key)) return;
      seen.add(key);
    }
    out.push(t);
  };
  for (const arg of args) {
    let isDir = false;
    try { isDir = fs.statSync(arg).isDirectory(); } catch { /* missing etc.: lintFile reports it */ }
    if (!isDir) { push({ kind: 'file', file: arg }); continue; }
    const found = walk(arg);
    if (!found.some((t) => t.kind === 'file' || isFatal(t.note))) found.push({ kind: 'note', file: arg, note: { code: 'emptyDirectory' } });
    for (const t of found) push(t);
  }
  return out;
}

type Pending = Target | { kind: 'directory'; dir: string };

/** Depth first in sorted order, with an explicit stack. */
function walk(root: string): Target[] {
  const out: Target[] = [];
  const stack: Pending[] = [{ kind: 'directory', dir: root }];
  const visited = new Set<string>(); // dev:ino, against bind-mount loops
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.kind !== 'directory') { out.push(item); continue; }
    const children = readDirectory(item.dir, visited);
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]);
  }
  return out;
}

function readDirectory(dir: string, visited: Set<string>): Pending[] {
  let entries: fs.Dirent[];
  try {
    const s = fs.statSync(dir);
    const id = `${s.dev}:${s.ino}`;
    if (visited.has(id)) return [];
    visited.add(id);
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    return [{ kind: 'note', file: dir, note: { code: 'unreadableDirectory', detail: (err as NodeJS.ErrnoException).code ?? String(err) } }];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: Pending[] = [];
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && e.name !== 'node_modules') out.push({ kind: 'directory', dir: p });
    } else if (e.isFile()) {
      if (hasReportExtension(e.name)) out.push({ kind: 'file', file: p, walked: true });
    } else if (e.isSymbolicLink()) {
      const note = linkNote(p, e.name);
      if (note) out.push({ kind: 'note', file: p, note });
    }
  }
  return out;
}

/** A link that would have been input (a report's name, or a directory) is mentioned; a broken one is an error. */
function linkNote(p: string, name: string): WalkNote | null {
  let target: fs.Stats;
  try {
    target = fs.statSync(p);
  } catch {
    return hasReportExtension(name) ? { code: 'brokenLink' } : null;
  }
  if (target.isDirectory() ? name.startsWith('.') || name === 'node_modules' : !hasReportExtension(name)) return null;
  return { code: 'linkNotFollowed' };
}
