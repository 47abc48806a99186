// Helpers shared by the e2e suites (run inside VS Code's extension host; plain JS, nothing to compile).
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const LANG = 'gov-report';
const EXT_ID = 'gov-report.gov-report';
const PARTS = ['一', '二', '三', '四', '五', '六'];

const wsRoot = () => (vscode.workspace.workspaceFolders || [])[0]?.uri.fsPath;
const codeOf = (d) => (d.code && typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const brief = (d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message.slice(0, 60)}`;
const tick = () => new Promise((r) => setTimeout(r, 50));

/** Poll `fn` until it returns a truthy value; re-checks on every diagnostics change. Never a fixed sleep. */
async function until(fn, what, ms = 20000) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => { sub.dispose(); resolve(); });
      setTimeout(() => { sub.dispose(); resolve(); }, 100);
    });
  }
}

function fileIn(name) {
  const root = wsRoot();
  const p = root && path.join(root, name);
  return p && fs.existsSync(p) ? p : null;
}

/** Open a workspace file and wait until VS Code reports it as gov-report (content detection is async). */
async function openReport(name) {
  const file = fileIn(name);
  assert.ok(file, `${name} not in the workspace`);
  const uri = vscode.Uri.file(file);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  return until(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === LANG),
    `${name} to switch to ${LANG}`);
}

const diagsOf = (doc) => vscode.languages.getDiagnostics(doc.uri);
const waitDiags = (doc, pred, what, ms) => until(() => { const d = diagsOf(doc); return pred(d) ? d : null; }, what, ms);

function hoverText(hovers) {
  return (hovers || []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value || ''))).join('\n');
}

function flattenSymbols(syms, depth = 0, out = []) {
  for (const s of syms || []) { out.push({ name: s.name, depth, line: (s.range || s.location.range).start.line }); flattenSymbols(s.children, depth + 1, out); }
  return out;
}

/** The document symbols of `uri` (once the server has given some), flattened with their depth. */
async function symbolsOf(uri) {
  const syms = await until(async () => {
    const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    return s && s.length ? s : null;
  }, 'document symbols');
  return flattenSymbols(syms);
}

/** The six parts' symbols, asserted to be at one level. */
function partSymbols(flat) {
  const parts = flat.filter((s) => PARTS.some((p) => s.name.startsWith(`${p}、`)) && s.depth <= 1);
  assert.strictEqual(new Set(parts.map((s) => s.depth)).size, 1, 'parts at one level');
  return parts;
}

module.exports = {
  LANG, EXT_ID, PARTS, wsRoot, codeOf, brief, tick, until, fileIn, openReport, diagsOf, waitDiags, hoverText, symbolsOf, partSymbols,
};
