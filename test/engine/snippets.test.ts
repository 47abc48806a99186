// Completion snippets: the rows, sub-tables and tables a report lacks, in the table's own layout, with a tab stop
// per cell; inserted (tab stops filled with 0), the report lints as if the row had always been there.
import assert from 'node:assert/strict';
import { lint, snippetsAt } from '../../server/src/engine';
import { toCellPerLine, toPipe } from '../support/layouts';
import { example } from '../support/paths';

const CLEAN = example('clean-2023-row-per-line.txt');
const stops = (n: number, sep: string) => Array.from({ length: n }, (_, i) => `${sep}\${${i + 1}}`).join('');

/** Empty the lines `from`..`from + count - 1`, ask for snippets on the first, insert `pick` with every stop 0. */
function roundTrip(text: string, from: number, count: number, pick = 0) {
  const lines = text.split('\n');
  lines.splice(from, count, '');
  const holed = lines.join('\n');
  const result = lint(holed);
  const snippets = snippetsAt(result, '', { line: from, character: 0 });
  const chosen = snippets[pick];
  lines[from] = chosen ? chosen.text.replace(/\$\{\d+\}/g, '0').replace(/\$0$/, '') : '';
  return { holed: result, snippets, filled: lint(lines.join('\n')) };
}
const lineOf = (text: string, s: string) => text.split('\n').findIndex((l) => l.includes(s));
const loud = (r: ReturnType<typeof lint>) => r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.rule);

describe('completion snippets', () => {
  it('a missing row, row per line: its label and seven tab stops; inserted, the report is clean again', () => {
    const { holed, snippets, filled } = roundTrip(CLEAN, lineOf(CLEAN, '3.补正后申请内容仍不明确'), 1);
    assert.deepEqual(loud(holed), ['row-missing']);
    assert.deepEqual(snippets.map((s) => [s.label, s.detail, s.text]), [[
      '3.补正后申请内容仍不明确', '第三部分表格（收到和处理政府信息公开申请情况） · 三、本年度办理结果 · （四）无法提供', `3.补正后申请内容仍不明确${stops(7, '\t')}$0`,
    ]]);
    assert.equal(snippets[0].documentation, '经补正后申请内容仍不明确。');
    assert.deepEqual(filled.findings, []);
  });

  it('in a Markdown table: a pipe row', () => {
    const pipe = toPipe(CLEAN);
    const { snippets, filled } = roundTrip(pipe, lineOf(pipe, '| 行政强制 |'), 1);
    assert.deepEqual(snippets.map((s) => s.text), [`| 行政强制 |${stops(1, ' ').replace(/\}/, '} |')}$0`]);
    assert.deepEqual(filled.findings, []);
  });

  it('cell per line: the label and each cell on a tab-indented line, then the blank line that ends a row', () => {
    const cells = toCellPerLine(CLEAN);
    const at = lineOf(cells, '\t3.要求提供公开出版物');
    const { snippets, filled } = roundTrip(cells, at, 9);
    assert.deepEqual(snippets.map((s) => s.text), [`\t3.要求提供公开出版物\n${Array.from({ length: 7 }, (_, i) => `\t\${${i + 1}}`).join('\n')}\n$0`]);
    assert.deepEqual(filled.findings, []);
  });

  it('a whole sub-table of table 二 that is missing: its heading, header and rows', () => {
    const at = lineOf(CLEAN, '第二十条第（五）项');
    const { snippets, filled } = roundTrip(CLEAN, at, 3);
    assert.deepEqual(snippets.map((s) => [s.label, s.text]), [['第二十条第（五）项', `第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t\${1}$0`]]);
    assert.deepEqual(filled.findings, []);
  });

  it('a part without its table: the whole table, row per line or as Markdown', () => {
    const at = lineOf(CLEAN, '行政复议\t\t\t\t\t行政诉讼');
    for (const pick of [0, 1]) {
      const { holed, snippets, filled } = roundTrip(CLEAN, at, 4, pick);
      assert.deepEqual(loud(holed), ['table-missing']);
      assert.deepEqual(snippets.map((s) => s.label), ['第四部分表格（政府信息公开行政复议、行政诉讼情况）', '第四部分表格（政府信息公开行政复议、行政诉讼情况）']);
      assert.deepEqual(snippets.map((s) => s.detail), ['每行一行，单元格之间用 Tab 分隔（从 Word 复制的表格即为此形式）', 'Markdown 表格（| 分隔）']);
      assert.deepEqual([filled.report.tables[2].layout, filled.findings], [pick ? 'pipe' : 'row-per-line', []]);
    }
  });

  it('nothing outside parts 二–四, on a heading, or once the cursor is past the label', () => {
    const result = lint(CLEAN);
    const lines = CLEAN.split('\n');
    const row = lineOf(CLEAN, '一、本年新收');
    assert.deepEqual(snippetsAt(result, lines[2], { line: 2, character: 0 }), []);
    assert.deepEqual(snippetsAt(result, lines[lineOf(CLEAN, '三、收到和处理')], { line: lineOf(CLEAN, '三、收到和处理'), character: 1 }), []);
    assert.deepEqual(snippetsAt(result, lines[row], { line: row, character: lines[row].indexOf('\t') + 1 }), []);
  });

  it('the typed start of a label stays a filter prefix: pipes and indentation before it included', () => {
    const pipe = toPipe(CLEAN);
    const lines = pipe.split('\n');
    const at = lineOf(pipe, '| 行政强制 |');
    lines[at] = '| 行政';
    const snippets = snippetsAt(lint(lines.join('\n')), lines[at], { line: at, character: lines[at].length });
    assert.deepEqual(snippets.map((s) => [s.filterText, s.range]), [['| 行政强制', { start: { line: at, character: 0 }, end: { line: at, character: lines[at].length } }]]);
  });
});
