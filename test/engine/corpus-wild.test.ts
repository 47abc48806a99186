// The reports of ../shared/corpus-wild in every text form they come in (a browser's innerText, a real copy of the
// page, pdftotext -layout) get exactly the findings its README lists (test/support/corpus-expected.ts), and nothing
// else at error or warning. The expectations are written once per report, by what they are about (a heading, a cell
// of the model, a line of prose), since line numbers differ between forms. The saved page (.html) is read by
// readDocument, as the CLI and the editor read it, and its text checked the same way.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { lint, type Finding, type LintOptions, type LintResult, type Range } from '../../server/src/engine';
import { readDocument } from '../../server/src/formats';
import { WILD, type At, type WildFinding } from '../support/corpus-expected';
import { hasWild, wildDir } from '../support/paths';

/** The text forms of a report that are in the folder. */
function textForms(report: string): string[] {
  if (!hasWild) return [];
  return readdirSync(wildDir).filter((f) => f.startsWith(`${report}.`) && f.endsWith('.txt')).sort();
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
function isAt(f: Finding, at: At, r: LintResult, lines: string[]): boolean {
  if ('line' in at) return lines[f.range.start.line]?.includes(at.line) ?? false;
  const want = rangeOf(r, at);
  if (!want) return false;
  if ('table' in at) return before(want.start, f.range.start) && before(f.range.start, want.end);
  return before(f.range.start, want.end) && before(want.start, f.range.end);
}

/** Findings at error or warning, plus infos that are expected, matched against the expectations one to one. */
function checkExpected(text: string, expected: WildFinding[], label: string, options: LintOptions = {}): void {
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
  if (!hasWild) {
    it(`(skipped: ${wildDir} not found)`, function () { this.skip(); });
    return;
  }
  for (const [report, expected] of Object.entries(WILD)) {
    const forms = textForms(report);
    it(`${report}: has text forms`, () => assert.ok(forms.length > 0, `no text form of ${report}`));
    for (const form of forms) {
      it(form, () => checkExpected(readFileSync(path.join(wildDir, form), 'utf8'), expected, form));
    }
    for (const ext of ['html', 'pdf']) {
      const file = path.join(wildDir, `${report}.${ext}`);
      if (!existsSync(file)) continue;
      it(`${report}.${ext}`, async () => {
        const { text, tableFields } = await readDocument(readFileSync(file), file);
        checkExpected(text, expected, `${report}.${ext}`, { tableFields });
      });
    }
  }
});
