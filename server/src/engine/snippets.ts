// Completion snippets inside parts 二, 三 and 四: the template rows the table lacks, a sub-table of table 二 that is
// missing whole, or the whole table when the part has none. Written in the table's own layout through write.ts,
// with a tab stop in every cell, from the template data.
import { format } from './messages';
import { skeletonMessages } from './messages/skeleton';
import { tableDef, tableForPart } from './template';
import { labelPath, printedRows, subTables } from './template/grid';
import type { RowDef, TableDef } from './template/types';
import type { LintResult, Locale, Position, Range, TableModel } from './types';
import { TableWriter, type WriteLayout } from './write';

export interface Snippet {
  label: string;
  /** Where the snippet belongs: the table, and the section of a row. */
  detail: string;
  documentation: string;
  /** LSP snippet syntax: $1, $2 … in the cells, $0 after the last line. */
  text: string;
  /** Replaced by the snippet: the line from its start to the cursor. */
  range: Range;
  filterText: string;
  sortText: string;
}

/** Snippets for the cursor: none unless it is at the start of a row, in a part that has a table (二, 三, 四). */
export function snippetsAt(result: LintResult, lineText: string, position: Position, locale: Locale = 'zh-CN'): Snippet[] {
  const { report } = result;
  const template = report.template;
  const part = report.parts.find((p) => position.line > p.heading.range.end.line && position.line <= p.range.end.line);
  const partTable = template && part ? tableForPart(template, part.number) : undefined;
  if (!partTable) return [];
  const prefix = lineText.slice(0, position.character);
  let lead = 0;
  while (lead < prefix.length && ' \t|\u3000'.includes(prefix[lead])) lead++;
  const typed = prefix.slice(lead);
  if (typed.includes('\t') || typed.includes('|')) return []; // past the label: in a cell
  const model = report.tables.find((t) => t.part === partTable.part) ?? null;
  const def = model ? tableDef(model.template, model.id) : partTable;
  const range: Range = { start: { line: position.line, character: 0 }, end: position };
  const make = (label: string, detail: string, documentation: string, text: string, i: number): Snippet =>
    ({ label, detail, documentation, text, range, filterText: prefix.slice(0, lead) + label, sortText: String(i).padStart(4, '0') });
  const title = format(locale, `tableTitle.${def.id}`);
  if (!model) {
    return (['row-per-line', 'pipe'] as const).map((layout, i) =>
      make(title, format(locale, `layout.${layout}`, undefined, skeletonMessages), def.title[locale], write(layout, (w) => w.table(def)), i));
  }
  const layout: WriteLayout = model.layout === 'pipe' ? 'pipe' : model.layout === 'cell-per-line' ? 'cell-per-line' : 'row-per-line';
  const missing = missingRows(def, model);
  const wholeSubTables = subTables(def).filter((s) => printedRows(def).filter((r) => r.section === s.id).every((r) => missing.includes(r)));
  const rows = missing.filter((r) => !wholeSubTables.some((s) => s.id === r.section));
  return [
    ...wholeSubTables.map((s, i) => make(s.label, title, s.explain[locale], write(layout, (w) => w.subTable(def, s.id)), i)),
    ...rows.map((r, i) => make(r.label, [title, ...labelPath(def, r).slice(0, -1)].join(' · '), r.explain[locale], write(layout, (w) => w.row(def, r)), wholeSubTables.length + i)),
  ];
}

/** Template rows the table lacks (a row written whole where the template splits it stands for its sub-rows). */
function missingRows(def: TableDef, table: TableModel): RowDef[] {
  const present = new Set(table.rows.map((r) => r.id));
  const covered = (r: RowDef) => def.rows.some((p) => p.aggregateOf?.includes(r.id) && present.has(p.id));
  return printedRows(def).filter((r) => !present.has(r.id) && !covered(r));
}

/** The text of what `fill` writes, as a snippet: every value cell a tab stop, everything else escaped. */
function write(layout: WriteLayout, fill: (w: TableWriter) => void): string {
  let stop = 0;
  const w = new TableWriter(layout, () => `\u0000${++stop}\u0000`);
  fill(w);
  // The cursor ends after the last cell (cell per line: after the blank line that ends a row).
  const escaped = w.lines.join('\n').split('\\').join('\\\\').split('$').join('\\$').split('}').join('\\}');
  return `${escaped.split('\u0000').map((piece, i) => (i % 2 ? `\${${piece}}` : piece)).join('')}$0`;
}
