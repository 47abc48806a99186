// Code actions from fix data: a quick fix per fix of each diagnostic, "fix all of this rule", and
// source.fixAll.gov-report (safe fixes only, for editor.codeActionsOnSave). Edits come from the engine.
import {
  CodeActionKind, TextDocumentEdit,
  type CodeAction, type CodeActionContext, type Diagnostic, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { applyFixes, fixAll, format, lint, pickFixes, ruleMessage, type Finding, type Fix, type LintOptions, type LintResult, type Locale } from '../engine';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../protocol';
import { minimalEdit, type DiagnosticData } from './convert';

export interface ActionDocument {
  uri: string;
  version: number;
  text: string;
  /** The lint result of this version (cached by the caller). */
  result: LintResult;
  options: LintOptions & { locale: Locale };
  /** Use TextDocumentEdit (versioned) rather than `changes`. */
  documentChanges: boolean;
}

/** Does `kind` match one of the requested `only` kinds (equal, or a sub-kind of it)? */
export function kindRequested(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => o === '' || kind === o || kind.startsWith(`${o}.`));
}

function codeOf(d: Diagnostic): string | null {
  const c = d.code;
  return d.source === DIAGNOSTIC_SOURCE && (typeof c === 'string' || typeof c === 'number') ? String(c) : null;
}

const sameRange = (a: Finding['range'], b: Diagnostic['range']) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

function isFix(x: unknown): x is Fix {
  const f = x as Fix;
  return !!f && typeof f.title === 'string' && Array.isArray(f.edits) && typeof f.safe === 'boolean';
}

/**
 * The fixes of a diagnostic for the current version: from its `data` when that data is of this version
 * (table-wide edits from the cache), else from the current lint result's finding at the same rule and range.
 */
export function fixesOf(d: Diagnostic, doc: ActionDocument): Fix[] {
  const rule = codeOf(d);
  if (!rule) return [];
  const finding = () => doc.result.findings.find((f) => f.rule === rule && sameRange(f.range, d.range));
  const data = d.data as DiagnosticData | undefined;
  if (data?.version === doc.version && Array.isArray(data.fixes) && data.fixes.every(isFix)) {
    return data.fixes.map((x) => (x.deferred ? finding()?.fixes.find((y) => y.title === x.title && y.scope === x.scope) : x))
      .filter((x): x is Fix => !!x && x.edits.length > 0);
  }
  return finding()?.fixes.filter((x) => x.edits.length > 0) ?? [];
}

function workspaceEdit(doc: ActionDocument, edits: TextEdit[]): WorkspaceEdit {
  return doc.documentChanges
    ? { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits)] }
    : { changes: { [doc.uri]: edits } };
}

/** The edits of fixes applied together: their own edits when none overlap, else one edit of the engine's result. */
function combinedEdits(text: string, fixes: readonly Fix[]): TextEdit[] {
  const r = applyFixes(text, fixes);
  if (r.applied === fixes.length) return fixes.flatMap((f) => f.edits);
  const e = minimalEdit(text, r.text);
  return e ? [e] : [];
}

export function codeActions(doc: ActionDocument, context: CodeActionContext): CodeAction[] {
  const only = context.only;
  const locale = doc.options.locale;
  const out: CodeAction[] = [];

  if (kindRequested(CodeActionKind.QuickFix, only)) {
    const rules = new Set<string>();
    for (const d of context.diagnostics ?? []) {
      const rule = codeOf(d);
      if (!rule) continue;
      const fixes = fixesOf(d, doc);
      // Only a certain fix is preferred (applied by "auto fix"): a blank is not a zero, and a computed total may
      // hide the wrong item.
      for (const fix of fixes) {
        out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: fix.safe, edit: workspaceEdit(doc, fix.edits) });
      }
      if (fixes.length > 0) rules.add(rule);
    }
    for (const rule of rules) {
      const findings = doc.result.findings.filter((f) => f.rule === rule);
      const fixes = pickFixes(findings, true);
      if (fixes.length < 2) continue;
      const edits = combinedEdits(doc.text, fixes);
      if (edits.length === 0) continue;
      const diagnostics = (context.diagnostics ?? []).filter((d) => codeOf(d) === rule);
      out.push({ title: ruleMessage(locale, rule, 'fixAll', { n: fixes.length }), kind: CodeActionKind.QuickFix, diagnostics, edit: workspaceEdit(doc, edits) });
    }
  }

  // The source action runs the engine's fix-all to a fixed point; offered only when there is a safe fix.
  if (kindRequested(FIX_ALL_KIND, only)) {
    const action = fixAllAction(doc, format(locale, 'fixAll.source'));
    if (action) out.push(action);
  }
  return out;
}

function fixAllAction(doc: ActionDocument, title: string): CodeAction | null {
  if (!doc.result.findings.some((f) => f.fixes.some((x) => x.safe && (x.scope ?? 'finding') === 'finding'))) return null;
  // The first pass reuses the cached result of this version.
  const r = fixAll(doc.text, (text, options) => (text === doc.text ? doc.result : lint(text, options)), doc.options);
  const edit = minimalEdit(doc.text, r.text);
  if (!edit) return null;
  return { title, kind: FIX_ALL_KIND, diagnostics: [], edit: workspaceEdit(doc, [edit]) };
}
