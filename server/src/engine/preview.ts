// The table preview's model: tables 二, 三 and 四 laid out as the template prints them (header rows with their
// merged cells, nested row labels), filled with the cells as the parser read them, each with its findings and,
// on totals, whether its balance equation adds up. Read off the lint result and the template data: the
// webview draws it and never reads the report text itself.
import { format, partNumeral } from './messages';
import { previewMessages } from './messages/preview';
import { ruleMeta } from './rules/registry';
import { balanceOf, equationInstances } from './balance';
import { cellRange } from './lookup';
import { columnsOf, tableDef, templates } from './template';
import { headerRows, labelPath, subTables, type HeaderCell } from './template/grid';
import type { RowDef, TableDef } from './template/types';
import { containsPosition } from './text';
import type { CellModel, Finding, LintResult, Locale, Range, RowModel, Severity, TableId, TableModel, TemplateId } from './types';

export interface PreviewFinding { rule: string; severity: Severity; message: string }

/** An equation whose total is this cell: does it add up, and how (the expression with its figures). */
export interface PreviewBalance { rule: string; status: 'ok' | 'wrong' | 'unchecked'; text: string }

export interface PreviewCell {
  columnId: string;
  /** As written; '' when blank. */
  text: string;
  kind: CellModel['kind'] | 'absent';
  /** Where the cell stands in the report (an empty cell: the point where its figure goes). */
  range: Range | null;
  findings: PreviewFinding[];
  balances: PreviewBalance[];
}

/** A printed label cell starting in this row; merged cells span the rows below (rowSpan) or label columns. */
export interface PreviewLabel { text: string; rowSpan: number; colSpan: number }

export interface PreviewRow {
  id: string;
  /** False for a template row the report does not have. */
  present: boolean;
  labels: PreviewLabel[];
  labelRange: Range | null;
  /** Findings on the row as a whole or its label (row-cells, row-label, row-missing). */
  findings: PreviewFinding[];
  cells: PreviewCell[];
}

/** One grid: a whole table, or one sub-table of table 二 under its heading (第二十条第（一）项). */
export interface PreviewBlock {
  heading: string | null;
  corner: string | null;
  /** Label columns left of the data (0 for table 四). */
  labelColumns: number;
  header: HeaderCell[][];
  rows: PreviewRow[];
}

export interface PreviewTable {
  id: TableId;
  part: number;
  title: string;
  /** False when the report has no such table: `notes` say why and `blocks` are empty. */
  found: boolean;
  range: Range | null;
  notes: { text: string; range: Range | null }[];
  /** Findings inside the table that belong to no row or cell. */
  findings: PreviewFinding[];
  blocks: PreviewBlock[];
  /** Per balance rule of the table: its wording and how many of its instances add up. */
  balances: { rule: string; description: string; summary: string; wrong: number }[];
}

export interface PreviewModel {
  title: string | null;
  template: TemplateId | null;
  templateName: string | null;
  tables: PreviewTable[];
  /** The webview's own words, in the report's locale. */
  strings: Record<string, string>;
}

const STRINGS = ['hint', 'severity.error', 'severity.warning', 'severity.info', 'severity.hint', 'balances', 'balance.ok', 'balance.wrong', 'balance.unchecked', 'blank', 'tip.finding', 'tip.balance', 'rowMissing', 'noTables', 'noReport', 'closed'];

export function previewOf(result: LintResult, locale: Locale = 'zh-CN'): PreviewModel {
  const { report } = result;
  const t = (key: string, args?: Record<string, string | number>) => format(locale, key, args, previewMessages);
  const template = report.template ?? report.tables[0]?.template ?? null;
  const findings = new FindingIndex(result.findings, report.tables);
  const tables = template ? templates[template].tables.map((def) => {
    const model = report.tables.find((x) => x.id === def.id);
    return model ? tableView(model, findings, locale, t, report.template) : absentTable(def, report.parts.some((p) => p.number === def.part), locale, t);
  }) : report.tables.map((m) => tableView(m, findings, locale, t, null));
  return {
    title: report.title?.text ?? null, template: report.template,
    templateName: report.template ? templates[report.template].name[locale] : null,
    tables, strings: Object.fromEntries(STRINGS.map((k) => [k, t(k)])),
  };
}

