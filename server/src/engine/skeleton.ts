// A new report in the template of its year, written from the template data: the six parts with their headings,
// the tables of parts 二, 三 and 四 with every row and column and empty cells to fill, the year's 统计期限, and
// prompts in 【】 where the writer has prose to write. Given last year's report, its 四、结转下年度继续办理 becomes
// this year's 二、上年结转, and (2021 format) its 现行有效件数 is carried forward as figures to confirm.
import { format } from './messages';
import { skeletonMessages } from './messages/skeleton';
import { findRow } from './rules/support';
import { columnsOf, labelKey, templateForYear, templates } from './template';
import { headerRows, labelPath, printedRows, subTables } from './template/grid';
import type { ColumnDef, RowDef, TableDef, TemplateDef } from './template/types';
import type { Locale, Position, Range, ReportModel, TableId, TemplateId } from './types';

export type SkeletonLayout = 'row-per-line' | 'pipe';

export interface SkeletonOptions {
  /** The office's name as the title gives it: 某市某区某街道办事处. */
  office: string;
  year: number;
  /** Row per line with tabs between cells, or Markdown pipe tables. */
  layout: SkeletonLayout;
  /** The model of last year's report, to carry its figures forward. */
  lastYear?: ReportModel;
  /** Language of the prompts; the report's own text is Chinese. */
  locale?: Locale;
}

/** A figure written into the new report from last year's. */
export interface CarriedFigure {
  table: TableId;
  row: string;
  column: string;
  value: string;
  /** Where it stands in the new text. */
  range: Range;
  /** Carried forward but liable to change this year (现行有效件数): the writer confirms it. */
  confirm: boolean;
}

export interface Skeleton {
  text: string;
  template: TemplateId;
  carried: CarriedFigure[];
  /** Cells of last year's report that had no figure to carry (blank, invalid or missing), by name. */
  notCarried: string[];
}

/** Where a carried value comes from in last year's report, for a cell of the new one. */
interface Carry { fromRow: string; fromColumn: string; confirm: boolean }

/** The template's carry-forward links: next year's cell ← this year's cell. */
function carryLinks(template: TemplateDef, last: ReportModel): Map<string, Carry> {
  const links = new Map<string, Carry>();
  const app = template.tables.find((t) => t.id === 'applications')!;
  for (const c of app.columnSets.app) links.set(`applications|app.carried-over|${c.id}`, { fromRow: 'app.carried-forward', fromColumn: c.id, confirm: false });
  // 现行有效件数 is a stock: last year's closing figure opens this year, then 制发 and 废止 change it.
  const lastActive = last.tables.find((t) => t.id === 'active');
  const active = template.tables.find((t) => t.id === 'active')!;
  if (template.id === 'T2021' && lastActive?.template === 'T2021') {
    for (const r of active.rows) {
      if (columnsOf(active, r).some((c) => c.id === 'in-force')) links.set(`active|${r.id}|in-force`, { fromRow: r.id, fromColumn: 'in-force', confirm: true });
    }
  }
  return links;
}

/** Lines with the positions of the value cells written into them. */
class Writer {
  readonly lines: string[] = [];
  readonly carried: CarriedFigure[] = [];
  readonly notCarried: string[] = [];

  constructor(readonly layout: SkeletonLayout, private readonly values: (table: TableDef, row: RowDef, column: ColumnDef) => { value: string; confirm: boolean } | null) {}

  line(text = ''): void { this.lines.push(...text.split('\n')); }

  /** A table line: label fields then value cells (filled from last year where the template links them). */
  row(table: TableDef, labels: string[], row?: RowDef): void {
    const columns = row ? columnsOf(table, row) : [];
    const values = columns.map((c) => (row ? this.values(table, row, c) : null));
    const fields = [...labels, ...values.map((v) => v?.value ?? '')];
    const starts = this.layout === 'pipe' ? pipeStarts(fields) : tabStarts(fields);
    this.lines.push(this.layout === 'pipe' ? `| ${fields.join(' | ')} |` : fields.join('\t'));
    const line = this.lines.length - 1;
    values.forEach((v, i) => {
      if (!v || !row) return;
      const start: Position = { line, character: starts[labels.length + i] };
      this.carried.push({ table: table.id, row: row.id, column: columns[i].id, value: v.value, confirm: v.confirm,
        range: { start, end: { line, character: start.character + v.value.length } } });
    });
  }
}

const tabStarts = (fields: string[]) => fields.map((_, i) => fields.slice(0, i).reduce((n, f) => n + f.length + 1, 0));
const pipeStarts = (fields: string[]) => fields.map((_, i) => 2 + fields.slice(0, i).reduce((n, f) => n + f.length + 3, 0));

