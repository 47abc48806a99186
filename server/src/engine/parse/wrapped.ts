// Tables whose cells are apart by spaces (PDF text, retyped rows): one printed line is one logical row, so a label
// wrapped in its cell comes as pieces on several lines, and a row's figures may be split over two. Both are put
// back on one line per row here, through the template's wordings and the columns the pieces start in, before the
// table's version is voted on and its rows are assembled (table.ts): a wrapped header such as "本年新" /
// "制作数量" then counts for its version as it does in a web page.
import { hasNumbering, labelKey } from '../labels';
import { tableForPart } from '../template';
import type { TemplateId } from '../types';
import { displayWidth, type LineIndex } from '../text';
import type { RawCell, TableText } from './layout';
import { valueLike } from './table';

/** How far below its first piece the last piece of a wrapped label may be printed, in lines. */
const WRAP_LINES = 6;
/** How far below a row's other figures the last of them may be printed, in lines. */
const SPLIT_FIGURES_LINES = 3;
/** Pieces of one label start in the same column, give or take a character or two of the layout's rounding. */
const COLUMN_SLACK = 2;
/** The least gap between two cells of a line (two spaces), and a column of rounding. */
const PUSHED_GAP = 3;

/** What a part's tables can hold, in both versions of the template. */
interface PartWordings {
  /** Every row's, section's and column's wording in compared form. */
  keys: string[];
  /** The most figures a row of the part's table has. */
  widest: number;
}
const wordingsByPart = new Map<number, PartWordings>();

function wordingsOf(part: number): PartWordings {
  let w = wordingsByPart.get(part);
  if (w) return w;
  const defs = (['T2019', 'T2021'] as TemplateId[]).map((v) => tableForPart(v, part)).filter((d) => d !== undefined);
  const columns = defs.flatMap((d) => Object.values(d.columnSets));
  const labels = defs.flatMap((d) => [...d.rows.map((r) => r.label), ...d.sections.map((s) => s.label)])
    .concat(columns.flat().flatMap((c) => [c.label, ...(c.aliases ?? [])]));
  w = { keys: [...new Set(labels.filter(Boolean).map(labelKey))].filter((k) => k !== ''), widest: Math.max(0, ...columns.map((c) => c.length)) };
  wordingsByPart.set(part, w);
  return w;
}

/** Joins wrapped labels and split figures of the table text of part `part`, in place. */
export function joinWrappedLines(index: LineIndex, tt: TableText, part: number): void {
  const reader = new WrappedLines(index, wordingsOf(part));
  const lines = reader.joinSplitFigures(reader.joinPieces(tt.rows.map((r) => r.cells)));
  tt.rows.forEach((r, i) => { r.cells = lines[i]; });
}

class WrappedLines {
  /** columnOf by cell start (joinPieces asks for every cell of the lines below each piece). */
  private readonly columns = new Map<number, number>();

  constructor(private readonly index: LineIndex, private readonly wordings: PartWordings) {}

  /**
   * A label wrapped in its cell is printed as pieces on consecutive lines, one column (position) for all of them,
   * wherever the row's figures are: beside the first piece (Word's cells are top-aligned), the middle one, or on a
   * line below. A piece that starts a template wording without completing it is joined with the pieces below it in
   * the same column for as long as they read on into a wording (past a shorter one: "（六）其他" / "处理"); the
   * pieces below are taken out of their lines.
   * Lines without a piece in that column are passed over (a neighbouring column's label goes on there); a cell
   * across the column, or a figure in it, ends the label.
   */
  joinPieces(lines: RawCell[][]): RawCell[][] {
    const out = lines.map((cells) => cells.flatMap((c) => this.splitNumberedLabel(c)));
    for (let i = 0; i < out.length; i++) {
      for (let j = 0; j < out[i].length; j++) {
        const c = out[i][j];
        if (c.text === '' || valueLike(c) || !this.startsLabel(c.text)) continue;
        let column = this.columnOf(c);
        // A label just left of the piece, at the least gap from it, may have pushed it right of its column (the PDF
        // layout puts a group label wrapped in its own cell on one line: "（六）其他处理  1.申请人无正当"); then the
        // pieces below may start anywhere from there back to just right of that label's start.
        const left = out[i][j - 1] as RawCell | undefined;
        let from = left && !valueLike(left) && this.columnOf(left) + displayWidth(left.text) + PUSHED_GAP >= column ? this.columnOf(left) + 1 : column;
        let width = displayWidth(c.text);
        // The next piece starts where the last did (text at the left of its cell), or is centred under it, or ends
        // where it ended (text centred or at the right of its cell: "规禁止公" / "开").
        const under = (d: RawCell) => {
          const at = this.columnOf(d);
          const w = displayWidth(d.text);
          return (at >= from - COLUMN_SLACK && at <= column + COLUMN_SLACK) || Math.abs(2 * at + w - (2 * column + width)) <= 2 * COLUMN_SLACK
            || Math.abs(at + w - (column + width)) <= COLUMN_SLACK;
        };
        let text = c.text;
        let end = c.end;
        const pieces = c.pieces ? [...c.pieces] : [{ start: c.start, end: c.end }];
        const taken: [number, number][] = [];
        for (let k = i + 1; k < out.length && k <= i + WRAP_LINES; k++) {
          const at = out[k].findIndex(under);
          if (at < 0) {
            if (out[k].some((d) => this.columnOf(d) < column && this.columnOf(d) + displayWidth(d.text) > column)) break;
            continue;
          }
          const d = out[k][at];
          if (d.text === '' || valueLike(d)) break;
          if (!this.readsToward(text + d.text)) {
            // This label's next piece and the next column's, one space apart ("其他处 正、行政机关不再处理其政"):
            // the piece is taken, the rest stays a cell of its own where it starts.
            const space = d.text.indexOf(' ');
            const head = space > 0 ? d.text.slice(0, space) : '';
            if (!head || !this.readsToward(text + head)) break;
            const restAt = d.text.slice(space).search(/\S/) + space;
            text += head;
            end = d.start + head.length;
            pieces.push({ start: d.start, end });
            out[k][at] = { text: d.text.slice(restAt), start: d.start + restAt, end: d.end, sep: -1 };
            from = column = this.columnOf(d);
            width = displayWidth(head);
            continue;
          }
          text += d.text;
          end = d.end;
          pieces.push(...(d.pieces ?? [{ start: d.start, end: d.end }]));
          taken.push([k, at]);
          from = column = this.columnOf(d); // the label's column, found
          width = displayWidth(d.text);
        }
        if (pieces.length === 1) continue;
        out[i][j] = { text, start: c.start, end, sep: -1, pieces };
        for (const [k, at] of taken.reverse()) out[k].splice(at, 1);
      }
    }
    return out;
  }

