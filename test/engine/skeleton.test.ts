// A new report written from the template data: in both templates and both layouts it lints with exactly the
// cell-blank findings of its blank cells (one per cell, or per row of cells side by side), and one on each table for
// its columns blank in every row, nothing else; filled with figures it lints clean; given last year's
// report it carries 四、结转下年度 into 二、上年结转 and (2021 format) 现行有效件数 forward, to be confirmed.
import assert from 'node:assert/strict';
import { applyFixes, lint, skeleton, type SkeletonLayout, type TemplateId } from '../../server/src/engine';
import { cellRange } from '../../server/src/engine/lookup';
import { blankColumns } from '../../server/src/engine/rules/patterns';
import { printedRows } from '../../server/src/engine/template/grid';
import { columnsOf, templates } from '../../server/src/engine/template';
import { blanksCovered } from '../support/findings';
import { corpus, example, hasCorpus } from '../support/paths';

const OFFICE = '某市某区某街道办事处';
const cases: [number, TemplateId, SkeletonLayout][] = [
  [2019, 'T2019', 'row-per-line'], [2020, 'T2019', 'pipe'], [2021, 'T2021', 'row-per-line'], [2023, 'T2021', 'pipe'],
  [2020, 'T2019', 'row-per-line'], [2024, 'T2021', 'pipe'],
];
const at = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
const cellsOf = (id: TemplateId) => templates[id].tables.reduce((n, t) => n + printedRows(t).reduce((m, r) => m + columnsOf(t, r).length, 0), 0);