function absentTable(def: TableDef, partFound: boolean, locale: Locale, t: (key: string, args?: Record<string, string | number>) => string): PreviewTable {
  const note = partFound ? t('noTable', { n: partNumeral(def.part, locale) }) : t('noPart', { n: partNumeral(def.part, locale), table: format(locale, `table.${def.id}`) });
  return { id: def.id, part: def.part, title: format(locale, `tableTitle.${def.id}`), found: false, range: null, notes: [{ text: note, range: null }], findings: [], blocks: [], balances: [] };
}

function tableView(table: TableModel, findings: FindingIndex, locale: Locale, t: (key: string, args?: Record<string, string | number>) => string, reportTemplate: TemplateId | null): PreviewTable {
  const def = tableDef(table.template, table.id);
  const balances = balanceViews(table, locale, t);
  const rows = shownRows(def, table);
  const present = new Map(table.rows.map((r) => [r.id, r]));
  const rowView = (r: RowDef, labels: PreviewLabel[]) => rowViewOf(def, r, present.get(r.id), labels, findings, balances.byCell, locale);
  const sub = subTables(def);
  const blocks: PreviewBlock[] = sub.length
    ? sub.map((s) => block(def, s.id, s.label, rows.filter((r) => r.section === s.id), rowView))
    : [block(def, rows[0]?.columns ?? Object.keys(def.columnSets)[0], null, rows, rowView)];
  const notes: PreviewTable['notes'] = [];
  if (table.unreadable.length) notes.push({ text: t('unreadable', { n: table.unreadable.length }), range: table.unreadable[0] });
  if (!table.blanksVisible) notes.push({ text: t('blanksInvisible'), range: null });
  if (reportTemplate && table.template !== reportTemplate) {
    notes.push({ text: t('otherTemplate', { actual: format(locale, `template.${table.template}`), expected: format(locale, `template.${reportTemplate}`) }), range: null });
  }
  return {
    id: table.id, part: table.part, title: format(locale, `tableTitle.${table.id}`), found: true, range: table.range,
    notes, findings: findings.tableFindings(table), blocks, balances: balances.summary,
  };
}

/** The template's printed rows, but a row written whole where the template splits it replaces its sub-rows. */
function shownRows(def: TableDef, table: TableModel): RowDef[] {
  const present = new Set(table.rows.map((r) => r.id));
  const coveredBy = (r: RowDef) => def.rows.some((p) => p.aggregateOf?.includes(r.id) && present.has(p.id));
  return def.rows.filter((r) => present.has(r.id) || (!(r.optional && r.aggregateOf) && !coveredBy(r)));
}

function block(def: TableDef, columnSet: string, heading: string | null, rows: RowDef[], rowView: (r: RowDef, labels: PreviewLabel[]) => PreviewRow): PreviewBlock {
  const labelled = !def.unlabelledRow;
  const paths = rows.map((r) => (labelled ? labelPath(def, r) : []));
  const depth = Math.max(0, ...paths.map((p) => p.length));
  const views = rows.map((r, i) => rowView(r, labelsOf(paths, i, depth)));
  return { heading, corner: labelled ? def.corner ?? '' : null, labelColumns: depth, header: headerRows(def, columnSet), rows: views };
}

/** The label cells that start in row i: a section label only where its run of rows begins, spanning the run. */
function labelsOf(paths: string[][], i: number, depth: number): PreviewLabel[] {
  const path = paths[i];
  const out: PreviewLabel[] = [];
  path.forEach((text, level) => {
    const own = level === path.length - 1;
    const sameRun = (j: number) => paths[j] && paths[j].length - 1 > level && paths[j].slice(0, level + 1).join('\u0000') === path.slice(0, level + 1).join('\u0000');
    if (!own && i > 0 && sameRun(i - 1)) return;
    let rowSpan = 1;
    if (!own) while (sameRun(i + rowSpan)) rowSpan++;
    out.push({ text, rowSpan, colSpan: own ? depth - level : 1 });
  });
  return out;
}

