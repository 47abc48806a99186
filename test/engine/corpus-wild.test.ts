// The reports of ../shared/corpus-wild in every text form they come in (a browser's innerText, a real copy of the
// page, pdftotext -layout) get exactly the findings its README lists, and nothing else at error or warning.
// The expectations are written once per report, by what they are about (a heading, a cell of the model, a line of
// prose), since line numbers differ between forms. The saved page (.html) is read by readDocument, as the CLI
// and the editor read it, and its text checked the same way.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { lint, type Finding, type LintOptions, type LintResult, type Range } from '../../server/src/engine';
import { readDocument } from '../../server/src/formats';
import { repoRoot } from '../support/paths';

export const corpusWildDir = path.resolve(repoRoot, '..', 'shared', 'corpus-wild');

/** Where a finding must be. */
type At =
  | { line: string } // the finding's first line contains this text
  | { cell: [table: string, row: string, column: string] } // on this cell of the parsed model
  | { row: [table: string, row: string] } // on this row's label
  | { table: string }; // inside this table

interface Expected { rule: string; severity: Finding['severity']; at: At }

const heading = (text: string): Expected => ({ rule: 'section-title', severity: 'warning', at: { line: text } });

/** corpus-wild/README.md, "What each report holds", as expectations. */
export const EXPECTED: Record<string, Expected[]> = {
  '001_pingtan_czj_2024': [{ rule: 'narrative-mismatch', severity: 'warning', at: { line: '共61条' } }],
  '002_pingtan_zone_2025': [],
  '004_pingtan_hzs_2021': [],
  '005_pingtan_nyn_2021': [
    { rule: 'balance-outcome-total', severity: 'error', at: { cell: ['applications', 'app.total', 'natural'] } },
    { rule: 'balance-outcome-total', severity: 'error', at: { cell: ['applications', 'app.total', 'other'] } },
    { rule: 'balance-carryover', severity: 'error', at: { cell: ['applications', 'app.total', 'natural'] } },
    { rule: 'balance-carryover', severity: 'error', at: { cell: ['applications', 'app.total', 'other'] } },
    heading('五、政府信息公开存在的主要问题及改进情况'),
    heading('六、需要说明的其他事项与附表'),
  ],
  '008_pingtan_shs_2021': [
    { rule: 'template-version', severity: 'warning', at: { table: 'active' } },
    // Not in the README: "其他" for "3.其他" under （六）, an info (the issue lists it as a row-label case).
    { rule: 'row-label', severity: 'info', at: { row: ['applications', 'app.other.3'] } },
  ],
  '010_pingtan_hzs_2019': [],
  '012_pingtan_jjf_2022': [heading('四、政府信息公开行政复议与行政诉讼情况')],
  '013_pingtan_zhz_2020': [{ rule: 'period-mismatch', severity: 'warning', at: { line: '' } }],
  '018_huaian_hongze_2024': [
    { rule: 'template-version', severity: 'info', at: { row: ['applications', 'app.other'] } },
    { rule: 'row-label', severity: 'warning', at: { line: '2.其他法律行政止公开' } },
  ],
  '019_pingtan_scj_2020': [],
  '021_pingtan_hzs_2025': [
    { rule: 'row-missing', severity: 'error', at: { row: ['active', 'active.normative'] } },
    heading('四、政府信息公开行政复议与行政诉讼情况'),
  ],
  '023_pingtan_jtj_2023': [],
};

/** The text forms of a report that are in the folder. */
export function textForms(report: string): string[] {
  if (!existsSync(corpusWildDir)) return [];
  return readdirSync(corpusWildDir).filter((f) => f.startsWith(`${report}.`) && f.endsWith('.txt')).sort();
}

function rangeOf(r: LintResult, at: At): Range | null {
  if ('cell' in at) {
    const [t, row, col] = at.cell;
    return r.report.tables.find((x) => x.id === t)?.rows.find((x) => x.id === row)?.cells.find((c) => c.columnId === col)?.range ?? null;
  }
  if ('row' in at) {
    const [t, row] = at.row;
    const found = r.report.tables.find((x) => x.id === t)?.rows.find((x) => x.id === row);
    return found ? found.labelRange ?? found.range : null;
  }
  if ('table' in at) return r.report.tables.find((x) => x.id === at.table)?.range ?? null;
  return null;
}

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);

/** Whether finding f is where `at` says, in `text` linted as `r`. */
export function isAt(f: Finding, at: At, r: LintResult, lines: string[]): boolean {
  if ('line' in at) return lines[f.range.start.line]?.includes(at.line) ?? false;
  const want = rangeOf(r, at);
  if (!want) return false;
  if ('table' in at) return before(want.start, f.range.start) && before(f.range.start, want.end);
  return before(f.range.start, want.end) && before(want.start, f.range.end);
}

/** Findings at error or warning, plus infos that are expected, matched against the expectations one to one. */
export function checkExpected(text: string, expected: Expected[], label: string, options: LintOptions = {}): void {
  const r = lint(text, { strict: true, ...options });
  const lines = text.split(/\r\n|\r|\n/);
  const unmatched = [...expected];
  const extra: string[] = [];
  for (const f of r.findings) {
    const k = unmatched.findIndex((e) => e.rule === f.rule && e.severity === f.severity && isAt(f, e.at, r, lines));
    if (k >= 0) unmatched.splice(k, 1);
    else if (f.severity === 'error' || f.severity === 'warning') extra.push(`${f.severity} ${f.rule}@${f.range.start.line + 1}: ${f.message}`);
  }
  assert.deepEqual(extra, [], `${label}: findings the README does not list`);
  assert.deepEqual(unmatched.map((e) => `${e.severity} ${e.rule} ${JSON.stringify(e.at)}`), [], `${label}: findings the README lists but the linter did not give`);
}

describe('corpus-wild: every text form gets exactly the findings its README lists', function () {
  if (!existsSync(corpusWildDir)) {
    it(`(skipped: ${corpusWildDir} not found)`, function () { this.skip(); });
    return;
  }
  for (const [report, expected] of Object.entries(EXPECTED)) {
    const forms = textForms(report);
    it(`${report}: has text forms`, () => assert.ok(forms.length > 0, `no text form of ${report}`));
    for (const form of forms) {
      it(form, () => checkExpected(readFileSync(path.join(corpusWildDir, form), 'utf8'), expected, form));
    }
    for (const ext of ['html', 'pdf']) {
      const file = path.join(corpusWildDir, `${report}.${ext}`);
      if (!existsSync(file)) continue;
      it(`${report}.${ext}`, async () => {
        const { text, tableFields } = await readDocument(readFileSync(file), file);
        checkExpected(text, expected, `${report}.${ext}`, { tableFields });
      });
    }
  }
});
