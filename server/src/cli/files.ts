// Turning the FILE arguments into the list of files to lint, in argument order.
// A directory is searched recursively for *.txt / *.md / *.docx / *.html / *.htm / *.pdf (sorted; dot-directories and
// node_modules skipped).
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Target =
  | { kind: 'file'; file: string }
  | { kind: 'emptyDirectory'; file: string };

const EXTENSIONS = new Set(['.txt', '.md', '.docx', '.html', '.htm', '.pdf']);

export function expandArguments(args: readonly string[]): Target[] {
  const out: Target[] = [];
  const seen = new Set<string>();
  const push = (file: string) => {
    let key: string;
    try { key = fs.realpathSync(file); } catch { key = path.resolve(file); }
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind: 'file', file });
  };
  for (const arg of args) {
    let isDir = false;
    try { isDir = fs.statSync(arg).isDirectory(); } catch { /* missing etc.: lintFile reports it */ }
    if (!isDir) { push(arg); continue; }
    const found: string[] = [];
    walk(arg, found, new Set());
    if (found.length === 0) out.push({ kind: 'emptyDirectory', file: arg });
    for (const f of found) push(f);
  }
  return out;
}

function walk(dir: string, out: string[], visited: Set<string>): void {
  let real: string;
  try { real = fs.realpathSync(dir); } catch { return; }
  if (visited.has(real)) return; // symlink loop
  visited.add(real);
  let entries: fs.Dirent[];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
  const names = entries.map((e) => e.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const byName = new Map(entries.map((e) => [e.name, e]));
  for (const name of names) {
    const e = byName.get(name)!;
    const p = path.join(dir, name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try { const s = fs.statSync(p); isDir = s.isDirectory(); isFile = s.isFile(); } catch { continue; }
    }
    if (isDir) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      walk(p, out, visited);
    } else if (isFile && EXTENSIONS.has(path.extname(name).toLowerCase())) {
      out.push(p);
    }
  }
}