describe('new report skeleton', () => {
  for (const [year, template, layout] of cases) {
    it(`${year} (${template}), ${layout}: cell-blank for every template cell, one per table for its blank columns, nothing else`, () => {
      const s = skeleton({ office: OFFICE, year, layout });
      assert.equal(s.template, template);
      const { report, findings } = lint(s.text, { strict: true });
      assert.deepEqual([report.year, report.template, report.title?.text], [year, template, `${OFFICE}${year}年政府信息公开工作年度报告`]);
      assert.deepEqual([report.period?.from, report.period?.to], [{ year, month: 1, day: 1 }, { year, month: 12, day: 31 }]);
      assert.deepEqual(report.parts.map((p) => [p.number, p.headingMatch]), [1, 2, 3, 4, 5, 6].map((n) => [n, 'exact']));
      assert.deepEqual(report.tables.map((t) => [t.id, t.layout, t.template]), ['active', 'applications', 'review'].map((id) => [id, layout, template]));
      for (const t of report.tables) {
        assert.deepEqual(t.rows.map((r) => r.id), printedRows(templates[template].tables.find((d) => d.id === t.id)!).map((r) => r.id), t.id);
        for (const r of t.rows) assert.equal(r.foundCells, r.expectedCells, `${t.id} ${r.id}`);
      }
      const cells = report.tables.flatMap((t) => t.rows.flatMap((r) => r.cells));
      assert.equal(cells.length, cellsOf(template));
      // Each cell's finding, or the one finding of a row's cells side by side (row per line), covers it: its first
      // fix fills exactly the cells under the finding.
      const [perTable, perCell] = [findings.filter((f) => f.related), findings.filter((f) => !f.related)];
      assert.ok(perCell.every((f) => f.rule === 'cell-blank'));
      assert.deepEqual(perCell.flatMap((f) => f.fixes[0].edits.map((e) => at(e.range))), cells.map((c) => at(c.range)));
      for (const f of perCell) {
        const under = cells.filter((c) => f.fixes[0].edits.some((e) => at(e.range) === at(c.range)));
        assert.deepEqual(at(f.range), at({ start: cellRange(under[0]).start, end: cellRange(under[under.length - 1]).end }));
      }
      if (layout === 'row-per-line') assert.ok(perCell.length < cells.length / 3, `${perCell.length} findings: a row's blank cells side by side are one`);
      // Columns blank in every row (at least five rows) are also said once, on the table's first line.
      const patterned = report.tables.filter((t) => blankColumns(t).columns.length > 0);
      assert.deepEqual(perTable.map((f) => `${f.rule}@${f.range.start.line}`), patterned.map((t) => `cell-blank@${t.range.start.line}`));
      assert.ok(patterned.some((t) => t.id === 'applications'), 'table 三: all seven columns blank in every row');
    });
  }

  it('filled with figures (every blank cell 0), the skeleton lints clean', () => {
    for (const [year, , layout] of cases) {
      const s = skeleton({ office: OFFICE, year, layout });
      // Each finding's own fix fills its cells with 0 (a row's cells side by side at once).
      const filled = applyFixes(s.text, lint(s.text).findings.filter((f) => !f.related).map((f) => f.fixes[0])).text;
      assert.deepEqual(lint(filled, { strict: true }).findings.map((f) => f.rule), [], `${year} ${layout}`);
    }
  });

  it('in an English UI the report is the same Chinese text (the checks read its words: 统计期限, 信息处理费)', () => {
    for (const [year, , layout] of cases) {
      const en = skeleton({ office: OFFICE, year, layout, locale: 'en' });
      assert.equal(en.text, skeleton({ office: OFFICE, year, layout }).text);
      assert.deepEqual([...new Set(lint(en.text, { locale: 'en' }).findings.map((f) => f.rule))], ['cell-blank']);
    }
  });

  it('the template follows the year: 2019–2020 the 2019 format, from 2021 the 2021 format; none before 2019', () => {
    assert.deepEqual([2019, 2020, 2021, 2030].map((year) => skeleton({ office: OFFICE, year, layout: 'pipe' }).template), ['T2019', 'T2019', 'T2021', 'T2021']);
    assert.throws(() => skeleton({ office: OFFICE, year: 2018, layout: 'pipe' }), RangeError);
  });

  it('from last year (2023 example, 2021 format): 上年结转 ← 结转下年度, 现行有效件数 carried to confirm', () => {
    const last = lint(example('clean-2023-row-per-line.txt')).report;
    for (const layout of ['row-per-line', 'pipe'] as const) {
      const s = skeleton({ office: OFFICE, year: 2024, layout, lastYear: last });
      const lines = s.text.split('\n');
      assert.deepEqual(s.carried.map((c) => [c.row, c.column, c.value, c.confirm, lines[c.range.start.line].slice(c.range.start.character, c.range.end.character)]), [
        ['active.regulations', 'in-force', '0', true, '0'], ['active.normative', 'in-force', '0', true, '0'],
        ...[['natural', '2'], ['business', '0'], ['research', '0'], ['charity', '0'], ['legal', '1'], ['other', '0'], ['total', '3']].map(([c, v]) => ['app.carried-over', c, v, false, v]),
      ]);
      assert.deepEqual(s.notCarried, []);
      assert.match(s.text, /现行有效件数沿用2023年度报告的数字/);
      const { report, findings } = lint(s.text, { strict: true });
      const carriedAt = new Set(s.carried.map((c) => at(c.range)));
      const cells = report.tables.flatMap((t) => t.rows.flatMap((r) => r.cells));
      assert.deepEqual(cells.filter((c) => c.kind === 'number').map((c) => at(c.range)), [...carriedAt], layout);
      assert.deepEqual([...new Set(findings.map((f) => f.rule))], ['cell-blank'], layout);
      assert.equal(blanksCovered(findings), cellsOf('T2021') - carriedAt.size, layout);
    }
  });

  it('from a 2019-format report: only 上年结转 is carried (its 对外公开总数量 is not 现行有效件数)', () => {
    const last = lint(example('clean-2020-cell-per-line.txt')).report;
    const s = skeleton({ office: OFFICE, year: 2021, layout: 'row-per-line', lastYear: last });
    assert.equal(s.template, 'T2021');
    assert.deepEqual([...new Set(s.carried.map((c) => c.row))], ['app.carried-over']);
    assert.ok(!s.text.includes('现行有效件数沿用'));
  });

  it('from a report whose 结转下年度 is blank (corpus 004): nothing carried, the blank cells named', function () {
    if (!hasCorpus) this.skip();
    const s = skeleton({ office: OFFICE, year: 2021, layout: 'pipe', lastYear: lint(corpus()['004'].text).report });
    assert.deepEqual(s.carried.map((c) => c.column), ['total']);
    assert.deepEqual(s.notCarried, ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((c) => `“四、结转下年度继续办理”行“${c}”列`));
  });
});
