// A report with no year anywhere and no label of one version only is checked against the current format (T2021),
// with one info saying so, instead of having every table rule skipped.
import assert from 'node:assert/strict';
import { lint, type Finding } from '../../server/src/engine';
import { example } from '../support/paths';

const clean = example('clean-2023-row-per-line.txt');
const at = (f: Finding) => `${f.severity} ${f.rule} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;

/** The clean example without its years and without what tells a version: table 二 and the split （六） rows. */
function yearless(): string {
  const lines = clean.replace('某街道办事处2023年政府', '某街道办事处政府').replace('本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。', '').split('\n');
  const from = lines.indexOf('第二十条第（一）项');
  lines.splice(from, lines.indexOf('行政事业性收费\t0') + 1 - from);
  const six = lines.findIndex((l) => l.startsWith('\t（六）其他处理'));
  lines.splice(six, 3, '\t（六）其他处理\t0\t0\t0\t0\t1\t0\t1');
  return lines.join('\n');
}

describe('template choice without a year', () => {
  it('no year, no version-specific label: T2021 is assumed, said once, and the tables are checked', () => {
    // One defect in table 三 (a cell dropped from 二、上年结转) shows that its rules run.
    const text = yearless().replace('二、上年结转政府信息公开申请数量\t2\t1\t0\t0\t0\t0\t3', '二、上年结转政府信息公开申请数量\t2\t1\t0\t0\t0\t3');
    const r = lint(text, { strict: true });
    assert.deepEqual([r.report.year, r.report.template, r.report.templateSource], [null, 'T2021', 'assumed']);
    const title = text.split('\n')[0].length;
    assert.deepEqual(r.findings.map(at), [
      `warning period-mismatch 0:0-0:${title}`,
      `info template-version 0:0-0:${title}`,
      'error table-missing 28:0-28:12',
      'error row-cells 37:0-37:28',
      'info template-version 56:1-56:8',
    ]);
    const assumed = r.findings.find((f) => f.rule === 'template-version' && f.severity === 'info')!;
    assert.equal(assumed.message, '报告没有写明年度（标题和统计期限中都没有），表格也没有某一版本特有的栏目，因此按现行的2021年版格式检查表格');
    assert.match(lint(text, { locale: 'en' }).findings[1].message, /checked against the current format, the 2021 template/);
  });

  it('version-specific labels still decide, without the info', () => {
    const text = clean.replace('某街道办事处2023年政府', '某街道办事处政府').replace('统计期限自2023年1月1日起至2023年12月31日止', '统计期限自年初起至年末止');
    const r = lint(text, { strict: true });
    assert.deepEqual([r.report.template, r.report.templateSource], ['T2021', 'labels']);
    assert.ok(!r.findings.some((f) => f.rule === 'template-version'));
  });

  it('a year before 2019 is not checked as T2021 (the old structure), even without labels', () => {
    const text = yearless().replace('某街道办事处政府', '某街道办事处2017年政府');
    const r = lint(text, { strict: true });
    assert.deepEqual([r.report.template, r.report.preTemplate], [null, true]);
    assert.ok(!r.findings.some((f) => f.rule === 'table-missing' || f.rule === 'row-cells'));
  });
});
