// Helpers the rules share: template lookups for a table model, display names, cell ranges, equations.
import { format, type Args } from '../messages';
import type { ParsedReport } from '../parse/report';
import { tableDef, templates } from '../template';
import { normalize } from '../text';
import type { ColumnDef, EquationDef, RowDef, TableDef } from '../template/types';
import type { CellModel, Locale, Range, RowModel, RuleMeta, TableModel } from '../types';
import type { Rule, RuleContext, RuleMessages } from './rule';

export function defOf(table: TableModel): TableDef {
  return tableDef(table.template, table.id);
}

const rowDefIndex = new WeakMap<TableDef, Map<string, RowDef>>();
export function rowDefOf(table: TableModel, rowId: string): RowDef | undefined {
  const def = defOf(table);
  let m = rowDefIndex.get(def);
  if (!m) { m = new Map(def.rows.map((r) => [r.id, r])); rowDefIndex.set(def, m); }
  return m.get(rowId);
}

export function columnDefOf(table: TableModel, rowId: string, columnId: string): ColumnDef | undefined {
  const r = rowDefOf(table, rowId);
  return r ? defOf(table).columnSets[r.columns]?.find((c) => c.id === columnId) : undefined;
}

/**
 * A row as messages name it: the template label with its numbering, the section's numbering before a numbered
 * sub-row (（六）3.其他, never to be taken for the column 其他), without the label's parenthetical note; quotation
 * marks inside become ‘’, since messages quote the name. Table 四's unlabelled row is named by its table.
 */
export function rowName(table: TableModel, rowId: string, locale: Locale): string {
  if (rowId === defOf(table).unlabelledRow) return format(locale, `table.${table.id}`);
  const r = rowDefOf(table, rowId);
  if (!r) return rowId;
  const section = /^\d/.test(r.label) && r.section ? defOf(table).sections.find((s) => s.id === r.section)?.label.match(/^（[一二三四五六七八九]）/)?.[0] ?? '' : '';
  return (section + r.label.replace(/(?<=.)（[^（）]*）$/, '')).replace(/“/g, '‘').replace(/”/g, '’');
}

/** The template label of a column of a row (without its group). */
export function columnName(table: TableModel, rowId: string, columnId: string): string {
  return columnDefOf(table, rowId, columnId)?.label ?? columnId;
}

/** A cell as messages name it: “（一）予以公开”行“自然人”列; a column under a group (table 四): “行政复议·结果维持”列. */
export function cellNameOf(table: TableModel, rowId: string, columnId: string, locale: Locale): string {
  const column = columnDefOf(table, rowId, columnId);
  const label = column?.label ?? columnId;
  if (column?.group) return format(locale, 'cell.grouped', { group: format(locale, `group.${column.group}`), column: label });
  return format(locale, 'cell', { row: rowName(table, rowId, locale), column: label });
}

export function cellName(table: TableModel, row: RowModel, cell: CellModel, locale: Locale): string {
  return cellNameOf(table, row.id, cell.columnId, locale);
}

/** Blank or a placeholder: the cells cell-blank reports. */
export function isBlank(cell: CellModel): boolean {
  return cell.kind === 'blank' || cell.kind === 'placeholder';
}

/** Where a cell's finding is shown: the cell's text, or for an empty cell the separator before it. */
export function cellRange(cell: CellModel): Range {
  const r = cell.range;
  if (r.start.line !== r.end.line || r.start.character !== r.end.character) return r;
  return cell.separator ?? r;
}

const rowIndex = new WeakMap<TableModel, Map<string, RowModel>>();
/** The table's row with this template id (rows are unique per table; indexed once per model). */
export function findRow(table: TableModel, rowId: string): RowModel | undefined {
  let m = rowIndex.get(table);
  if (!m) { m = new Map(table.rows.map((r) => [r.id, r])); rowIndex.set(table, m); }
  return m.get(rowId);
}

export function cellAt(table: TableModel, rowId: string, columnId: string): CellModel | undefined {
  return findRow(table, rowId)?.cells.find((c) => c.columnId === columnId);
}

// ------------------------------------------------------------------ balance equations

/** One side of an equation: a cell (or the sum of a split row's cells), named lazily since most balance. */
export class Operand {
  constructor(
    readonly status: 'ok' | 'blank' | 'absent',
    readonly value: number,
    readonly cells: CellModel[],
    /** The template cell the operand stands for. */
    readonly ref: { row: string; column: string },
    private readonly nameOf: () => string,
  ) {}
  get name(): string { return this.nameOf(); }
}

