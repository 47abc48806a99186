// Turns the lines of a part body into logical rows of raw cells, one reader per layout (spec §10):
// row per line (tabs), cell per line (one tab-indented cell a line, rows split by blank lines),
// pipe rows (Markdown or web text) and PDF text with space-aligned columns.
import type { LineIndex } from '../text';
import type { TableLayout } from '../types';

export interface RawCell {
  /** Trimmed text; continuation lines of a wrapped cell are joined without a separator. */
  text: string;
  /** Offsets in the document of the trimmed text (start === end for an empty cell). */
  start: number;
  end: number;
  /** Offset of the separator (tab or pipe) after the cell (before it, for a last cell), or -1. */
  sep: number;
  /** Memo of the table assembler: the label in compared form, and whether the text reads as a value. */
  key?: string;
  valueLike?: boolean;
}

export interface LogicalRow { cells: RawCell[] }

export interface TableText {
  layout: TableLayout;
  /** Memo of the version vote (it depends on the text only). */
  votes?: Record<'T2019' | 'T2021', RawCell[]>;
  rows: LogicalRow[];
  /** First and last line that belong to the table. */
  firstLine: number;
  lastLine: number;
}

const CELL_LINE = /^[ \u3000]*\t[^\t]*$/;
const PAGE_NUMBER = /^\s*(?:[-—－]\s*\d{1,4}\s*[-—－]|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?)\s*$/;
const SEPARATOR_CELL = /^[\s:：\-—=_]*$/;

function trimmed(lineText: string, from: number, to: number): [number, number] {
  let a = from;
  let b = to;
  while (a < b && isSpace(lineText.charCodeAt(a))) a++;
  while (b > a && isSpace(lineText.charCodeAt(b - 1))) b--;
  return [a, b];
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff;
}

/** Pick the layout of the table lines in [from, to). Returns null when the body holds no table. */
export function detectLayout(index: LineIndex, from: number, to: number): TableLayout | null {
  let cellLines = 0;
  let rowLines = 0;
  let pipeLines = 0;
  let pdfLines = 0;
  let pdfNumberLines = 0;
  for (let i = from; i < to; i++) {
    const line = index.line(i);
    if (line.length === 0) continue;
    if (line.includes('\t')) {
      if (CELL_LINE.test(line)) cellLines++; else rowLines++;
    } else if (countChar(line, '|') >= 2) {
      pipeLines++;
    } else if (/\S {2,}\S/.test(line)) {
      pdfLines++;
      if (/\d\s*$/.test(line)) pdfNumberLines++;
    }
  }
  if (pipeLines >= 2 && pipeLines >= rowLines && pipeLines >= cellLines) return 'pipe';
  if (rowLines > 0 && rowLines >= cellLines / 4) return 'row-per-line';
  if (cellLines > 0) return 'cell-per-line';
  if (pdfLines >= 2 && pdfNumberLines >= 1) return 'pdf';
  return null;
}

/** "|---|:--|" and "---|---": a Markdown header rule. A scan, since /^\s*\|?\s*:?-{3,}/ is quadratic on spaces. */
function isMarkdownRule(line: string): boolean {
  let i = 0;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  if (line[i] === '|') i++;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  if (line[i] === ':') i++;
  return line.startsWith('---', i);
}

