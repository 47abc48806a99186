// Engine data → LSP data. Pure mappings, no domain logic: the engine already speaks LSP positions (UTF-16).
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity, DocumentSymbol, FoldingRange, MarkupKind, SymbolKind,
  type Diagnostic, type Hover, type Range, type TextEdit,
} from 'vscode-languageserver/node';
import { LineIndex, ruleMeta, type Finding, type Fix, type HoverInfo, type OutlineNode, type Severity } from '../engine';
import { DIAGNOSTIC_SOURCE } from '../protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * What a diagnostic carries in `data`: the finding's fixes for the document version it was computed on.
 * A table-wide fix is the same for every finding of its table, so its edits are left out (`edits: []`,
 * `deferred: true`) and taken from the per-version lint cache when a code action asks for it.
 */
export interface DiagnosticData { version: number; fixes: (Fix & { deferred?: true })[] }

const docsCache = new Map<string, string | null>();
/** file: URI of docs/rules/<id>.md beside the bundle (server/out → ../../docs), or null when it is not there. */
export function docsHref(rule: string, baseDir = __dirname): string | null {
  const key = `${baseDir}\0${rule}`;
  let href = docsCache.get(key);
  if (href === undefined) {
    const rel = ruleMeta(rule)?.docs ?? `docs/rules/${rule}.md`;
    const file = path.resolve(baseDir, '..', '..', rel);
    href = /^[a-z0-9-]+$/i.test(rule) && existsSync(file) ? pathToFileURL(file).href : null;
    docsCache.set(key, href);
  }
  return href;
}

/**
 * A finding as a diagnostic of the document at `uri`. Its related places (the rows of a pattern, last year's cell,
 * repeated passages) are relatedInformation: in another file (`file`, a URI), or without one in this document.
 */
export function toDiagnostic(f: Finding, version: number, uri?: string): Diagnostic {
  const href = docsHref(f.rule);
  const data: DiagnosticData = {
    version,
    fixes: f.fixes.map((x) => (x.scope === 'table' ? { ...x, edits: [], deferred: true as const } : x)),
  };
  const related = f.related?.filter((r) => r.file ?? uri).map((r) => ({ location: { uri: r.file ?? uri!, range: r.range }, message: r.message }));
  return {
    range: f.range,
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Error,
    code: f.rule,
    ...(href ? { codeDescription: { href } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
    ...(related?.length ? { relatedInformation: related } : {}),
    data,
  };
}

const SYMBOL_KIND: Record<OutlineNode['kind'], SymbolKind> = {
  title: SymbolKind.File,
  part: SymbolKind.Namespace,
  heading: SymbolKind.String,
  table: SymbolKind.Struct,
  section: SymbolKind.Object,
  row: SymbolKind.Field,
};

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** selectionRange clamped into range: clients (VS Code) reject a symbol whose selection is outside it. */
function clampInto(sel: Range, outer: Range): Range {
  const start = before(sel.start, outer.start) || before(outer.end, sel.start) ? outer.start : sel.start;
  const end = before(outer.end, sel.end) || before(sel.end, start) ? outer.end : sel.end;
  return { start, end: before(end, start) ? start : end };
}

export function toSymbols(nodes: readonly OutlineNode[]): DocumentSymbol[] {
  return nodes.map((n) => {
    const range = before(n.range.end, n.range.start) ? { start: n.range.start, end: n.range.start } : n.range;
    const name = n.name.replace(/\s+/g, ' ').trim() || '—';
    const sym = DocumentSymbol.create(name, n.detail, SYMBOL_KIND[n.kind] ?? SymbolKind.Key, range, clampInto(n.selectionRange, range), toSymbols(n.children));
    if (n.detail === undefined) delete sym.detail;
    return sym;
  });
}

/** A folding range for each part and each table of the outline. */
export function toFoldingRanges(nodes: readonly OutlineNode[]): FoldingRange[] {
  const out: FoldingRange[] = [];
  const walk = (list: readonly OutlineNode[]) => {
    for (const n of list) {
      if (n.kind === 'part' || n.kind === 'table') {
        const start = n.range.start.line;
        // A range ending at character 0 ends on the line before (the next part's heading line stays visible).
        const end = n.range.end.character === 0 && n.range.end.line > start ? n.range.end.line - 1 : n.range.end.line;
        if (end > start) out.push(FoldingRange.create(start, end));
      }
      if (n.kind === 'title' || n.kind === 'part') walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

export function toHover(info: HoverInfo | null): Hover | null {
  if (!info) return null;
  return { contents: { kind: MarkupKind.Markdown, value: info.markdown }, range: info.range };
}

/**
 * One edit turning `before` into `after`: the span between their common prefix and suffix. Boundaries never
 * split a CR LF pair or a surrogate pair, so the positions are exact.
 */
export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  while (p > 0 && (before.charCodeAt(p - 1) === 13 || isHigh(before.charCodeAt(p - 1)))) p--;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  while (s > 0 && (before.charCodeAt(before.length - s) === 10 || isLow(before.charCodeAt(before.length - s)))) s--;
  const index = new LineIndex(before);
  return {
    range: { start: index.positionAt(p), end: index.positionAt(before.length - s) },
    newText: after.slice(p, after.length - s),
  };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