export interface EquationInstance {
  eq: EquationDef;
  table: TableModel;
  /** The column the instance runs over (forEach column), or the row (forEach row). */
  column?: string;
  row?: string;
  target: Operand;
  plus: Operand[];
  minus: Operand[];
}

/** Every instance of the equations of `ruleId` over the report's tables, with operands resolved. */
export function equationInstances(tables: readonly TableModel[], ruleId: string, locale: Locale): EquationInstance[] {
  const out: EquationInstance[] = [];
  for (const table of tables) {
    for (const eq of templates[table.template].equations) {
      if (eq.rule !== ruleId || eq.table !== table.id) continue;
      const instances: { column?: string; row?: string }[] =
        eq.forEach === 'column' ? eq.over.map((column) => ({ column }))
          : eq.forEach === 'row' ? eq.over.filter((row) => findRow(table, row)).map((row) => ({ row }))
            : [{}];
      for (const inst of instances) {
        const sub = (s: string) => s === '$column' ? inst.column! : s === '$row' ? inst.row! : s;
        const resolve = (ref: { row: string; column: string }) => operand(table, sub(ref.row), sub(ref.column), locale, eq.forEach);
        out.push({ eq, table, ...inst, target: resolve(eq.target), plus: eq.plus.map(resolve), minus: eq.minus.map(resolve) });
      }
    }
  }
  return out;
}

function operand(table: TableModel, rowId: string, columnId: string, locale: Locale, forEach: EquationDef['forEach']): Operand {
  // Name operands by what varies across the equation: rows for column sums, columns for row sums.
  const nameOf = () => (forEach === 'column' ? rowName(table, rowId, locale) : columnName(table, rowId, columnId));
  const ref = { row: rowId, column: columnId };
  const row = findRow(table, rowId);
  if (!row) {
    // A row some reports split into sub-rows is the sum of those when it is absent.
    const agg = rowDefOf(table, rowId)?.aggregateOf;
    const parts = (agg ?? []).map((id) => operand(table, id, columnId, locale, forEach)).filter((o) => o.status !== 'absent');
    if (parts.length === 0) return new Operand('absent', 0, [], ref, nameOf);
    const cells = parts.flatMap((p) => p.cells);
    if (parts.some((p) => p.status === 'blank')) return new Operand('blank', 0, cells, ref, nameOf);
    return new Operand('ok', parts.reduce((s, p) => s + p.value, 0), cells, ref, nameOf);
  }
  const cell = row.foundCells === row.expectedCells ? row.cells.find((c) => c.columnId === columnId) : undefined;
  if (!cell) return new Operand('absent', 0, [], ref, nameOf);
  if (cell.kind !== 'number' || cell.value === null) return new Operand('blank', 0, [cell], ref, nameOf);
  return new Operand('ok', cell.value, [cell], ref, nameOf);
}

/** Formats a number as the report would write it (no float noise). */
export function num(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 10000) / 10000);
}

// ------------------------------------------------------------------ the four balance rules share one check

/**
 * A balance rule: every instance of its equations either balances, cannot be checked (an operand is blank or
 * invalid: info, never a false imbalance), or is reported with the computed value as a suggestion. Instances with
 * an absent operand are left to row-missing and row-cells. A computed value below 0 is never offered, and an
 * operand that is itself the target of another failing equation (（七）总计 failing two equations alike) is the
 * cell reported, without a value: correcting it by the other equation's fix may balance both.
 * The messages (keys unbalanced, suspect, negative, cannotCheck, fix, fixAll) put the figure as written first and
 * do not presume which cell is wrong.
 */
export function balanceRule(meta: RuleMeta, messages: RuleMessages): Rule {
  return { meta, messages, check: (ctx) => checkBalance(ctx, meta.id) };
}

type Evaluated =
  | { inst: EquationInstance; state: 'absent' | 'balanced' }
  | { inst: EquationInstance; state: 'blank'; blank: Operand }
  | { inst: EquationInstance; state: 'unbalanced'; expected: number; actual: number };

function evaluate(inst: EquationInstance): Evaluated {
  const ops = [inst.target, ...inst.plus, ...inst.minus];
  if (ops.some((o) => o.status === 'absent')) return { inst, state: 'absent' };
  const blank = ops.find((o) => o.status === 'blank');
  if (blank) return { inst, state: 'blank', blank };
  const expected = sum(inst.plus) - sum(inst.minus);
  const actual = inst.target.value;
  return Math.abs(expected - actual) < 1e-6 ? { inst, state: 'balanced' } : { inst, state: 'unbalanced', expected, actual };
}

const sum = (ops: readonly Operand[]) => ops.reduce((s, o) => s + o.value, 0);