function rowViewOf(def: TableDef, r: RowDef, model: RowModel | undefined, labels: PreviewLabel[], findings: FindingIndex, balances: Map<CellModel, PreviewBalance[]>, locale: Locale): PreviewRow {
  const cells = columnsOf(def, r).map((c): PreviewCell => {
    const cell = model?.cells.find((x) => x.columnId === c.id);
    if (!cell) return { columnId: c.id, text: '', kind: 'absent', range: null, findings: [], balances: [] };
    return { columnId: c.id, text: cell.raw, kind: cell.kind, range: cell.range, findings: findings.ofCell(cell), balances: balances.get(cell) ?? [] };
  });
  const rowFindings = model ? findings.ofRow(model) : findings.missingRow(r.label || def.title[locale]);
  return { id: r.id, present: !!model, labels, labelRange: model?.labelRange ?? null, findings: rowFindings, cells };
}

function balanceViews(table: TableModel, locale: Locale, t: (key: string, args?: Record<string, string | number>) => string) {
  const byCell = new Map<CellModel, PreviewBalance[]>();
  const rules = [...new Set(templates[table.template].equations.filter((e) => e.table === table.id).map((e) => e.rule))];
  const summary = rules.map((rule) => {
    const counts = { ok: 0, wrong: 0, unchecked: 0, absent: 0 };
    for (const inst of equationInstances([table], locale, rule)) {
      const ops = [inst.target, ...inst.plus, ...inst.minus];
      if (ops.some((o) => o.status === 'absent')) { counts.absent++; continue; }
      const b = balanceOf(inst, locale);
      const status = !b ? 'unchecked' : b.balanced ? 'ok' : 'wrong';
      counts[status]++;
      const cell = inst.target.cells[0];
      byCell.set(cell, [...(byCell.get(cell) ?? []), { rule, status, text: b?.expression ?? '' }]);
    }
    return { rule, description: ruleMeta(rule)?.description[locale] ?? rule, summary: t('balance.count', counts) + (counts.absent ? t('balance.absent', counts) : ''), wrong: counts.wrong };
  });
  return { byCell, summary };
}

/** Findings by where they stand: a cell (its text or the separator shown for an empty one), a row, a table. */
class FindingIndex {
  private readonly byStart = new Map<string, Finding[]>();
  /** Findings about several cells side by side (blank cells of a row), by each cell they fix. */
  private readonly byCell = new Map<string, Finding[]>();
  private readonly all: Finding[];

  constructor(findings: Finding[], tables: TableModel[]) {
    this.all = findings.filter((f) => tables.some((t) => containsPosition(t.range, f.range.start)));
    for (const f of this.all) {
      push(this.byStart, key(f.range), f);
      const own = f.fixes[0];
      if (own && (own.scope ?? 'finding') === 'finding' && own.edits.length > 1) for (const e of own.edits) push(this.byCell, key(e.range), f);
    }
  }

  ofCell(cell: CellModel): PreviewFinding[] {
    const keys = [key(cellRange(cell)), key(cell.range)];
    return [...new Set([...keys.flatMap((k) => this.byStart.get(k) ?? []), ...(this.byCell.get(key(cell.range)) ?? [])])].map(view);
  }

  ofRow(row: RowModel): PreviewFinding[] {
    const at = new Set([row.labelRange, row.range].filter((r): r is Range => !!r).map(key));
    const cells = new Set(row.cells.flatMap((c) => [key(cellRange(c)), key(c.range)]));
    return [...at].filter((k) => !cells.has(k)).flatMap((k) => this.byStart.get(k) ?? []).filter((f) => f.rule !== 'row-missing').map(view);
  }

  /** row-missing stands at the next row that is there: told apart by the missing row's label in its message. */
  missingRow(label: string): PreviewFinding[] {
    return this.all.filter((f) => f.rule === 'row-missing' && f.message.includes(label)).map(view);
  }

  tableFindings(table: TableModel): PreviewFinding[] {
    const placed = new Set<string>();
    for (const r of table.rows) {
      for (const c of r.cells) placed.add(key(cellRange(c))).add(key(c.range));
      for (const x of [r.labelRange, r.range]) if (x) placed.add(key(x));
    }
    return this.all.filter((f) => containsPosition(table.range, f.range.start) && !placed.has(key(f.range)) && f.rule !== 'row-missing').map(view);
  }
}

const key = (r: Range) => `${r.start.line}:${r.start.character}`;
const push = <T>(m: Map<string, T[]>, k: string, v: T) => { m.set(k, [...(m.get(k) ?? []), v]); };
const view = (f: Finding): PreviewFinding => ({ rule: f.rule, severity: f.severity, message: f.message });
