// Row per line (cells apart by tabs, as Word and WPS export tables) and pipe rows (Markdown, web text):
// one logical row per line, cells split on the separator.
import { PAGE_NUMBER, type LineIndex } from '../../text';
import { TableTextBuilder, countChar, trimmed, type RawCell, type TableText } from './common';
import { isValueLike } from '../cell';
import { isProse } from './paragraph';

const SEPARATOR_CELL = /^[\s:：\-—=_]*$/;

/** `exactFields`: every line is a row of the document's table (a line of one tab is two empty cells, not a break). */
export function readRowPerLine(index: LineIndex, from: number, to: number, exactFields = false): TableText {
  return readSplit(index, from, to, 'row-per-line', (l) => l.includes('\t'), '\t', !exactFields);
}

export function readPipeRows(index: LineIndex, from: number, to: number): TableText {
  return readSplit(index, from, to, 'pipe', (l) => countChar(l, '|') >= 1 && !isMarkdownRule(l), '|');
}

/** "|---|:--|" and "---|---": a Markdown header rule. A scan, since /^\s*\|?\s*:?-{3,}/ is quadratic on spaces. */
function isMarkdownRule(line: string): boolean {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  if (line[i] === '|') i++;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  if (line[i] === ':') i++;
  return line.startsWith('---', i);
}

/** A lone tab: an empty cell between two others that a line break (its <br>) has put on a line of its own. */
const BROKEN_CELL = '\t';

/** Whether a line holds more than tabs and padding. */
const hasText = (line: string) => line.split('\t').some((c) => c.trim() !== '');

/**
 * The last line of a row that a browser's innerText broke over lines: a table whose cells hold text directly
 * (a rich-text editor's) has an empty cell written as <td><br></td>, and the break inside it ends the line, so the
 * row goes on after it: "label⇥" / "⇥" / "⇥0⇥0". The row is broken where a line ending in a tab, or a lone tab, is
 * followed by lone tabs, or by one line that starts with a tab and holds nothing but figures; a line of figures
 * alone after a row is no row of Word's (its rows under a merged label start with a tab and their own label).
 */
function brokenRowEnd(index: LineIndex, i: number, to: number): number {
  const line = index.line(i);
  // A row may also start with lone tabs: its first cell was empty, and its break made the blank line above.
  if (line !== BROKEN_CELL && (!line.endsWith('\t') || !hasText(line))) return i;
  let j = i;
  while (j + 1 < to && index.line(j + 1) === BROKEN_CELL) j++;
  const next = j + 1 < to ? index.line(j + 1) : '';
  if (next.startsWith('\t') && hasText(next) && next.split('\t').every((c) => c.trim() === '' || isValueLike(c.trim()))) j++;
  else if (j > i && next.startsWith('\t') && hasText(next)) j++;
  return j;
}

function readSplit(index: LineIndex, from: number, to: number, layout: 'row-per-line' | 'pipe', isRow: (l: string) => boolean, sep: string, brokenRows = false): TableText {
  const out = new TableTextBuilder(layout, from);
  let lastRow = to - 1;
  while (lastRow >= from && !isRow(index.line(lastRow))) lastRow--;
  let inTable = false;
  for (let i = from; i < to; i++) {
    let line = index.line(i);
    if (PAGE_NUMBER.test(line)) continue;
    const base = index.starts[i];
    const last = brokenRows ? brokenRowEnd(index, i, to) : i;
    if (last > i) {
      // One row over several lines: the line breaks are empty cells' content, read as empty.
      line = index.text.slice(base, index.ends[last]).replaceAll('\r', ' ').replaceAll('\n', ' ');
      for (; i < last; i++) out.touch(i);
    }
    if (!isRow(line)) {
      // Between rows, a line without separators is a cell of its own: a sub-table's heading ("第二十条第（一）项"),
      // or a label with its figures run into it ("行政规范性文件000"). Sentences are not.
      const [s, e] = trimmed(line, 0, line.length);
      if (inTable && i < lastRow && s < e && !isProse(line.slice(s, e))) out.push([{ text: line.slice(s, e), start: base + s, end: base + e, sep: -1 }]);
      continue;
    }
    inTable = true;
    let [a, b] = sep === '|' ? trimmed(line, 0, line.length) : [0, line.length];
    if (sep === '|') {
      // A closing pipe is an outer pipe, and so is a leading one that has a closing twin (Markdown). A leading
      // pipe without a closing one separates an empty first cell ("| 1 | 0" in table 四: the first cell is blank).
      const closing = b > a + 1 && line[b - 1] === '|' && line[b - 2] !== '\\';
      if (closing) b--;
      if (closing && line[a] === '|') a++;
    }
    const cells: RawCell[] = [];
    let cellStart = a;
    for (let k = a; k <= b; k++) {
      if (k === b || line[k] === sep) {
        const [s, e] = trimmed(line, cellStart, k);
        // The separator shown for an empty cell: the one after it (distinct for a run of empty cells), else before.
        const sepAt = k < line.length && line[k] === sep ? k : cellStart > 0 && line[cellStart - 1] === sep ? cellStart - 1 : -1;
        cells.push({ text: line.slice(s, e), start: base + s, end: base + e, sep: sepAt < 0 ? -1 : base + sepAt });
        cellStart = k + 1;
      }
    }
    if (cells.every((c) => SEPARATOR_CELL.test(c.text)) && cells.some((c) => c.text.length >= 3)) continue;
    out.push(cells);
    out.touch(i);
  }
  return out.build();
}
