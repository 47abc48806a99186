// The writer's desk over LSP: the table preview's model (`govReport/tables`), a new report skeleton
// (`govReport/skeleton`) and completion snippets for missing rows and tables. Thin: the engine builds all three.
import {
  CompletionItemKind, ErrorCodes, InsertTextFormat, InsertTextMode, MarkupKind, ResponseError,
  type CompletionItem, type CompletionList, type Connection,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { identityOf, lint, previewOf, skeleton, snippetsAt, type LintResult, type Locale, type Skeleton, type SkeletonLayout } from '../engine';
import { IDENTIFY_REQUEST, SKELETON_REQUEST, TABLES_REQUEST, type SkeletonParams, type TablesParams, type TablesResult } from '../protocol';

/** Last year's report is read whole: beyond this many characters it is not a report. */
const MAX_LAST_YEAR_CHARS = 20_000_000;
const LAYOUTS: readonly SkeletonLayout[] = ['row-per-line', 'pipe'];

type Handler<P, R> = (params: P, token: import('vscode-languageserver/node').CancellationToken) => Promise<R | ResponseError>;
export interface DeskContext {
  guard<P, R>(name: string, fallback: R, fn: (params: P) => R | Promise<R>): Handler<P, R>;
  /** The open document with the lint result of its current version, or null. */
  current(uri: string): Promise<{ doc: TextDocument; options: { locale: Locale }; result: LintResult } | null>;
  /** The message locale when no document is concerned. */
  locale(): Promise<Locale>;
}

export function registerDesk(connection: Connection, ctx: DeskContext): void {
  connection.onRequest(TABLES_REQUEST, ctx.guard('tables', null, async (params: TablesParams): Promise<TablesResult | null> => {
    const c = typeof params?.uri === 'string' ? await ctx.current(params.uri) : null;
    return c && { uri: c.doc.uri, version: c.doc.version, preview: previewOf(c.result, c.options.locale) };
  }));

  connection.onRequest(SKELETON_REQUEST, ctx.guard('skeleton', null, async (params: SkeletonParams): Promise<Skeleton | ResponseError> => {
    const bad = invalidSkeletonParams(params);
    if (bad) return new ResponseError(ErrorCodes.InvalidParams, bad);
    const locale = await ctx.locale();
    const lastYear = params.lastYear ? lint(params.lastYear.text, { locale }).report : undefined;
    return skeleton({ office: params.office.trim(), year: params.year, layout: params.layout, lastYear, locale });
  }));

  // The office and year of last year's report, as defaults for the next one.
  connection.onRequest(IDENTIFY_REQUEST, ctx.guard('identify', null, (params: { text: string }) => {
    if (typeof params?.text !== 'string' || params.text.length > MAX_LAST_YEAR_CHARS) return new ResponseError(ErrorCodes.InvalidParams, 'text: the text of a report');
    return identityOf(lint(params.text).report);
  }));

  connection.onCompletion(ctx.guard('completion', null, async (params): Promise<CompletionList | null> => {
    const c = await ctx.current(params.textDocument.uri);
    if (!c) return null;
    const { line } = params.position;
    const lineText = c.doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
    const items = snippetsAt(c.result, lineText, params.position, c.options.locale).map((s): CompletionItem => ({
      label: s.label, detail: s.detail, kind: CompletionItemKind.Snippet,
      documentation: { kind: MarkupKind.PlainText, value: s.documentation },
      insertTextFormat: InsertTextFormat.Snippet, insertTextMode: InsertTextMode.asIs,
      textEdit: { range: s.range, newText: s.text }, filterText: s.filterText, sortText: s.sortText,
    }));
    return { isIncomplete: false, items };
  }));
}

/** Why the parameters cannot make a skeleton (for the client's error message), or null. */
function invalidSkeletonParams(p: SkeletonParams | null | undefined): string | null {
  if (!p || typeof p !== 'object') return 'parameters missing';
  if (typeof p.office !== 'string' || !p.office.trim() || p.office.length > 200) return 'office: a name of 1 to 200 characters';
  if (!Number.isInteger(p.year) || p.year < 2019 || p.year > 2100) return 'year: a report year from 2019';
  if (!LAYOUTS.includes(p.layout)) return `layout: one of ${LAYOUTS.join(', ')}`;
  if (p.lastYear !== undefined && (typeof p.lastYear?.text !== 'string' || p.lastYear.text.length > MAX_LAST_YEAR_CHARS)) return 'lastYear.text: the text of a report';
  return null;
}