export function skeleton(options: SkeletonOptions): Skeleton {
  const id = templateForYear(options.year);
  if (!id) throw new RangeError(`no template for report year ${options.year}`);
  const template = templates[id];
  const locale = options.locale ?? 'zh-CN';
  const t = (key: string, args?: Record<string, string | number>) => format(locale, key, args, skeletonMessages);
  const last = options.lastYear;
  const links = last ? carryLinks(template, last) : new Map<string, Carry>();
  const w = new Writer(options.layout, (table, row, column) => {
    const link = links.get(`${table.id}|${row.id}|${column.id}`);
    if (!link || !last) return null;
    const from = last.tables.find((x) => x.id === table.id);
    const fromRow = from ? findRow(from, link.fromRow) : undefined;
    // A row short of cells or with cells to spare cannot say which figure is whose: nothing is carried from it.
    const cell = fromRow && fromRow.foundCells === fromRow.expectedCells ? fromRow.cells.find((c) => c.columnId === link.fromColumn) : undefined;
    if (cell?.kind === 'number' && cell.value !== null) return { value: String(cell.value), confirm: link.confirm };
    w.notCarried.push(format(locale, 'cell', { row: template.tables.find((x) => x.id === table.id)!.rows.find((r) => r.id === link.fromRow)!.label, column: column.label }));
    return null;
  });

  w.line(t('title', { office: options.office, year: options.year }));
  w.line();
  w.line(t('intro', { format: template.title, year: options.year }));
  for (const part of template.parts) {
    w.line();
    w.line(part.heading);
    w.line();
    const table = template.tables.find((x) => x.part === part.number);
    if (table) writeTable(w, table, last && table.id === 'active' && [...links.values()].some((l) => l.confirm) ? t('prompt.confirm', { lastYear: last.year ?? options.year - 1 }) : null);
    else writeProse(w, part.number, part.subHeadings ?? [], id, t);
  }
  w.line();
  w.line(t('signature', { office: options.office, nextYear: options.year + 1 }));
  return { text: `${w.lines.join('\n')}\n`, template: id, carried: w.carried, notCarried: w.notCarried };
}

function writeProse(w: Writer, part: number, subHeadings: string[], id: TemplateId, t: (key: string, args?: Record<string, string | number>) => string): void {
  if (part === 5) return w.line(t('prompt.part5'));
  if (part === 6) return w.line(t(`prompt.part6.${id}`));
  subHeadings.forEach((h, i) => {
    if (i > 0) w.line();
    w.line(h);
    w.line();
    w.line(t('prompt.aspect', { aspect: labelKey(h) }));
  });
}

function writeTable(w: Writer, table: TableDef, note: string | null): void {
  if (note) { w.line(note); w.line(); }
  const sub = subTables(table);
  if (sub.length === 0) return writeGrid(w, table, table.rows[0].columns, printedRows(table));
  sub.forEach((s, i) => {
    if (i > 0 && w.layout === 'pipe') w.line();
    w.line(s.label);
    if (w.layout === 'pipe') w.line();
    writeGrid(w, table, s.id, printedRows(table).filter((r) => r.section === s.id));
  });
}

/** Header rows, then one line per row with its label cells (a merged label only in its first row). */
function writeGrid(w: Writer, table: TableDef, columnSet: string, rows: RowDef[]): void {
  const labelled = !table.unlabelledRow;
  const header = headerRows(table, columnSet);
  const width = (table.columnSets[columnSet] ?? []).length;
  if (w.layout === 'pipe') writePipeHeader(w, table, columnSet, header, width);
  else {
    header.forEach((cells, level) => {
      const fields = Array.from({ length: width }, (_, i) => cells.find((c) => c.column === i)?.text ?? '');
      while (fields.length && fields[fields.length - 1] === '') fields.pop();
      w.lines.push([...(labelled ? [level === 0 ? table.corner ?? '' : ''] : []), ...fields].join('\t'));
    });
  }
  let previous: string[] = [];
  for (const row of rows) {
    const path = labelPath(table, row);
    const labels = w.layout === 'pipe' ? [row.label] : path.map((label, i) => (i < path.length - 1 && previous[i] === label ? '' : label));
    w.row(table, labelled ? labels : [], row);
    previous = path;
  }
}

/**
 * Markdown cannot merge cells: a labelled table has one header row of column labels under the corner; table 四
 * (no label column) prints its groups as the header row and the column labels as the first row below it.
 */
function writePipeHeader(w: Writer, table: TableDef, columnSet: string, header: ReturnType<typeof headerRows>, width: number): void {
  const leaves = header.flat().filter((c) => c.columnId).sort((a, b) => a.column - b.column).map((c) => c.text);
  const groups = table.columnGroups?.[columnSet] ?? [];
  const columns = table.columnSets[columnSet] ?? [];
  const separator = `|${'---|'.repeat(width + (table.unlabelledRow ? 0 : 1))}`;
  if (!table.unlabelledRow) {
    w.lines.push(`| ${[table.corner ?? '', ...leaves].join(' | ')} |`, separator);
    return;
  }
  const groupRow = columns.map((c) => {
    const covering = groups.filter((g) => g.columns.includes(c.id)).sort((a, b) => a.level - b.level);
    const deepest = covering[covering.length - 1];
    return deepest && deepest.columns[0] === c.id ? covering.map((g) => g.label).join('：') : '';
  });
  w.lines.push(`| ${groupRow.join(' | ')} |`, separator, `| ${leaves.join(' | ')} |`);
}
