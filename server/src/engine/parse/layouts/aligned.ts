// Text whose cells are apart by spaces: PDF text (`pdftotext -layout`, or the PDF reader's own layout), where
// columns are aligned by runs of spaces, and retyped or converted rows with single spaces between cells
// ("一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3"). Blank cells are invisible in both, so a row that comes out
// short is reported (row-cells), never padded with guessed cells. Each line is a logical row; a label wrapped
// over lines, with its figures on the last one, is put back together by the assembler.
import { PAGE_NUMBER, type LineIndex } from '../../text';
import { TableTextBuilder, type RawCell, type TableText } from './common';
import { isProse } from './paragraph';

const NUMBER_RUN = /^[+-]?[\d.,，]+(?: +[+-]?[\d.,，]+)+$/;
const LABEL_THEN_NUMBERS = /^(.*[^\d\s.,+-])\s+([+-]?\d[\d\s.,+-]*)$/;
/** Tokens apart by two or more spaces (a tab counts as a wide gap too). */
const TOKEN = /[^\s\u3000]+(?:[ \u3000][^\s\u3000]+)*/g;

export function readAligned(index: LineIndex, from: number, to: number, layout: 'pdf' | 'space'): TableText {
  const out = new TableTextBuilder(layout, from);
  for (let i = from; i < to; i++) {
    const line = index.line(i);
    if (PAGE_NUMBER.test(line) || line.trim() === '') continue;
    const base = index.starts[i];
    const cells: RawCell[] = [];
    const push = (s: number, e: number) => cells.push({ text: line.slice(s, e), start: base + s, end: base + e, sep: -1 });
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(line); m; m = TOKEN.exec(line)) {
      const tok = m[0];
      const at = m.index;
      if (NUMBER_RUN.test(tok)) {
        splitOnSpaces(tok, at, push);
        continue;
      }
      const lm = cells.length === 0 ? LABEL_THEN_NUMBERS.exec(tok) : null;
      if (lm) {
        push(at, at + lm[1].length);
        splitOnSpaces(lm[2], at + tok.length - lm[2].length, push);
      } else {
        push(at, at + tok.length);
      }
    }
    // A sentence of the narrative is not part of a table; a lone label line is (a header, a wrapped label).
    if (cells.length === 1 && (isProse(cells[0].text) || isProseLine(cells[0].text))) continue;
    out.push(cells);
    out.touch(i);
  }
  return out.build();
}

/**
 * A line of a paragraph wrapped at the page's width (PDF text), which ends without a full stop: long, and counting
 * things in the narrative's way ("涵盖政策及规范性文件类 8 条、规划计划类 2 条"), which no label of the template does.
 */
const COUNTED = /\d\s*(?:条|件|个|次|项|篇|期|场|人次|万元)/;
function isProseLine(text: string): boolean {
  return text.length > PROSE_LINE && COUNTED.test(text);
}
/** Longer than a template label with its figures on one line. */
const PROSE_LINE = 30;

function splitOnSpaces(tok: string, at: number, push: (s: number, e: number) => void): void {
  const re = /\S+/g;
  for (let m = re.exec(tok); m; m = re.exec(tok)) push(at + m.index, at + m.index + m[0].length);
}
