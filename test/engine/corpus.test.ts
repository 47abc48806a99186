// The five tidy reports of ../shared/corpus: every part and table is found, in its layout; year, template and
// period are read; the findings are exactly those of test/support/corpus-expected.ts, in both languages.
import assert from 'node:assert/strict';
import { lint, type LintResult } from '../../server/src/engine';
import { CORPUS } from '../support/corpus-expected';
import { blanksCovered, countBy, described } from '../support/findings';
import { corpus, corpusDir, eachOf } from '../support/paths';

const periodOf = ({ report }: LintResult) => (report.period
  ? `${report.period.from.year}-${report.period.from.month}-${report.period.from.day}..${report.period.to.year}-${report.period.to.month}-${report.period.to.day}`
  : null);

describe('corpus reports', function () {
  const files = corpus();
  const reports = Object.entries(files).map(([id, { text }]): [string, string] => [id, text]);

  it('the expectations name exactly the corpus reports', function () {
    if (!reports.length) this.skip();
    assert.deepEqual(Object.keys(files), Object.keys(CORPUS));
  });

  eachOf(reports, corpusDir, (id) => `${id}: six parts, three tables in their layout, year, template, period, and the expected findings`, (id, text) => {
    const e = CORPUS[id];
    const r = lint(text, { strict: true });
    const { report } = r;
    assert.deepEqual(report.parts.map((p) => p.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(report.tables.map((t) => t.id), ['active', 'applications', 'review']);
    assert.deepEqual(report.tables.map((t) => t.layout), [e.layout, e.layout, e.layout]);
    const [active, apps, review] = report.tables;
    assert.equal(active.rows.length, report.template === 'T2019' ? 8 : 6, 'active rows');
    assert.equal(apps.rows.length, 23, 'application rows'); // all four keep one （六） row
    assert.deepEqual([review.rows.length, review.rows[0].cells.length], [1, 15], 'review row and cells');
    assert.deepEqual([report.year, report.yearSource, report.template, periodOf(r)], [e.year, e.yearSource, e.template, e.period]);
    if (e.findings) assert.deepEqual(r.findings.map(described), e.findings);
    if (e.summary) {
      assert.deepEqual(countBy(r.findings), e.summary.counts);
      // Each blank cell's finding (the table's finding for its blank columns, with related places, is on its heading).
      const blanks = r.findings.filter((f) => f.rule === 'cell-blank' && !f.related);
      const [first, last] = e.summary.blankLines;
      assert.ok(blanks.every((f) => f.range.start.line >= first && f.range.start.line <= last && f.range.start.character === 0));
      assert.deepEqual([blanks[0].range.start.line, blanks[blanks.length - 1].range.start.line], [first, last]);
    }
  });

  it('000: the five blank 行政复议 cells of table 四, side by side: one finding with a fix for each, and no "cannot be checked"', function () {
    const c = files['000'];
    if (!c) this.skip();
    // Five tabs side by side: one finding over them (VS Code's hover would show a finding on each tab with its
    // neighbours'), fixing all five or each one. The 行政复议 total is one of them: no info on the same cell.
    const { findings } = lint(c.text, { strict: true });
    assert.equal(findings[0].message, '“行政复议·结果维持”至“行政复议·总计”列共 5 格未填写；没有发生的请填 0，不能留空');
    assert.deepEqual(findings[0].fixes.map((x) => x.title), [
      '确认均未发生，“行政复议·结果维持”至“行政复议·总计”列 5 格全部填 0',
      ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((col) => `确认未发生，“行政复议·${col}”列填 0`),
    ]);
    assert.equal(blanksCovered(findings), 5);
  });

  it('001: the truncated heading of part 三 gets one safe fix, the template heading', function () {
    const c = files['001'];
    if (!c) this.skip();
    const { findings } = lint(c.text, { strict: true });
    const title = findings.find((f) => f.rule === 'section-title')!;
    assert.deepEqual(title.fixes.map((x) => [x.safe, x.edits[0].newText]), [[true, '三、收到和处理政府信息公开申请情况']]);
    assert.match(findings[0].message, /没有写明统计期限/);
  });

  it('002: every outcome row of table 三 is short of one cell (21 rows): said once on the table, each row refers to it', function () {
    const c = files['002'];
    if (!c) this.skip();
    const [table, first] = lint(c.text, { strict: true }).findings;
    assert.equal(table.message, '第三部分表格 21 行均少 1 列：每行应有 7 个数字，实有 6 个，可能有整列漏填或错位，请对照原表核对');
    assert.deepEqual(table.related!.map((r) => r.range.start.line), Array.from({ length: 21 }, (_, i) => 72 + i));
    assert.equal(table.related![0].message, '“（一）予以公开”行：实有 6 个数字');
    assert.equal(first.message, '“（一）予以公开”行应有 7 个数字，实有 6 个（本表 21 行同样如此，见表格开头）');
    assert.equal(first.related, undefined);
  });

  it('004: table 三 leaves the six applicant columns blank in all 23 rows: said once on the table, with the rows as related places', function () {
    const c = files['004'];
    if (!c) this.skip();
    // One finding on the table, then the 138 cells. The 35 "cannot be checked" infos of the sums these columns
    // leave open are not repeated: the table's finding says it once.
    const [table, ...blanks] = lint(c.text, { strict: true }).findings;
    assert.equal(described(table), 'error cell-blank 91:1-91:35');
    assert.equal(table.message, '第三部分表格“自然人”至“其他”6 列在全部 23 行均未填写，共 138 格：没有发生的请填 0，不能留空；相关合计暂无法核对');
    assert.equal(table.related!.length, 23);
    assert.deepEqual(table.related![0], { range: { start: { line: 109, character: 0 }, end: { line: 114, character: 1 } }, message: '“一、本年新收政府信息公开申请数量”行：6 格未填写' });
    assert.deepEqual(table.fixes.map((x) => [x.title, x.scope, x.edits.length]), [['确认均未发生，第三部分表格 138 个空白格全部填 0', 'table', 138]]);
    assert.equal(blanks[0].message, '“一、本年新收政府信息公开申请数量”行“自然人”列未填写（本表“自然人”至“其他”6 列均未填写，见表格开头）');
    // The blank is shown on the tab of its line, and the fix fills the empty cell after it.
    assert.deepEqual(blanks[0].fixes.map((x) => [x.safe, x.scope ?? 'finding', x.edits.length]), [[false, 'finding', 1], [false, 'table', 138]]);
    assert.deepEqual(blanks[0].fixes[0].edits[0], { range: { start: { line: 109, character: 1 }, end: { line: 109, character: 1 } }, newText: '0' });
  });

  eachOf(reports, corpusDir, (id) => `${id}: the same findings in English, with English messages`, (id, text) => {
    const zh = lint(text, { strict: true }).findings;
    const en = lint(text, { locale: 'en', strict: true }).findings;
    assert.deepEqual(en.map(described), zh.map(described));
    for (const f of en) assert.doesNotMatch(f.message, /应为|空白|不一致|未填写/, f.message);
  });
});
