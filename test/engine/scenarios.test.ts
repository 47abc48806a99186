// Scenario tests in the manner of markdownlint's: each fixture under test/fixtures/scenarios carries its expected
// findings as markers at the end of the lines that must trigger them — `{rule-id}` for a finding at the rule's
// default severity of error or warning, `{rule-id:info}` (or :hint, :warning, :error) for another severity. The
// runner strips the markers (they never change line numbers), lints, and asks for exactly the marked findings at
// error and warning, and at least the marked ones at info and hint. Then every fixture's safe fixes are applied
// until nothing changes, and the result must hold no error or warning that a safe fix was offered for.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fixAll, lint, type Finding, type Severity } from '../../server/src/engine';
import { readScenario, scenariosDir } from '../support/scenarios';

const loud = (s: Severity) => s === 'error' || s === 'warning';
const key = (f: Finding) => `${f.rule}:${f.severity}@${f.range.start.line}`;

export function checkScenario(name: string, source: string): void {
  const { text, expected } = readScenario(source);
  const found = lint(text, { strict: true }).findings;
  const quietExpected = new Set(expected.filter((e) => !loud(e.split(':')[1].split('@')[0] as Severity)));
  const got = found.filter((f) => loud(f.severity) || quietExpected.has(key(f))).map(key).sort();
  assert.deepEqual(got, expected, `${name}: findings differ from the markers`);
  // Fixes converge: after the safe fixes, no finding that offered one is left.
  const fixed = fixAll(text, lint, { suggestions: false });
  const left = lint(fixed.text).findings.filter((f) => loud(f.severity) && f.fixes.some((x) => x.safe));
  assert.deepEqual(left.map(key), [], `${name}: safe fixes did not converge`);
}

describe('scenarios (expected findings as markers in the fixtures)', () => {
  const files = readdirSync(scenariosDir).filter((f) => /\.(txt|md)$/.test(f)).sort();
  it('there are scenarios', () => assert.ok(files.length >= 10, `${files.length} fixtures`));
  for (const f of files) it(f, () => checkScenario(f, readFileSync(path.join(scenariosDir, f), 'utf8')));
});
