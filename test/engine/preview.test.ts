// The table preview's model: the template's grid (merged headers, nested labels), the cells as read, every
// finding of a table shown once (on its cell, its row or the table), balance results on the totals, and a
// clear word when a table cannot be shown.
import assert from 'node:assert/strict';
import { lint, previewOf, type PreviewModel, type PreviewTable } from '../../server/src/engine';
import { corpus, example, hasCorpus } from '../support/paths';

const table = (p: PreviewModel, id: string) => p.tables.find((t) => t.id === id)!;
const rowOf = (t: PreviewTable, id: string) => t.blocks.flatMap((b) => b.rows).find((r) => r.id === id)!;
const cellOf = (t: PreviewTable, row: string, column: string) => rowOf(t, row).cells.find((c) => c.columnId === column)!;
const header = (t: PreviewTable, block = 0) => t.blocks[block].header.map((level) => level.map((c) => `${c.text} ${c.colSpan}×${c.rowSpan}`));
const without = (text: string, from: number, count: number) => text.split('\n').filter((_, i) => i < from || i >= from + count).join('\n');

/** Every finding inside a table, counted where the preview shows it. */
function shownFindings(p: PreviewModel): number {
  return p.tables.reduce((n, t) => n + t.findings.length + t.blocks.flatMap((b) => b.rows).reduce((m, r) => m + r.findings.length + r.cells.reduce((k, c) => k + c.findings.length, 0), 0), 0);
}