/** Every balance equation of the report, evaluated once per lint (the four rules look at each other's results). */
const evaluatedOf = new WeakMap<TableModel[], { locale: Locale; all: Evaluated[] }>();
function evaluatedInstances(tables: TableModel[], locale: Locale): Evaluated[] {
  const hit = evaluatedOf.get(tables);
  if (hit?.locale === locale) return hit.all;
  const ruleIds = new Set(tables.flatMap((t) => templates[t.template].equations.map((eq) => eq.rule)));
  const all = [...ruleIds].flatMap((id) => equationInstances(tables, id, locale)).map(evaluate);
  evaluatedOf.set(tables, { locale, all });
  return all;
}

function checkBalance(ctx: RuleContext, ruleId: string): void {
  if (!ctx.template) return;
  const all = evaluatedInstances(ctx.parsed.report.tables, ctx.locale);
  for (const e of all) {
    if (e.inst.eq.rule !== ruleId) continue;
    if (e.state === 'blank') {
      if (saidElsewhere(ctx, e.inst, e.blank)) continue;
      const cell = cellNameOf(e.inst.table, e.blank.ref.row, e.blank.ref.column, ctx.locale);
      ctx.report({ range: cellRange(e.inst.target.cells[0]), message: 'cannotCheck', args: { ...names(e.inst, ctx.locale), cell }, severity: 'info' });
    } else if (e.state === 'unbalanced') {
      reportImbalance(ctx, e, all);
    }
  }
}

/**
 * "Could not be checked" says nothing new when the cell it would sit on already has its own error (a blank or
 * invalid total), or when the blank operand is one of a column left blank in every row, which cell-blank reports
 * once for the table.
 */
function saidElsewhere(ctx: RuleContext, inst: EquationInstance, blank: Operand): boolean {
  const target = inst.target.cells[0];
  if (target.kind === 'invalid' && ctx.enabled('cell-invalid')) return true;
  if (!ctx.enabled('cell-blank')) return false;
  if (isBlank(target)) return true;
  const pattern = blankColumns(inst.table);
  return blank.cells.length > 0 && blank.cells.every((c) => pattern.cells.has(c));
}

/** The names every balance message may use: the target cell, its column (column equations), and the two sides. */
function names(inst: EquationInstance, locale: Locale): Args {
  const t = inst.table;
  return {
    target: instanceName(inst, locale),
    column: inst.column ? columnName(t, inst.eq.target.row, inst.column) : '',
  };
}

function reportImbalance(ctx: RuleContext, e: Extract<Evaluated, { state: 'unbalanced' }>, all: Evaluated[]): void {
  const { inst, expected, actual } = e;
  const args: Args = {
    ...names(inst, ctx.locale), expected: num(expected), actual: num(actual), terms: terms(inst.plus, inst.minus, ctx.locale),
    // The template's own statement: 第一项加第二项之和 (plus) against 第三项加第四项之和 (minus and target).
    left: num(sum(inst.plus)), right: num(sum(inst.minus) + actual),
    leftTerms: terms(inst.plus, [], ctx.locale), rightTerms: terms([...inst.minus, inst.target], [], ctx.locale),
    minusTerms: terms(inst.minus, [], ctx.locale),
  };
  const suspect = suspectOperand(e, all);
  if (suspect) {
    const { operand, other } = suspect;
    const cell = instanceName(other.inst, ctx.locale);
    ctx.report({ range: cellRange(operand.cells[0]), message: 'suspect', args: { ...args, cell, cellActual: num(other.actual), cellExpected: num(other.expected) } });
    return;
  }
  if (expected < 0) {
    // No count is negative: the target is not the (only) wrong cell. Show the subtracted cell, offer nothing.
    const at = inst.minus[0]?.cells[0] ?? inst.target.cells[0];
    ctx.report({ range: cellRange(at), message: 'negative', args });
    return;
  }
  const targetCell = inst.target.cells[0];
  const fixes = [{ title: ctx.t('fix', { ...args, value: num(expected) }), edits: [{ range: targetCell.range, newText: num(expected) }], safe: false }];
  ctx.report({ range: cellRange(targetCell), message: 'unbalanced', fixes, args });
}

/** An operand (a single cell) that is the target of another failing equation: the cell most likely wrong. */
function suspectOperand(e: Evaluated, all: Evaluated[]): { operand: Operand; other: Extract<Evaluated, { state: 'unbalanced' }> } | null {
  for (const operand of [...e.inst.plus, ...e.inst.minus]) {
    if (operand.cells.length !== 1) continue;
    for (const other of all) {
      if (other !== e && other.state === 'unbalanced' && other.inst.target.cells[0] === operand.cells[0]) return { operand, other };
    }
  }
  return null;
}

