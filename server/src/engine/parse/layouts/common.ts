// What every layout reader produces, and the small text helpers they share.
import type { TableLayout } from '../../types';

export interface RawCell {
  /** Trimmed text; continuation lines of a wrapped cell are joined without a separator. */
  text: string;
  /** Offsets in the document of the trimmed text (start === end for an empty cell). */
  start: number;
  end: number;
  /** Offset of the separator (tab or pipe) after the cell (before it, for a last cell), or -1. */
  sep: number;
  /**
   * A label put together from pieces printed on several lines (parse/wrapped.ts): where each piece is. Other
   * cells (the row's figures, a neighbouring label) may lie between them, so start..end is not the label's text.
   */
  pieces?: { start: number; end: number }[];
  /** Memo of the table assembler: the label in compared form, and whether the text reads as a value. */
  key?: string;
  valueLike?: boolean;
}

export interface LogicalRow { cells: RawCell[] }

export interface TableText {
  layout: TableLayout;
  /** Memo of the version vote (it depends on the text only). */
  votes?: Record<'T2019' | 'T2021', RawCell[]>;
  /** Every field is a cell (text read from a document's table structure): no empty field is an artefact. */
  exactFields?: boolean;
  rows: LogicalRow[];
  /** First and last line that belong to the table. */
  firstLine: number;
  lastLine: number;
}

/**
 * Padding that pasted and exported text puts around cells and labels: spaces, tabs, the ideographic space,
 * no-break space (&nbsp;), zero-width spaces and joiners, the word joiner, soft hyphens and the BOM.
 */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff
    || c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xad;
}

/** [from, to) of lineText with the padding trimmed from both ends. */
export function trimmed(lineText: string, from: number, to: number): [number, number] {
  let a = from;
  let b = to;
  while (a < b && isSpace(lineText.charCodeAt(a))) a++;
  while (b > a && isSpace(lineText.charCodeAt(b - 1))) b--;
  return [a, b];
}

export function countChar(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/** An empty cell shown at the separator (tab or pipe) at offset `sep`. */
export function emptyCell(sep: number): RawCell {
  return { text: '', start: sep, end: sep, sep };
}

/** Builds a TableText while tracking the first and last line that held a row. */
export class TableTextBuilder {
  readonly rows: LogicalRow[] = [];
  private first = -1;
  private last = -1;
  constructor(private readonly layout: TableLayout, private readonly from: number) {}
  /** Mark a line as part of the table (a row, or a line that continues one). */
  touch(line: number): void {
    if (this.first < 0 || line < this.first) this.first = line;
    if (line > this.last) this.last = line;
  }
  push(cells: RawCell[]): void {
    if (cells.length) this.rows.push({ cells });
  }
  build(): TableText {
    return { layout: this.layout, rows: this.rows, firstLine: this.first < 0 ? this.from : this.first, lastLine: this.last < 0 ? this.from : this.last };
  }
}