describe('table preview model', () => {
  it('table 三 and 四 headers as the template prints them: merged group cells, column labels below', () => {
    const p = previewOf(lint(example('clean-2023-row-per-line.txt')));
    assert.deepEqual(header(table(p, 'applications')), [
      ['申请人情况 7×1'],
      ['自然人 1×2', '法人或其他组织 5×1', '总计 1×2'],
      ['商业企业 1×1', '科研机构 1×1', '社会公益组织 1×1', '法律服务机构 1×1', '其他 1×1'],
    ]);
    assert.equal(table(p, 'applications').blocks[0].corner, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    const review = table(p, 'review');
    assert.deepEqual(header(review).slice(0, 2), [['行政复议 5×2', '行政诉讼 10×1'], ['未经复议直接起诉 5×1', '复议后起诉 5×1']]);
    assert.equal(header(review)[2].length, 15);
    assert.equal(review.blocks[0].labelColumns, 0);
    assert.deepEqual(table(p, 'active').blocks.map((b) => [b.heading, b.corner, b.header[0].map((c) => c.text).join('/')]), [
      ['第二十条第（一）项', '信息内容', '本年制发件数/本年废止件数/现行有效件数'],
      ['第二十条第（五）项', '信息内容', '本年处理决定数量'],
      ['第二十条第（六）项', '信息内容', '本年处理决定数量'],
      ['第二十条第（八）项', '信息内容', '本年收费金额（单位：万元）'],
    ]);
  });

  it('row labels nest: 三、本年度办理结果 spans its outcome rows, （三）不予公开 its eight', () => {
    const t = table(previewOf(lint(example('clean-2023-row-per-line.txt'))), 'applications');
    const rows = t.blocks[0].rows;
    assert.equal(t.blocks[0].labelColumns, 3);
    const labels = (id: string) => rows.find((r) => r.id === id)!.labels.map((l) => `${l.text} ${l.colSpan}×${l.rowSpan}`);
    assert.deepEqual(labels('app.received'), ['一、本年新收政府信息公开申请数量 3×1']);
    assert.deepEqual(labels('app.granted'), ['三、本年度办理结果 1×22', '（一）予以公开 2×1']);
    assert.deepEqual(labels('app.withheld.1'), ['（三）不予公开 1×8', '1.属于国家秘密 1×1']);
    assert.deepEqual(labels('app.withheld.2'), ['2.其他法律行政法规禁止公开 1×1']);
    assert.deepEqual(labels('app.other.1'), ['（六）其他处理 1×3', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 1×1']);
    assert.deepEqual(labels('app.carried-forward'), ['四、结转下年度继续办理 3×1']);
    assert.equal(rows.length, 25);
  });

  it('the defects example: the wrong totals marked with their finding and the equation that fails', () => {
    const p = previewOf(lint(example('defects-2022-pipe.md')));
    const t = table(p, 'applications');
    const wrong = cellOf(t, 'app.unable.1', 'total');
    assert.deepEqual([wrong.text, wrong.kind, wrong.findings.map((f) => `${f.severity} ${f.rule}`)], ['3', 'number', ['error balance-row-total']]);
    assert.deepEqual(wrong.balances.map((b) => [b.rule, b.status]), [['balance-row-total', 'wrong']]);
    assert.match(wrong.balances[0].text, /^“（四）1\.本机关不掌握相关政府信息”行“总计”列填写 3，各项之和为 4（/);
    const blank = cellOf(t, 'app.rejected.2', 'research');
    assert.deepEqual([blank.kind, blank.text, blank.findings.map((f) => f.rule)], ['blank', '', ['cell-blank']]);
    assert.deepEqual(cellOf(t, 'app.rejected.2', 'total').balances.map((b) => b.status), ['unchecked']);
    assert.deepEqual(t.balances.map((b) => [b.rule, b.wrong]), [['balance-carryover', 0], ['balance-row-total', 1], ['balance-outcome-total', 1]]);
    assert.equal(t.balances[1].summary, '23 处相符，1 处不符，1 处暂无法核对');
    assert.ok(cellOf(t, 'app.received', 'total').range);
  });

  it('every finding inside a table is shown exactly once (cell, row or table), on each cell when it is about cells side by side', function () {
    const texts = [example('defects-2022-pipe.md'), example('clean-2023-row-per-line.txt'), ...Object.values(corpus()).map((c) => c.text)];
    for (const text of texts) {
      const result = lint(text);
      const inTables = result.findings.filter((f) => result.report.tables.some((t) => t.range.start.line <= f.range.start.line && f.range.start.line <= t.range.end.line));
      // a finding about several blank cells side by side (its own fix fills each) is shown on each of them
      const times = (f: (typeof inTables)[number]) => (f.fixes[0] && (f.fixes[0].scope ?? 'finding') === 'finding' ? Math.max(1, f.fixes[0].edits.length) : 1);
      assert.equal(shownFindings(previewOf(result)), inTables.reduce((n, f) => n + times(f), 0), text.slice(0, 30));
    }
  });

  it('corpus 002: each short row carries its row-cells finding; balances say why they cannot be checked', function () {
    if (!hasCorpus) this.skip();
    const t = table(previewOf(lint(corpus()['002'].text)), 'applications');
    assert.deepEqual(rowOf(t, 'app.granted').findings.map((f) => f.rule), ['row-cells']);
    assert.match(t.balances[0].summary, /7 处因缺行或行中缺格无法核对/);
  });

  it('corpus 001 (2021 report keeping one （六） row): the row as written stands for the three of the template', function () {
    if (!hasCorpus) this.skip();
    const t = table(previewOf(lint(corpus()['001'].text)), 'applications');
    const ids = t.blocks[0].rows.map((r) => r.id);
    assert.ok(ids.includes('app.other') && !ids.includes('app.other.1'));
    assert.ok(t.blocks[0].rows.every((r) => r.present));
  });

  it('a missing row is shown where it belongs, with its row-missing finding', () => {
    const text = example('clean-2023-row-per-line.txt');
    const at = text.split('\n').findIndex((l) => l.includes('2.其他法律行政法规禁止公开'));
    const row = rowOf(table(previewOf(lint(without(text, at, 1))), 'applications'), 'app.withheld.2');
    assert.equal(row.present, false);
    assert.deepEqual(row.findings.map((f) => f.rule), ['row-missing']);
    assert.ok(row.cells.every((c) => c.kind === 'absent' && c.range === null));
  });

  it('a part without its table, and a report without the part: the table is not found, and the note says which', () => {
    const text = example('clean-2023-row-per-line.txt');
    const lines = text.split('\n');
    const four = lines.findIndex((l) => l.startsWith('四、政府信息公开'));
    const noTable = previewOf(lint(without(text, four + 2, 4)));
    assert.deepEqual([table(noTable, 'review').found, table(noTable, 'review').notes.map((n) => n.text)], [false, ['第四部分中没有找到可以读取的统计表（可能被删除、以图片插入或改写成了文字）。']]);
    const noPart = previewOf(lint(without(text, four, 6)), 'en');
    assert.deepEqual(table(noPart, 'review').notes.map((n) => n.text), ['The report has no part 4, so the part 4 table cannot be shown.']);
    assert.equal(noPart.strings.noReport, 'Open an annual government-information-disclosure report in the editor.');
  });
});
