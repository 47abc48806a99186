// Writes the template's tables as report text, in the layouts a writer types: row per line with tabs (as Word
// copies a table), Markdown pipe tables, or cell per line (each cell on its own tab-indented line). What goes in
// each value cell is the caller's: '' for a blank to fill, last year's figure, or a snippet's tab stop.
// The new-report skeleton and the completion snippets both write through here.
import { columnsOf } from './template';
import { headerRows, labelPath, printedRows, subTables } from './template/grid';
import type { ColumnDef, RowDef, TableDef } from './template/types';
import type { Range } from './types';

export type WriteLayout = 'row-per-line' | 'pipe' | 'cell-per-line';

/** A value cell as written: where it stands (lines counted from the writer's first line). */
export interface WrittenCell { row: RowDef; column: ColumnDef; text: string; range: Range }

export type CellText = (table: TableDef, row: RowDef, column: ColumnDef) => string;

export class TableWriter {
  readonly lines: string[] = [];
  readonly cells: WrittenCell[] = [];

  constructor(readonly layout: WriteLayout, private readonly cellText: CellText) {}

  line(text = ''): void { this.lines.push(...text.split('\n')); }

  /** A whole table: table 二 as its sub-tables under their headings, the others as one grid. */
  table(def: TableDef): void {
    const sub = subTables(def);
    if (sub.length === 0) { this.grid(def, def.rows[0].columns, printedRows(def)); return; }
    sub.forEach((s, i) => this.subTable(def, s.id, i > 0));
  }

  /** One sub-table of table 二: its heading, header and rows. */
  subTable(def: TableDef, sectionId: string, spaced = false): void {
    const section = def.sections.find((s) => s.id === sectionId)!;
    if (spaced && this.layout !== 'row-per-line') this.line();
    this.line(section.label);
    if (this.layout !== 'row-per-line') this.line();
    this.grid(def, section.id, printedRows(def).filter((r) => r.section === section.id));
  }

  /** One row with its own label only (a row inserted into a table that has its sections already). */
  row(def: TableDef, row: RowDef): void {
    this.fields(def.unlabelledRow ? [] : [row.label], def, row);
  }

  /** Header rows, then one line per row with its label cells (a merged label only in its first row). */
  private grid(def: TableDef, columnSet: string, rows: RowDef[]): void {
    const labelled = !def.unlabelledRow;
    if (this.layout === 'pipe') this.pipeHeader(def, columnSet);
    else {
      const width = (def.columnSets[columnSet] ?? []).length;
      headerRows(def, columnSet).forEach((cells, level) => {
        const fields = Array.from({ length: width }, (_, i) => cells.find((c) => c.column === i)?.text ?? '');
        while (fields.length && fields[fields.length - 1] === '') fields.pop();
        this.fields([...(labelled ? [level === 0 ? def.corner ?? '' : ''] : []), ...fields]);
      });
    }
    let previous: string[] = [];
    for (const row of rows) {
      const path = labelPath(def, row);
      const labels = this.layout === 'pipe' ? [row.label] : path.map((label, i) => (i < path.length - 1 && previous[i] === label ? '' : label));
      this.fields(labelled ? labels : [], def, row);
      previous = path;
    }
  }

  /**
   * Markdown cannot merge cells: a labelled table has one header row of column labels under the corner; table 四
   * (no label column) prints its groups as the header row and the column labels as the first row below it.
   */
  private pipeHeader(def: TableDef, columnSet: string): void {
    const columns = def.columnSets[columnSet] ?? [];
    const groups = def.columnGroups?.[columnSet] ?? [];
    const separator = `|${'---|'.repeat(columns.length + (def.unlabelledRow ? 0 : 1))}`;
    const leaves = columns.map((c) => c.label);
    if (!def.unlabelledRow) {
      this.lines.push(`| ${[def.corner ?? '', ...leaves].join(' | ')} |`, separator);
      return;
    }
    const groupRow = columns.map((c) => {
      const covering = groups.filter((g) => g.columns.includes(c.id)).sort((a, b) => a.level - b.level);
      const deepest = covering[covering.length - 1];
      return deepest?.columns[0] === c.id ? covering.map((g) => g.label).join('：') : '';
    });
    this.lines.push(`| ${groupRow.join(' | ')} |`, separator, `| ${leaves.join(' | ')} |`);
  }

  /** A table line of label fields then the row's value cells. */
  private fields(labels: string[], def?: TableDef, row?: RowDef): void {
    const columns = def && row ? columnsOf(def, row) : [];
    const values = columns.map((c) => this.cellText(def!, row!, c));
    const fields = [...labels, ...values];
    const first = this.lines.length;
    if (this.layout === 'cell-per-line') {
      this.lines.push(...fields.map((f) => `\t${f}`), '');
      values.forEach((v, i) => this.cells.push({ row: row!, column: columns[i], text: v, range: at(first + labels.length + i, 1, v) }));
      return;
    }
    const pipe = this.layout === 'pipe';
    this.lines.push(pipe ? `| ${fields.join(' | ')} |` : fields.join('\t'));
    let character = pipe ? 2 : 0;
    fields.forEach((f, i) => {
      if (i >= labels.length) this.cells.push({ row: row!, column: columns[i - labels.length], text: f, range: at(first, character, f) });
      character += f.length + (pipe ? 3 : 1);
    });
  }
}

const at = (line: number, character: number, text: string): Range => ({ start: { line, character }, end: { line, character: character + text.length } });
