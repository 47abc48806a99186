// A new report in the template of its year, written from the template data: the six parts with their headings,
// the tables of parts 二, 三 and 四 with every row and column and empty cells to fill, the year's 统计期限, and
// prompts in 【】 where the writer has prose to write. Given last year's report, its 四、结转下年度继续办理 becomes
// this year's 二、上年结转, and (2021 format) its 现行有效件数 is carried forward as figures to confirm.
import { fill, format } from './messages';
import { reportText } from './messages/skeleton';
import { findRow } from './lookup';
import { labelKey } from './labels';
import { columnsOf, tableDef, templateForYear, templates } from './template';
import type { TemplateDef } from './template/types';
import type { Locale, Range, ReportModel, TableId, TemplateId } from './types';
import { TableWriter } from './write';

export type SkeletonLayout = 'row-per-line' | 'pipe';

export interface SkeletonOptions {
  /** The office's name as the title gives it: 某市某区某街道办事处. */
  office: string;
  year: number;
  /** Row per line with tabs between cells, or Markdown pipe tables. */
  layout: SkeletonLayout;
  /** The model of last year's report, to carry its figures forward. */
  lastYear?: ReportModel;
  /** Language of the names of cells that could not be carried; the report's text is Chinese in every locale. */
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

/**
 * Who and which year a report is about, from its title (某县农业农村局2022年政府信息公开工作年度报告 → 某县农业农村局,
 * 2022): what the next report starts from.
 */
export function identityOf(report: ReportModel): { office: string | null; year: number | null } {
  const title = (report.title?.text ?? '').split('**').join('').trim();
  const at = report.year !== null ? title.indexOf(`${report.year}年`) : -1;
  return { office: at > 0 ? title.slice(0, at).trim() : null, year: report.year };
}

/** Where a carried value comes from in last year's report, for a cell of the new one. */
interface Carry { fromRow: string; fromColumn: string; confirm: boolean }

/** The template's carry links that last year's report can serve, by "table|row|column" of the new report. */
function carryLinks(template: TemplateDef, last: ReportModel): Map<string, Carry> {
  const links = new Map<string, Carry>();
  for (const link of template.carry) {
    const from = last.tables.find((t) => t.id === link.table);
    const fromRow = from && tableDef(from.template, link.table).rows.find((r) => r.id === link.from);
    for (const column of link.columns) {
      // Last year's format has no such cell (a 2019-format table has no 现行有效件数): nothing to carry, nothing missed.
      if (from && !(fromRow && columnsOf(tableDef(from.template, link.table), fromRow).some((c) => c.id === column))) continue;
      links.set(`${link.table}|${link.to}|${column}`, { fromRow: link.from, fromColumn: column, confirm: link.confirm });
    }
  }
  return links;
}

export function skeleton(options: SkeletonOptions): Skeleton {
  const id = templateForYear(options.year);
  if (!id) throw new RangeError(`no template for report year ${options.year}`);
  const template = templates[id];
  const locale = options.locale ?? 'zh-CN';
  const text = (key: string, args?: Record<string, string | number>) => fill(reportText[key], args);
  const last = options.lastYear;
  const links = last ? carryLinks(template, last) : new Map<string, Carry>();
  const carried: CarriedFigure[] = [];
  const notCarried: string[] = [];
  const confirmed = new Set<string>();
  const w = new TableWriter(options.layout, (table, row, column) => {
    const link = links.get(`${table.id}|${row.id}|${column.id}`);
    if (!link || !last) return '';
    const from = last.tables.find((x) => x.id === table.id);
    const fromRow = from ? findRow(from, link.fromRow) : undefined;
    // A row short of cells or with cells to spare cannot say which figure is whose: nothing is carried from it.
    const cell = fromRow && fromRow.foundCells === fromRow.expectedCells ? fromRow.cells.find((c) => c.columnId === link.fromColumn) : undefined;
    if (cell?.kind === 'number' && cell.value !== null) {
      if (link.confirm) confirmed.add(`${row.id}|${column.id}`);
      return String(cell.value);
    }
    notCarried.push(format(locale, 'cell', { row: table.rows.find((r) => r.id === link.fromRow)!.label, column: column.label }));
    return '';
  });

  w.line(text('title', { office: options.office, year: options.year }));
  w.line();
  w.line(text('intro', { format: template.title, year: options.year }));
  for (const part of template.parts) {
    w.line();
    w.line(part.heading);
    w.line();
    const table = template.tables.find((x) => x.part === part.number);
    if (!table) { writeProse(w, part.number, part.subHeadings ?? [], id, text); continue; }
    if (last && [...links.keys()].some((k) => k.startsWith(`${table.id}|`) && links.get(k)!.confirm)) { w.line(text('prompt.confirm', { lastYear: last.year ?? options.year - 1 })); w.line(); }
    const before = w.cells.length;
    w.table(table);
    for (const c of w.cells.slice(before)) {
      if (c.text) carried.push({ table: table.id, row: c.row.id, column: c.column.id, value: c.text, range: c.range, confirm: confirmed.has(`${c.row.id}|${c.column.id}`) });
    }
  }
  w.line();
  w.line(text('signature', { office: options.office, nextYear: options.year + 1 }));
  return { text: `${w.lines.join('\n')}\n`, template: id, carried, notCarried };
}

function writeProse(w: TableWriter, part: number, subHeadings: string[], id: TemplateId, text: (key: string, args?: Record<string, string | number>) => string): void {
  if (part === 5) { w.line(text('prompt.part5')); return; }
  if (part === 6) { w.line(text(`prompt.part6.${id}`)); return; }
  subHeadings.forEach((h, i) => {
    if (i > 0) w.line();
    w.line(h);
    w.line();
    w.line(text('prompt.aspect', { aspect: labelKey(h) }));
  });
}
