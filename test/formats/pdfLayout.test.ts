// The page layout of PDF text (pdftotext -layout style), on hand-placed runs: lines by baseline, spaces in
// proportion to gaps, and the figures of a wrapped row label after its last line.
import assert from 'node:assert/strict';
import { displayWidth } from '../../server/src/engine/text';
import { joinPages, layoutPage, type TextRun } from '../../server/src/formats/pdfLayout';

/** A run of `text` at (x, y), font size `size`, as wide as its characters (CJK one em, others half). */
function run(text: string, x: number, y: number, size = 10): TextRun {
  return { text, x, y, width: (displayWidth(text) / 2) * size, size };
}

describe('PDF page layout', () => {
  it('puts runs of one baseline on one line, left to right, at their column (half the font size), lines top to bottom', () => {
    assert.deepEqual(layoutPage([run('第二行', 0, 30), run('右', 60, 10), run('左', 0, 10.5)]), [`左${' '.repeat(10)}右`, '第二行']);
  });

  it('joins touching runs, keeps a word space as one space and a column gap as two or more', () => {
    const lines = layoutPage([
      run('政府信息', 0, 10), run('公开', 40, 10), // touching: one word
      run('2428', 62.5, 10), // a 0.25 em gap around a number: a word space
      run('条', 87.5, 10),
      run('规章', 0, 30), run('0', 100, 30), run('12', 140, 30), // cells far apart
    ]);
    assert.equal(lines[0], '政府信息公开 2428 条');
    assert.match(lines[1], /^规章 {2,}0 {2,}12$/);
  });

  it('reads two cells a little under one em apart as two columns (pdf.js starts a new item past 0.6 em)', () => {
    assert.deepEqual(layoutPage([run('（三）不予公开', 0, 10), run('1.属于国家秘密', 78, 10)]), ['（三）不予公开  1.属于国家秘密']);
  });

  it('keeps a label spread over its cell (single characters far apart) as one cell, but not placeholders', () => {
    assert.deepEqual(layoutPage([run('总', 0, 10), run('计', 30, 10)]), ['总 计']);
    assert.match(layoutPage([run('无', 0, 10), run('无', 30, 10)])[0], /^无 {2,}无$/);
  });

  it('drops text drawn twice a hair apart (fake bold)', () => {
    assert.deepEqual(layoutPage([run('一、总体情况', 0, 10), run('一、总体情况', 0.3, 10.2)]), ['一、总体情况']);
  });

  it('shows a wide vertical gap as one blank line, and pages apart by one blank line', () => {
    assert.deepEqual(layoutPage([run('甲', 0, 10), run('乙', 0, 24), run('丙', 0, 80)]), ['甲', '乙', '', '丙']);
    assert.equal(joinPages([['甲'], [], ['乙']]), '甲\n\n乙\n');
    assert.equal(joinPages([[], []]), '');
  });

  it('puts figures centred beside a label wrapped over two lines after the label', () => {
    // （二）部分公开… wrapped in its cell (lines at y 100 and 113), the figures centred at y 106.5.
    const lines = layoutPage([
      run('（二）部分公开（区分处理的，只计这一情', 10, 100, 9), run('形，不', 185, 100, 9),
      run('9', 300, 106.5, 14), run('0', 330, 106.5, 14), run('9', 360, 106.5, 14),
      run('计其他情形）', 10, 113, 9),
      run('1.属于国家秘密', 10, 130, 9), run('0', 300, 130, 14), run('0', 330, 130, 14), run('0', 360, 130, 14),
    ]);
    assert.deepEqual(lines.map((l) => l.trim().replace(/ {2,}/g, ' | ')), [
      '（二）部分公开（区分处理的，只计这一情 形，不', '计其他情形）', '9 | 0 | 9', '1.属于国家秘密 | 0 | 0 | 0',
    ]);
  });

  it('moves the lines of a wrapped label in the column to the left out from between the lines of the cell', () => {
    const lines = layoutPage([
      run('（二）部分公开（区分处理的，', 60, 100, 9),
      run('果', 10, 104, 9), run('2', 300, 106.5, 14), run('1', 330, 106.5, 14),
      run('只计这一情形）', 60, 113, 9),
    ]);
    assert.deepEqual(lines.map((l) => l.trim().replace(/ {2,}/g, ' | ')), ['果', '（二）部分公开（区分处理的，', '只计这一情形）', '2 | 1']);
  });

  // Figures on a line of the label itself stay there: the line may be the first of the cell (top-aligned), its last
  // (bottom) or its middle, which positions do not tell apart; the engine joins the label's pieces by their column
  // (test/fixtures/scenarios/pdf-top-aligned-cells.txt, and the LibreOffice prints in pdf.test.ts).
  it('leaves figures printed on a line of a wrapped label on that line, a group label beside it in its column', () => {
    const lines = layoutPage([
      run('（六）其', 10, 100, 9), run('1.申请人无正当理由逾期不补正、', 60, 100, 9),
      run('他处理', 10, 112, 9), run('行政机关不再处理其政府信息公开', 60, 112, 9), run('0', 300, 112, 9), run('1', 330, 112, 9),
      run('申请', 60, 124, 9),
    ]);
    assert.deepEqual(lines.map((l) => l.trim().replace(/ {2,}/g, ' | ')), [
      '（六）其 | 1.申请人无正当理由逾期不补正、', '他处理 | 行政机关不再处理其政府信息公开 | 0 | 1', '申请',
    ]);
  });

  it('does not take the next row\'s label into a cell whose figures lie between its lines (little padding between rows)', () => {
    // A cell centred vertically: its figures halfway between its two lines; the next row's label a line below.
    const lines = layoutPage([
      run('2.其他法律行政', 10, 100, 9), run('0', 300, 106, 9), run('1', 330, 106, 9),
      run('法规禁止公开', 10, 112, 9),
      run('3.危及“三安全', 10, 124, 9), run('0', 300, 130, 9), run('2', 330, 130, 9),
      run('一稳定”', 10, 136, 9),
    ]);
    assert.deepEqual(lines.map((l) => l.trim().replace(/ {2,}/g, ' | ')), [
      '2.其他法律行政', '法规禁止公开', '0 | 1', '3.危及“三安全', '一稳定”', '0 | 2',
    ]);
  });

  it('leaves the figures of a one-line row where they are when the next row has blank cells', () => {
    const lines = layoutPage([
      run('3.危及“三安全一稳定”', 10, 100, 9), run('1', 300, 100, 9),
      run('4.保护第三方合法权益', 10, 120, 9),
    ]);
    assert.deepEqual(lines.map((l) => l.trim().replace(/ {2,}/g, ' | ')), ['3.危及“三安全一稳定” | 1', '4.保护第三方合法权益']);
  });

  it('counts CJK and full-width characters as two columns', () => {
    assert.equal(displayWidth('（一）ab12'), 10);
    assert.equal(displayWidth('𠀋'), 2); // a surrogate pair
  });
});
