// One paragraph per cell: the text a browser gives for a web page whose table cells hold <p>, as Word and WPS
// produce when a report is pasted into a site's editor (corpus-wild *.innertext.txt, *.copy.txt).
//   - innerText ('paragraph'): a cell's text, a blank line, a line holding only tabs, a blank line, the next cell;
//     several tabs on one line are empty cells between them; rows are apart by runs of blank lines; a header cell
//     may run over paragraphs ("商业" / "企业"); a total may be padded with empty paragraphs.
//   - a real copy ('paragraph-copy'): only the cells' texts, one per paragraph; an empty cell leaves nothing, so
//     a blank cell cannot be seen. Rows are rebuilt by the assembler from the template's row labels.
// Prose paragraphs (sentences) end a run of cells; they are never cells.
import { PAGE_NUMBER, type LineIndex } from '../../text';
import { isValueLike } from '../cell';
import { TableTextBuilder, emptyCell, trimmed, type RawCell, type TableText } from './common';

/** A sentence, not a cell: it holds a full stop or semicolon, or is longer than any template label. */
export function isProse(text: string): boolean {
  return text.length > 60 || /[。；;]/.test(text);
}

/** More blank lines than this between two paragraphs with no tab line between them start a new row. */
const CELL_PARAGRAPH_GAP = 2;

export function readParagraphs(index: LineIndex, from: number, to: number, layout: 'paragraph' | 'paragraph-copy'): TableText {
  const out = new TableTextBuilder(layout, from);
  const tabbed = layout === 'paragraph';
  let row: RawCell[] = [];
  let cell: RawCell | null = null; // the cell that the next paragraph may continue (innerText only)
  let rowHasValue = false;
  let rowHadSeparator = false;
  let lastSep = -1; // offset of the tab of the last separator line when no paragraph followed it yet
  let lastSepTaken = false; // whether an empty cell is already shown at lastSep
  let gap = 0; // blank lines since the last paragraph or separator

  const closeCell = () => { if (cell) row.push(cell); cell = null; };
  const endRow = () => {
    closeCell();
    // The table spans the rows that hold a figure or had cell separators, not sub-headings between tables.
    if (rowHadSeparator || row.some((c) => c.text === '' || isValueLike(c.text))) {
      out.touch(index.positionAt(row[0].start).line);
      out.touch(index.positionAt(row[row.length - 1].end).line);
    }
    out.push(row);
    row = [];
    rowHasValue = false;
    rowHadSeparator = false;
    lastSep = -1;
  };

  for (let i = from; i < to; i++) {
    const line = index.line(i);
    const base = index.starts[i];
    const [s, e] = trimmed(line, 0, line.length);
    if (s === e) {
      if (tabbed && !line.includes('\t') && (line.includes('\u00a0') || line.includes('\u3000'))) {
        // A paragraph of no-break or ideographic spaces (an empty cell's <p>&nbsp;</p>): that cell, empty. After the
        // blank lines between rows it is the first cell of the next row.
        if (cell && gap > CELL_PARAGRAPH_GAP) endRow();
        if (!cell) { cell = { text: '', start: base, end: base, sep: -1 }; lastSep = -1; }
        gap = 0;
        continue;
      }
      if (!tabbed || !line.includes('\t')) { gap++; continue; }
      const first = base + line.indexOf('\t');
      if (gap > CELL_PARAGRAPH_GAP && (cell || row.length)) {
        // A separator after the blank lines between rows: the row above has ended (in an empty cell when no
        // paragraph followed its last separator), and this one closes an empty first cell of the next row.
        if (!cell && lastSep >= 0) row.push(emptyCell(lastSep));
        endRow();
      }
      // A separator line: it closes the open cell; a separator right after another one, or at the start of a
      // row, and each tab after the first on this line, enclose an empty cell. An empty cell is shown at the
      // separator before it, or after it when that one already shows a cell (the row's first cell was empty).
      let taken = false;
      if (!cell && (lastSep >= 0 || row.length === 0)) {
        const at: number = lastSep >= 0 && !lastSepTaken ? lastSep : first;
        row.push(emptyCell(at));
        taken = at === first;
      }
      closeCell();
      let tab = line.indexOf('\t');
      for (let next = line.indexOf('\t', tab + 1); next >= 0; next = line.indexOf('\t', next + 1)) {
        row.push(emptyCell(base + (taken ? next : tab)));
        tab = next;
      }
      lastSep = base + tab;
      lastSepTaken = taken;
      rowHadSeparator = true;
      gap = 0;
      continue;
    }
    if (PAGE_NUMBER.test(line)) continue;
    const text = line.slice(s, e);
    if (isProse(text)) { endRow(); gap = 0; continue; }
    const value = isValueLike(text);
    if (cell?.text === '' && gap <= CELL_PARAGRAPH_GAP) {
      // The padding paragraph of this cell (<p>&nbsp;</p><p>14</p>): the cell's text is this one.
      Object.assign(cell, { text, start: base + s, end: base + e });
      if (value) rowHasValue = true;
      gap = 0;
      continue;
    }
    if (cell) {
      // No separator since the open cell: more of that cell ("商业" / "企业"), or the first cell of the next row.
      if (!value && !isValueLike(cell.text) && gap <= CELL_PARAGRAPH_GAP) {
        cell.text += text;
        cell.end = base + e;
        gap = 0;
        continue;
      }
      endRow();
    } else if (lastSep >= 0 && !value && rowHasValue) {
      // "0 ⇥ 二、上年结转…": after the figures of a row, a separator then a label means the row ended in an empty cell.
      row.push(emptyCell(lastSep));
      endRow();
    }
    cell = { text, start: base + s, end: base + e, sep: -1 };
    // In a copy every paragraph is a cell of its own: nothing tells a wrapped cell from two cells.
    if (!tabbed) closeCell();
    if (value) rowHasValue = true;
    lastSep = -1;
    gap = 0;
  }
  endRow();
  return out.build();
}
