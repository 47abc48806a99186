// Defects injected into the clean row-per-line example, each with the rule and the place of its finding, and the
// assertion that a finding is there. Shared by the engine's layout tests and the file-format tests, so the same
// expectations run on every layout and every file type.
import assert from 'node:assert/strict';
import type { Finding, LintResult, Range } from '../../server/src/engine';
import { loud } from './findings';
import { example } from './paths';

export const clean2023 = example('clean-2023-row-per-line.txt');

/** Layouts and file types in which a blank cell leaves no trace. */
export const BLANKS_INVISIBLE = ['PDF text (space-aligned)', 'PDF text with page numbers, wrapped and vertical labels', 'paragraph per cell, no tabs (a copied page)', 'single spaces between cells'];

/** Where a finding must be: a heading (by its text) or a cell/row of a table (by template ids). */
export type At =
  | { heading: string }
  | { table: string; row: string; column?: string }
  | { line: string };

export interface Injection {
  name: string;
  rule: string;
  apply(text: string): string;
  at: At;
  /** Layouts where the defect cannot be expressed (a blank cell vanishes in PDF text). */
  skip?: string[];
}

const replaceLine = (text: string, startsWith: string, f: (line: string) => string): string => {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(startsWith));
  assert.ok(i >= 0, `no line starts with ${startsWith}`);
  lines[i] = f(lines[i]);
  return lines.join('\n');
};
/** Replace cell k (0-based, counting label fields too) of the line starting with `startsWith`. */
export const setField = (text: string, startsWith: string, k: number, value: string) =>
  replaceLine(text, startsWith, (l) => { const f = l.split('\t'); f[k] = value; return f.join('\t'); });
const removeLines = (text: string, from: string, to: string | null): string => {
  const lines = text.split('\n');
  const a = lines.findIndex((l) => l.startsWith(from));
  const b = to === null ? lines.length : lines.findIndex((l, i) => i > a && l.startsWith(to));
  assert.ok(a >= 0 && b > a);
  lines.splice(a, b - a);
  return lines.join('\n');
};

export const injections: Injection[] = [
  { name: 'deleting part 五', rule: 'section-missing', apply: (t) => removeLines(t, '五、', '六、'), at: { heading: '六、其他需要报告的事项' } },
  { name: 'moving part 五 after part 六', rule: 'section-order',
    apply: (t) => { const lines = t.split('\n'); const a = lines.findIndex((l) => l.startsWith('五、')); const b = lines.findIndex((l) => l.startsWith('六、')); const five = lines.splice(a, b - a); return [...lines, '', ...five].join('\n'); },
    at: { heading: '五、存在的主要问题及改进情况' } },
  { name: 'truncating the heading of part 三', rule: 'section-title', apply: (t) => t.replace('三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请情'), at: { heading: '三、收到和处理政府信息公开申请情' } },
  { name: 'a typo in the heading of part 二', rule: 'section-title', apply: (t) => t.replace('二、主动公开政府信息情况', '二、主动公开政府政府情况'), at: { heading: '二、主动公开政府政府情况' } },
  { name: 'deleting the table of part 四', rule: 'table-missing', apply: (t) => removeLines(t, '行政复议\t', '五、'), at: { heading: '四、政府信息公开行政复议、行政诉讼情况' } },
  { name: 'deleting the row （二）部分公开', rule: 'row-missing', apply: (t) => removeLines(t, '\t（二）部分公开', '\t（三）不予公开'), at: { table: 'applications', row: 'app.withheld.1' } },
  { name: 'dropping the last cell of 规章', rule: 'row-cells', apply: (t) => replaceLine(t, '规章\t', (l) => l.replace(/\t\d+$/, '')), at: { table: 'active', row: 'active.regulations' } },
  { name: 'blanking 予以公开·自然人', rule: 'cell-blank', apply: (t) => setField(t, '三、本年度办理结果', 2, ''), at: { table: 'applications', row: 'app.granted', column: 'natural' }, skip: BLANKS_INVISIBLE },
  { name: 'writing "/" in 行政许可', rule: 'cell-blank', apply: (t) => setField(t, '行政许可\t', 1, '/'), at: { table: 'active', row: 'active.licensing', column: 'decisions' } },
  { name: 'writing 十 in 行政处罚', rule: 'cell-invalid', apply: (t) => setField(t, '行政处罚\t', 1, '三十六'), at: { table: 'active', row: 'active.penalty', column: 'decisions' } },
  { name: 'a negative count', rule: 'cell-invalid', apply: (t) => setField(t, '行政强制\t', 1, '-2'), at: { table: 'active', row: 'active.enforcement', column: 'decisions' } },
  { name: 'changing 四、结转下年度·自然人', rule: 'balance-carryover', apply: (t) => setField(t, '四、结转下年度', 1, '3'), at: { table: 'applications', row: 'app.carried-forward', column: 'natural' } },
  { name: 'changing the total of 予以公开', rule: 'balance-row-total', apply: (t) => setField(t, '三、本年度办理结果', 8, '13'), at: { table: 'applications', row: 'app.granted', column: 'total' } },
  { name: 'changing （七）总计·自然人', rule: 'balance-outcome-total', apply: (t) => setField(t, '\t（七）总计', 2, '21'), at: { table: 'applications', row: 'app.total', column: 'natural' } },
  { name: 'changing the 行政复议 total', rule: 'balance-review-total', apply: (t) => setField(t, '1\t0\t0\t1\t2', 4, '3'), at: { table: 'review', row: 'review.data', column: 'review.total' } },
  { name: 'the period of another year', rule: 'period-mismatch', apply: (t) => t.replace('自2023年1月1日起至2023年12月31日止', '自2022年1月1日起至2022年12月31日止'), at: { line: '统计期限' } },
  { name: 'a period that is not the calendar year', rule: 'period-mismatch', apply: (t) => t.replace('至2023年12月31日止', '至2023年6月30日止'), at: { line: '统计期限' } },
  { name: 'the prose states another number of applications', rule: 'narrative-mismatch', apply: (t) => t.replace('全年共收到政府信息公开申请26件', '全年共收到政府信息公开申请25件'), at: { line: '全年共收到政府信息公开申请25件' } },
  { name: 'the prose says no application was received', rule: 'narrative-mismatch', apply: (t) => t.replace('全年共收到政府信息公开申请26件', '全年未收到政府信息公开申请'), at: { line: '全年未收到政府信息公开申请' } },
  { name: 'the prose says no reconsideration or lawsuit', rule: 'narrative-mismatch', apply: (t) => t.replace('（二）依申请公开情况', '（二）依申请公开情况\n\n本年度未发生政府信息公开行政复议、行政诉讼案件。'), at: { line: '未发生政府信息公开行政复议' } },
  { name: 'the parts of 共N条 exceed the whole', rule: 'narrative-mismatch', apply: (t) => t.replace('主动公开政府信息312条，其中', '主动公开政府信息共300条，其中'), at: { line: '共300条，其中' } },
  { name: 'emptying part 五', rule: 'section-content', apply: (t) => t.replace(/(五、存在的主要问题及改进情况\n)[\s\S]*?(\n六、)/, '$1\n$2'), at: { heading: '五、存在的主要问题及改进情况' } },
  { name: 'the 2019 wording 规范性文件 in a 2023 report', rule: 'template-version', apply: (t) => t.replace('\n行政规范性文件\t', '\n规范性文件\t'), at: { table: 'active', row: 'active.normative' } },
];

