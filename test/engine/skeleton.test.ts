// A new report written from the template data: in both templates and both layouts it lints with exactly one
// cell-blank finding per template cell and nothing else; filled with figures it lints clean; given last year's
// report it carries 四、结转下年度 into 二、上年结转 and (2021 format) 现行有效件数 forward, to be confirmed.
import assert from 'node:assert/strict';
import { applyFixes, lint, skeleton, templates, type SkeletonLayout, type TemplateId } from '../../server/src/engine';
import { cellRange } from '../../server/src/engine/rules/support';
import { printedRows } from '../../server/src/engine/template/grid';
import { columnsOf } from '../../server/src/engine/template';
import { corpus, example, hasCorpus } from '../support/paths';

const OFFICE = '某市某区某街道办事处';
const cases: Array<[number, TemplateId, SkeletonLayout]> = [
  [2019, 'T2019', 'row-per-line'], [2020, 'T2019', 'pipe'], [2021, 'T2021', 'row-per-line'], [2023, 'T2021', 'pipe'],
  [2020, 'T2019', 'row-per-line'], [2024, 'T2021', 'pipe'],
];
const at = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
const cellsOf = (id: TemplateId) => templates[id].tables.reduce((n, t) => n + printedRows(t).reduce((m, r) => m + columnsOf(t, r).length, 0), 0);

describe('new report skeleton', () => {
  for (const [year, template, layout] of cases) {
    it(`${year} (${template}), ${layout}: one cell-blank per template cell, nothing else`, () => {
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
      const blanks = report.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => at(cellRange(c)))));
      assert.equal(blanks.length, cellsOf(template));
      assert.deepEqual(findings.map((f) => `${f.rule} ${at(f.range)}`), blanks.map((b) => `cell-blank ${b}`));
    });
  }

  it('filled with figures (every blank cell 0), the skeleton lints clean', () => {
    for (const [year, , layout] of cases) {
      const s = skeleton({ office: OFFICE, year, layout });
      const tableFixes = lint(s.text).findings.flatMap((f) => f.fixes.filter((x) => x.scope === 'table'));
      const filled = applyFixes(s.text, [...new Map(tableFixes.map((f) => [f.title + f.edits.length + at(f.edits[0].range), f])).values()]).text;
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
      assert.deepEqual(findings.map((f) => f.rule), Array(cellsOf('T2021') - carriedAt.size).fill('cell-blank'), layout);
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
    assert.deepEqual(s.notCarried, ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((c) => `四、结转下年度继续办理·${c}`));
  });
});
