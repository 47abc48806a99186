// The five tidy reports of ../shared/corpus: every part and table is found, in its layout; year, template and
// period are read; the findings are exactly those of test/support/corpus-expected.ts, in both languages.
import assert from 'node:assert/strict';
import { lint, type LintResult } from '../../server/src/engine';
import { CORPUS } from '../support/corpus-expected';
import { countBy, described } from '../support/findings';
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
      const blanks = r.findings.filter((f) => f.rule === 'cell-blank');
      const [first, last] = e.summary.blankLines;
      assert.ok(blanks.every((f) => f.range.start.line >= first && f.range.start.line <= last && f.range.start.character === 0));
      assert.deepEqual([blanks[0].range.start.line, blanks[blanks.length - 1].range.start.line], [first, last]);
    }
  });

  it('000: the blank 行政复议 cells are named by their group and column', function () {
    const c = files['000'];
    if (!c) this.skip();
    assert.match(lint(c.text, { strict: true }).findings[0].message, /行政复议·结果维持为空白/);
  });

  it('001: the truncated heading of part 三 gets one safe fix, the template heading', function () {
    const c = files['001'];
    if (!c) this.skip();
    const title = lint(c.text, { strict: true }).findings.find((f) => f.rule === 'section-title')!;
    assert.deepEqual(title.fixes.map((x) => [x.safe, x.edits[0].newText]), [[true, '三、收到和处理政府信息公开申请情况']]);
    assert.match(lint(c.text, { strict: true }).findings[0].message, /没有写明统计期限/);
  });

  it('004: a blank is shown on the tab of its line, and the fix fills the empty cell after it', function () {
    const c = files['004'];
    if (!c) this.skip();
    const blanks = lint(c.text, { strict: true }).findings.filter((f) => f.rule === 'cell-blank');
    assert.deepEqual(blanks[0].fixes.map((x) => [x.safe, x.scope ?? 'finding', x.edits.length]), [[false, 'finding', 1], [false, 'table', 138]]);
    assert.deepEqual(blanks[0].fixes[0].edits[0], { range: { start: { line: 109, character: 1 }, end: { line: 109, character: 1 } }, newText: '0' });
  });

  eachOf(reports, corpusDir, (id) => `${id}: the same findings in English, with English messages`, (id, text) => {
    const zh = lint(text, { strict: true }).findings;
    const en = lint(text, { locale: 'en', strict: true }).findings;
    assert.deepEqual(en.map(described), zh.map(described));
    for (const f of en) assert.doesNotMatch(f.message, /应为|空白|不一致/, f.message);
  });
});