/** The cell an equation instance checks, named as every message names cells. */
export function instanceName(inst: EquationInstance, locale: Locale): string {
  return cellNameOf(inst.table, inst.target.ref.row, inst.target.ref.column, locale);
}

/** Whether an instance adds up, when every operand is a number: its expression, with the figure as written when not. */
export function balanceOf(inst: EquationInstance, locale: Locale): { balanced: boolean; expression: string } | null {
  const e = evaluate(inst);
  if (e.state !== 'balanced' && e.state !== 'unbalanced') return null;
  const args = { target: instanceName(inst, locale), terms: terms(inst.plus, inst.minus, locale), sum: num(sum(inst.plus) - sum(inst.minus)), actual: num(inst.target.value) };
  const key = e.state === 'balanced' ? 'equation.balanced' : inst.minus.length ? 'equation.unbalancedNet' : 'equation.unbalanced';
  return { balanced: e.state === 'balanced', expression: format(locale, key, args) };
}

/** "（一）予以公开 6＋（二）部分公开 6"; long sums list their non-zero terms and say the rest are 0. */
export function terms(plus: readonly Operand[], minus: readonly Operand[], locale: Locale): string {
  const fmt = (o: Operand) => format(locale, 'term', { name: o.name, value: num(o.value) });
  const many = plus.length + minus.length > 6;
  const keep = (o: Operand) => !many || o.value !== 0;
  const p = plus.filter(keep).map(fmt);
  const m = minus.filter(keep).map(fmt);
  if (many && p.length + m.length === 0) return format(locale, 'terms.allZero');
  let s = p.join(format(locale, 'terms.plus')) || '0';
  if (m.length) s += format(locale, 'terms.minus') + m.join(format(locale, 'terms.minus'));
  if (many && p.length + m.length < plus.length + minus.length) s += format(locale, 'terms.rest');
  return s;
}

// ------------------------------------------------------------------ patterns along a table

/**
 * Columns left blank in every row of a table (at least MIN_PATTERN_ROWS), as when a report fills only the totals: said
 * once for the table by cell-blank, and not again by each balance check they leave open.
 */
export interface BlankColumns {
  /** The columns, in template order, and the rows they are blank in. */
  columns: string[];
  rows: RowModel[];
  cells: Set<CellModel>;
}

/** A cause repeated along this many rows of a table is said once, on the table (cell-blank, row-cells). */
export const MIN_PATTERN_ROWS = 5;
const blankColumnsOf = new WeakMap<TableModel, BlankColumns>();
export function blankColumns(table: TableModel): BlankColumns {
  let hit = blankColumnsOf.get(table);
  if (hit) return hit;
  const withCells = table.rows.filter((r) => r.cells.length > 0);
  const ids = [...new Set(withCells.flatMap((r) => r.cells.map((c) => c.columnId)))];
  const columns = ids.filter((id) => {
    const rows = withCells.filter((r) => r.cells.some((c) => c.columnId === id));
    return rows.length >= MIN_PATTERN_ROWS && rows.every((r) => r.cells.every((c) => c.columnId !== id || isBlank(c)));
  });
  const rows = withCells.filter((r) => r.cells.some((c) => columns.includes(c.columnId)));
  const cells = new Set(rows.flatMap((r) => r.cells.filter((c) => columns.includes(c.columnId))));
  hit = { columns, rows, cells };
  blankColumnsOf.set(table, hit);
  return hit;
}

/** Where a finding about a whole table is shown: the first cell of the table's first line (its heading). */
export function tableStart(parsed: ParsedReport, table: TableModel): Range {
  const line = table.range.start.line;
  const text = parsed.index.line(line);
  const from = text.length - text.trimStart().length;
  const tab = text.indexOf('\t', from);
  const end = (tab < 0 ? text : text.slice(0, tab)).trimEnd().length;
  return { start: { line, character: from }, end: { line, character: Math.max(from, end) } };
}

// ------------------------------------------------------------------ prose

/** A paragraph of prose, its wrapped lines joined (PDF text and hard-wrapped text break sentences over lines). */
export interface Paragraph {
  /** The normalised text (whitespace dropped, full-width forms folded). */
  text: string;
  /** offsets[i] is the offset in the report text of text[i]. */
  offsets: number[];
}

