// Which layout the lines of a part body are in, and the reader for it (spec §10). Each reader turns the lines
// into logical rows of raw cells; the table assembler (table.ts) does the rest, the same for every layout.
//   row-per-line    cells apart by tabs, a row a line (Word/WPS export; the HTML and Word readers' output)
//   cell-per-line   each cell on its own tab-indented line, rows apart by blank lines
//   pipe            Markdown or web text: label | 0 | 0
//   paragraph       a browser's innerText of <td><p>…</p></td> cells: paragraphs apart by lines of tabs
//   paragraph-copy  a real copy of such a page: one paragraph per cell, nothing between cells
//   pdf             columns aligned by runs of spaces (pdftotext -layout, the PDF reader)
//   space           label and figures apart by single spaces (retyped text, some converters)
import type { LineIndex } from '../text';
import type { TableLayout } from '../types';
import { isValueLike } from './cell';
import { readAligned } from './layouts/aligned';
import { CELL_LINE, readCellPerLine } from './layouts/cell-per-line';
import { countChar, type TableText } from './layouts/common';
import { isProse, readParagraphs } from './layouts/paragraph';
import { readPipeRows, readRowPerLine } from './layouts/split';

export type { LogicalRow, RawCell, TableText } from './layouts/common';

/** A label, then figures apart by single spaces. */
const SPACE_ROW = /^\S*[^\d\s.,+-]\s+[+-]?\d[\d.,]*(?: [+-]?\d[\d.,]*)+$/;
/** Figures alone, apart by single spaces (table 四's row): at least five. */
const FIGURES_ROW = /^[+-]?\d[\d.,]*(?: [+-]?\d[\d.,]*){4,}$/;
/** At least this many lines holding a figure alone make a table of one paragraph per cell. */
const MIN_VALUE_PARAGRAPHS = 3;

interface LineCounts { cell: number; bareTab: number; row: number; pipe: number; aligned: number; alignedNumbers: number; space: number; figures: number; valueParagraph: number }

function countLines(index: LineIndex, from: number, to: number): LineCounts {
  const n: LineCounts = { cell: 0, bareTab: 0, row: 0, pipe: 0, aligned: 0, alignedNumbers: 0, space: 0, figures: 0, valueParagraph: 0 };
  for (let i = from; i < to; i++) {
    const line = index.line(i);
    if (line.length === 0) continue;
    if (line.includes('\t')) {
      if (line.trim() === '') n.bareTab++;
      else if (CELL_LINE.test(line)) n.cell++;
      else n.row++;
      continue;
    }
    if (countChar(line, '|') >= 2) { n.pipe++; continue; }
    const text = line.trim();
    if (/\S {2,}\S/.test(line)) {
      n.aligned++;
      if (/\d\s*$/.test(line)) n.alignedNumbers++;
    } else if (text.length <= 200 && SPACE_ROW.test(text)) {
      n.space++;
    } else if (text.length <= 200 && FIGURES_ROW.test(text)) {
      n.figures++;
    } else if (text && !isProse(text) && isValueLike(text)) {
      n.valueParagraph++;
    }
  }
  return n;
}

/** Pick the layout of the table lines in [from, to). Returns null when the body holds no table. */
export function detectLayout(index: LineIndex, from: number, to: number): TableLayout | null {
  const n = countLines(index, from, to);
  if (n.pipe >= 2 && n.pipe >= n.row && n.pipe >= n.cell) return 'pipe';
  if (n.row > 0 && n.row >= n.cell / 4) return 'row-per-line';
  if (n.cell > 0) return 'cell-per-line';
  // Lines holding only tabs, between paragraphs that are not indented: innerText's cell separators.
  if (n.bareTab >= 2 && n.valueParagraph + n.bareTab >= MIN_VALUE_PARAGRAPHS) return 'paragraph';
  if (n.aligned >= 2 && n.alignedNumbers >= 1 && n.aligned >= n.space) return 'pdf';
  if (n.space >= 2 || n.figures >= 1) return 'space';
  if (n.valueParagraph >= MIN_VALUE_PARAGRAPHS) return 'paragraph-copy';
  return null;
}

/** `exactFields`: the text was read from a document's table structure (see TableText.exactFields). */
export function readTable(index: LineIndex, from: number, to: number, layout: TableLayout, exactFields = false): TableText {
  switch (layout) {
    case 'row-per-line': return readRowPerLine(index, from, to, exactFields);
    case 'pipe': return readPipeRows(index, from, to);
    case 'cell-per-line': return readCellPerLine(index, from, to);
    case 'paragraph': case 'paragraph-copy': return readParagraphs(index, from, to, layout);
    case 'pdf': case 'space': return readAligned(index, from, to, layout);
  }
}