export function expectedRange(result: LintResult, text: string, at: At): Range {
  if ('heading' in at) {
    const lines = text.split(/\r?\n/);
    const line = lines.findIndex((l) => l.includes(at.heading) && !l.includes('\t') && !l.includes('|') && l.length < 60);
    assert.ok(line >= 0, `heading ${at.heading} not in text`);
    return { start: { line, character: 0 }, end: { line, character: -1 } };
  }
  if ('line' in at) {
    const line = text.split(/\r?\n/).findIndex((l) => l.includes(at.line));
    return { start: { line, character: -1 }, end: { line, character: -1 } };
  }
  const table = result.report.tables.find((t) => t.id === at.table);
  assert.ok(table, `table ${at.table} not parsed`);
  const row = table.rows.find((r) => r.id === at.row);
  assert.ok(row, `row ${at.row} not parsed`);
  if (!at.column) return row.labelRange ?? row.range;
  const cell = row.cells.find((c) => c.columnId === at.column);
  assert.ok(cell, `cell ${at.row}/${at.column} not parsed`);
  return cell.range;
}

/** Same start line, and for cells the finding covers the cell (or the separator of an empty one). */
export function assertAt(findings: Finding[], rule: string, want: Range, context: string): void {
  const hits = findings.filter((f) => f.rule === rule && (f.severity === 'error' || f.severity === 'warning'));
  assert.ok(hits.length > 0, `${context}: no ${rule} finding; got ${loud(findings).join(', ')}`);
  const ok = hits.some((f) => f.range.start.line === want.start.line
    && (want.start.character < 0 || want.end.character < 0 || overlapsOrTouches(f.range, want)));
  assert.ok(ok, `${context}: ${rule} at ${hits.map((f) => `${f.range.start.line}:${f.range.start.character}`).join(',')}, want line ${want.start.line}:${want.start.character}`);
}

function overlapsOrTouches(a: Range, b: Range): boolean {
  const s = (p: { line: number; character: number }) => p.line * 100000 + p.character;
  return s(a.start) <= s(b.end) + 1 && s(b.start) <= s(a.end) + 1;
}

