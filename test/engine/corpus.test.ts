// The five real reports: every part and table is found, the real defects are reported, and nothing
// else at error or warning severity. Expectations are written out per file.
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { countBy, loud } from '../support/findings';
import { corpus, hasCorpus, requireCorpus } from '../support/paths';

const range = (f: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }) =>
  `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;

describe('corpus reports', function () {
  before(function () { requireCorpus(this); });
  const files = corpus();
  const run = (id: string) => lint(files[id].text, { strict: true });

  it('finds all six parts and the three tables in every report, with their layouts', function () {
    if (!hasCorpus) this.skip();
    const layouts: Record<string, string> = { '000': 'row-per-line', '001': 'cell-per-line', '002': 'row-per-line', '003': 'cell-per-line', '004': 'cell-per-line' };
    for (const [id, { text }] of Object.entries(files)) {
      const { report } = lint(text, { strict: true });
      assert.deepEqual(report.parts.map((p) => p.number), [1, 2, 3, 4, 5, 6], id);
      assert.deepEqual(report.tables.map((t) => t.id), ['active', 'applications', 'review'], id);
      for (const t of report.tables) assert.equal(t.layout, layouts[id], `${id} ${t.id}`);
      const [active, apps, review] = report.tables;
      assert.equal(active.rows.length, report.template === 'T2019' ? 8 : 6, `${id} active rows`);
      assert.equal(apps.rows.length, 23, `${id} application rows`); // all four keep one （六） row
      assert.equal(review.rows.length, 1, `${id} review row`);
      assert.equal(review.rows[0].cells.length, 15, `${id} review cells`);
    }
  });

  it('reads year, template and period', function () {
    if (!hasCorpus) this.skip();
    const expect: Record<string, [number, string, string, string]> = {
      '000': [2020, 'period', 'T2019', '2020-1-1..2020-12-31'],
      '001': [2021, 'title', 'T2021', 'none'],
      '002': [2020, 'title', 'T2019', '2020-1-1..2020-12-31'],
      '003': [2020, 'title', 'T2019', '2020-1-1..2020-12-31'],
      '004': [2020, 'title', 'T2019', '2020-1-1..2020-12-31'],
    };
    for (const [id, [year, source, template, period]] of Object.entries(expect)) {
      const { report } = run(id);
      const p = report.period ? `${report.period.from.year}-${report.period.from.month}-${report.period.from.day}..${report.period.to.year}-${report.period.to.month}-${report.period.to.day}` : 'none';
      assert.deepEqual([report.year, report.yearSource, report.template, p], [year, source, template, period], id);
    }
  });

  it('000: the five blank 行政复议 cells of table 四, and nothing more on the blank 行政复议 total', function () {
    if (!hasCorpus) this.skip();
    const { findings } = run('000');
    assert.deepEqual(loud(findings), Array(5).fill('cell-blank@94'));
    assert.deepEqual(findings.filter((f) => f.rule === 'cell-blank').map(range), ['94:0-94:1', '94:1-94:2', '94:2-94:3', '94:3-94:4', '94:4-94:5']);
    assert.deepEqual(countBy(findings), { 'error cell-blank': 5 });
    assert.match(findings[0].message, /行政复议·结果维持为空白/);
  });

  it('001: no 统计期限, 行政规范性文件 short of one cell, the truncated heading of part 三, the single （六） row', function () {
    if (!hasCorpus) this.skip();
    const { findings } = run('001');
    assert.deepEqual(findings.map((f) => `${f.severity} ${f.rule} ${range(f)}`), [
      'warning period-mismatch 0:0-1:6',
      'error row-cells 24:1-26:2',
      'warning section-title 57:0-57:16',
      'info template-version 292:1-292:8',
    ]);
    assert.match(findings[0].message, /没有写明统计期限/);
    const title = findings[2];
    assert.deepEqual(title.fixes.map((x) => [x.safe, x.edits[0].newText]), [[true, '三、收到和处理政府信息公开申请情况']]);
  });

  it('002: every outcome row of table 三 is short of one cell (21 rows)', function () {
    if (!hasCorpus) this.skip();
    const { findings } = run('002');
    const lines = Array.from({ length: 21 }, (_, i) => `row-cells@${72 + i}`);
    assert.deepEqual(loud(findings), lines);
    assert.deepEqual(countBy(findings), { 'error row-cells': 21 });
  });

  it('003: clean', function () {
    if (!hasCorpus) this.skip();
    assert.deepEqual(run('003').findings, []);
  });

  it('004: table 三 leaves the six applicant columns blank in all 23 rows', function () {
    if (!hasCorpus) this.skip();
    const { findings } = run('004');
    // The row totals are filled, so R2 could not be checked on them; the blank column totals have their cell-blank.
    assert.deepEqual(countBy(findings), { 'error cell-blank': 138, 'info balance-row-total': 23 });
    const blanks = findings.filter((f) => f.rule === 'cell-blank');
    assert.ok(blanks.every((f) => f.range.start.line >= 109 && f.range.start.line <= 349 && f.range.start.character === 0));
    // The blank is shown on the tab of its line, and the fix fills the empty cell after it.
    assert.deepEqual(blanks[0].fixes.map((x) => [x.safe, x.scope ?? 'finding', x.edits.length]), [[false, 'finding', 1], [false, 'table', 138]]);
    assert.deepEqual(blanks[0].fixes[0].edits[0], { range: { start: { line: 109, character: 1 }, end: { line: 109, character: 1 } }, newText: '0' });
  });

  it('gives the same findings in English, with English messages', function () {
    if (!hasCorpus) this.skip();
    for (const id of Object.keys(files)) {
      const zh = run(id).findings;
      const en = lint(files[id].text, { locale: 'en', strict: true }).findings;
      assert.deepEqual(en.map((f) => `${f.rule}${range(f)}`), zh.map((f) => `${f.rule}${range(f)}`), id);
      for (const f of en) assert.doesNotMatch(f.message, /应为|空白|不一致/, `${id}: ${f.message}`);
    }
  });
});
