// Cell per line (corpus 001, 003, 004): each cell on its own line indented by one tab, rows apart by blank
// lines, a blank cell a line holding only the tab; short untabbed lines continue the cell above ("商业" / "企业").
import { PAGE_NUMBER, type LineIndex } from '../../text';
import { TableTextBuilder, trimmed, type RawCell, type TableText } from './common';

export const CELL_LINE = /^[ \u3000]*\t[^\t]*$/;

export function readCellPerLine(index: LineIndex, from: number, to: number): TableText {
  const out = new TableTextBuilder('cell-per-line', from);
  let cur: RawCell[] = [];
  let prevWasCell = false;
  const flush = () => { out.push(cur); cur = []; };
  for (let i = from; i < to; i++) {
    const line = index.line(i);
    const base = index.starts[i];
    if (CELL_LINE.test(line)) {
      const tab = line.indexOf('\t');
      const [s, e] = trimmed(line, tab + 1, line.length);
      cur.push({ text: line.slice(s, e), start: base + s, end: base + e, sep: base + tab });
      prevWasCell = true;
      out.touch(i);
      continue;
    }
    const [s, e] = trimmed(line, 0, line.length);
    if (s === e) { flush(); prevWasCell = false; continue; }
    if (PAGE_NUMBER.test(line)) continue;
    if (prevWasCell && cur.length && e - s <= 12 && !/[。：:；;]/.test(line)) {
      // A header or label wrapped onto the next line ("商业" / "企业"): join it to the cell above.
      const c = cur[cur.length - 1];
      c.text += line.slice(s, e);
      c.end = base + e;
      out.touch(i);
      continue;
    }
    flush();
    prevWasCell = false;
  }
  flush();
  return out.build();
}