/** A page number between the lines of a PDF text ("-3-", "第 3 页"): skipped, not a break. Same as layout.ts's. */
const PAGE_NUMBER = /^\s*(?:[-—－]\s*\d{1,4}\s*[-—－]|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?)\s*$/;
/** A numbered line ("（二）依申请公开情况", "一、", "1.") starts a paragraph. */
const NUMBERED = /^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、．])/;
const SENTENCE_FINAL = '。！？!?；;：:';
/** Figures aligned in columns by runs of spaces (a table line of PDF text): a line of its own. */
const ALIGNED = /\S(?: {3,}|\u3000{2,})\S/;
const MAX_PARAGRAPH = 5000;

const LineKind = { Prose: 0, NotProse: 1, Alone: 2 } as const;

/**
 * The paragraphs of prose outside the tables whose text matches `keywords`. A line continues the paragraph above
 * unless that one ends a sentence, or this one is numbered, indented deeper, blank, a heading or a table line
 * (in a table, or holding a tab, a pipe or figures aligned by spaces): so wrapped lines join, and headings and
 * table lines never join prose.
 */
export function paragraphs(parsed: ParsedReport, keywords: RegExp): Paragraph[] {
  const kinds = lineKinds(parsed);
  const { index } = parsed;
  const out: Paragraph[] = [];
  let lines: number[] = [];
  let size = 0;
  const flush = () => {
    if (!lines.length) return;
    // Most paragraphs hold no keyword: test the raw lines before normalising them.
    const raw = lines.length === 1 ? index.line(lines[0]) : lines.map((l) => index.line(l).trim()).join('');
    if (keywords.test(raw)) out.push(joinLines(parsed, lines));
    lines = [];
    size = 0;
  };
  for (let i = 0; i < index.lineCount; i++) {
    const raw = index.line(i);
    if (kinds[i] === LineKind.NotProse || raw.length > MAX_PARAGRAPH || raw.includes('\t') || !raw.trim()) { flush(); continue; }
    if (raw.length <= 40 && PAGE_NUMBER.test(raw)) continue;
    const alone = kinds[i] === LineKind.Alone || raw.includes('|') || ((raw.includes('   ') || raw.includes('\u3000\u3000')) && ALIGNED.test(raw.trim()));
    if (alone || (lines.length && startsParagraph(index.line(lines[lines.length - 1]), raw, size))) flush();
    lines.push(i);
    size += raw.length;
    if (alone) flush();
  }
  flush();
  return out;
}

/** Table lines are not prose; the title and headings (without running text) stand alone. */
function lineKinds(parsed: ParsedReport): Uint8Array {
  const { index, report } = parsed;
  const kinds = new Uint8Array(index.lineCount);
  for (const t of report.tables) kinds.fill(LineKind.NotProse, t.range.start.line, t.range.end.line + 1);
  if (report.title) kinds.fill(LineKind.Alone, report.title.range.start.line, report.title.range.end.line + 1);
  for (const h of parsed.headings) kinds[h.line] = LineKind.Alone;
  for (const part of report.parts) {
    for (const h of part.subHeadings) {
      const l = h.range.start.line;
      if (index.line(l).trimEnd().length <= h.range.end.character) kinds[l] = LineKind.Alone;
    }
  }
  return kinds;
}

function startsParagraph(previous: string, line: string, size: number): boolean {
  const end = previous.trimEnd();
  return (end.length > 0 && SENTENCE_FINAL.includes(end[end.length - 1])) || size + line.length > MAX_PARAGRAPH
    || indent(line) > indent(previous) || NUMBERED.test(line);
}

function indent(line: string): number {
  return line.length - line.trimStart().length;
}

function joinLines(parsed: ParsedReport, lines: number[]): Paragraph {
  const texts: string[] = [];
  const offsets: number[] = [];
  for (const l of lines) {
    // A form feed (a PDF page break) opens the line; normalize keeps it.
    const raw = parsed.index.line(l);
    const skip = raw.startsWith('\f') ? 1 : 0;
    const n = normalize(skip ? raw.slice(skip) : raw);
    const start = parsed.index.starts[l] + skip;
    texts.push(n.text);
    for (let k = 0; k < n.text.length; k++) offsets.push(start + n.map[k]);
  }
  return { text: texts.join(''), offsets };
}

const SENTENCE_END = /[。；;!?！？]/;

/** The sentence of `text` around a match (bounded both ways: a text without full stops is not scanned whole). */
export function sentenceAround(text: string, m: RegExpMatchArray): string {
  let from = m.index!;
  while (from > 0 && m.index! - from < 400 && !SENTENCE_END.test(text[from - 1])) from--;
  let to = m.index! + m[0].length;
  while (to < text.length && to - m.index! < 400 && !SENTENCE_END.test(text[to])) to++;
  return text.slice(from, to);
}