function countChar(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

export function readTable(index: LineIndex, from: number, to: number, layout: TableLayout): TableText {
  switch (layout) {
    case 'row-per-line': return readSplit(index, from, to, layout, (l) => l.includes('\t'), '\t');
    case 'pipe': return readSplit(index, from, to, layout, (l) => countChar(l, '|') >= 1 && !isMarkdownRule(l), '|');
    case 'cell-per-line': return readCellPerLine(index, from, to);
    case 'pdf': return readPdf(index, from, to);
  }
}

/** Row per line and pipe rows: one logical row per line, cells split on the separator. */
function readSplit(index: LineIndex, from: number, to: number, layout: TableLayout, isRow: (l: string) => boolean, sep: string): TableText {
  const rows: LogicalRow[] = [];
  let first = -1;
  let last = -1;
  for (let i = from; i < to; i++) {
    const line = index.line(i);
    if (!isRow(line) || PAGE_NUMBER.test(line)) continue;
    const base = index.starts[i];
    let a = 0;
    let b = line.length;
    if (sep === '|') {
      // Outer pipes are optional: drop them so they do not make empty cells.
      const [s, e] = trimmed(line, 0, line.length);
      a = s; b = e;
      if (line[a] === '|') a++;
      if (b > a && line[b - 1] === '|' && line[b - 2] !== '\\') b--;
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
    rows.push({ cells });
    if (first < 0) first = i;
    last = i;
  }
  return { layout, rows, firstLine: first < 0 ? from : first, lastLine: last < 0 ? from : last };
}

/** Cell per line: a tab-indented line is a cell; short untabbed lines continue the cell above; blank lines end a row. */
function readCellPerLine(index: LineIndex, from: number, to: number): TableText {
  const rows: LogicalRow[] = [];
  let cur: RawCell[] = [];
  let prevWasCell = false;
  let first = -1;
  let last = -1;
  const flush = () => { if (cur.length) rows.push({ cells: cur }); cur = []; };
  for (let i = from; i < to; i++) {
    const line = index.line(i);
    const base = index.starts[i];
    if (CELL_LINE.test(line)) {
      const tab = line.indexOf('\t');
      const [s, e] = trimmed(line, tab + 1, line.length);
      cur.push({ text: line.slice(s, e), start: base + s, end: base + e, sep: base + tab });
      prevWasCell = true;
      if (first < 0) first = i;
      last = i;
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
      last = i;
      continue;
    }
    flush();
    prevWasCell = false;
  }
  flush();
  return { layout: 'cell-per-line', rows, firstLine: first < 0 ? from : first, lastLine: last < 0 ? from : last };
}

const NUMBER_RUN = /^[+\-]?[\d.,，]+(?: +[+\-]?[\d.,，]+)+$/;
const LABEL_THEN_NUMBERS = /^(.*[^\d\s.,+\-])\s+([+\-]?\d[\d\s.,+\-]*)$/;

/**
 * PDF text (pdftotext -layout): columns aligned by spaces. Blank cells are invisible there, so a row that
 * comes out short is reported (row-cells), never padded with guessed cells.
 */
function readPdf(index: LineIndex, from: number, to: number): TableText {
  const rows: LogicalRow[] = [];
  let first = -1;
  let last = -1;
  for (let i = from; i < to; i++) {
    const line = index.line(i);
    if (PAGE_NUMBER.test(line) || line.trim() === '') continue;
    const base = index.starts[i];
    const cells: RawCell[] = [];
    const push = (s: number, e: number) => cells.push({ text: line.slice(s, e), start: base + s, end: base + e, sep: -1 });
    const re = /\S+(?: \S+)*/g; // tokens separated by two or more spaces
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const tok = m[0];
      const at = m.index;
      if (NUMBER_RUN.test(tok)) {
        splitOnSpaces(tok, at, push);
      } else {
        const lm = LABEL_THEN_NUMBERS.exec(tok);
        if (lm && cells.length === 0) {
          push(at, at + lm[1].length);
          splitOnSpaces(lm[2], at + tok.length - lm[2].length, push);
        } else {
          push(at, at + tok.length);
        }
      }
    }
    if (cells.length < 2) continue;
    rows.push({ cells });
    if (first < 0) first = i;
    last = i;
  }
  return { layout: 'pdf', rows, firstLine: first < 0 ? from : first, lastLine: last < 0 ? from : last };
}

function splitOnSpaces(tok: string, at: number, push: (s: number, e: number) => void): void {
  const re = /\S+/g;
  for (let m = re.exec(tok); m; m = re.exec(tok)) push(at + m.index, at + m.index + m[0].length);
}