  /**
   * A row's figures printed on two lines: the last of them (a total in a cell of its own alignment) a line or two
   * below the others, to the right of them and alone there. They are put back on the row's line, as many as the
   * part's rows have room for.
   */
  joinSplitFigures(lines: RawCell[][]): RawCell[][] {
    const isFigure = (c: RawCell) => c.text !== '' && valueLike(c);
    for (let i = 0; i < lines.length; i++) {
      const own = lines[i].filter(isFigure);
      if (!own.length) continue;
      const rightmost = this.columnOf(own[own.length - 1]) + displayWidth(own[own.length - 1].text);
      for (let k = i + 1; k < lines.length && k <= i + SPLIT_FIGURES_LINES; k++) {
        const line = lines[k];
        if (!line.length) continue;
        if (!line.every(isFigure)) { if (line.some(isFigure)) break; continue; } // label pieces between: look on
        if (this.columnOf(line[0]) > rightmost && own.length + line.length <= this.wordings.widest) lines[i] = [...lines[i], ...lines[k].splice(0)];
        break;
      }
    }
    return lines;
  }

  /**
   * A piece of a label and the numbered label of the next column with one space between them, which the layout
   * leaves when the first runs close to the second ("其他处 2.申请人逾期未按收费通知要"): two cells. Chinese
   * labels have no word spaces, so only a numbered template wording after the space is split off.
   */
  private splitNumberedLabel(cell: RawCell): RawCell[] {
    if (valueLike(cell) || !cell.text.includes(' ')) return [cell];
    const at = cell.text.lastIndexOf(' ');
    const head = cell.text.slice(0, at).trimEnd();
    const rest = cell.text.slice(at + 1);
    if (!head || !hasNumbering(rest) || !this.readsToward(rest) || this.readsToward(cell.text)) return [cell];
    const restStart = cell.start + at + 1;
    return [{ text: head, start: cell.start, end: cell.start + head.length, sep: -1 }, { text: rest, start: restStart, end: restStart + rest.length, sep: -1 }];
  }

  /** Whether `text` is the beginning of a template wording, short of the whole of it. */
  private startsLabel(text: string): boolean {
    const key = labelKey(text);
    if (!key && !hasNumbering(text)) return false;
    return this.wordings.keys.some((k) => k.startsWith(key) && k !== key);
  }

  /** Whether `text` is the beginning of a template wording, or the whole of it. */
  private readsToward(text: string): boolean {
    const key = labelKey(text);
    return this.wordings.keys.some((k) => k.startsWith(key));
  }

  /**
   * Where a cell starts on its line, in the columns of a monospaced view (a CJK character takes two), as the PDF
   * layout and typed tables align their columns.
   */
  private columnOf(cell: RawCell): number {
    let column = this.columns.get(cell.start);
    if (column === undefined) {
      const p = this.index.positionAt(cell.start);
      this.columns.set(cell.start, column = displayWidth(this.index.line(p.line).slice(0, p.character)));
    }
    return column;
  }
}
