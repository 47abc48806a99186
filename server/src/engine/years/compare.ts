// Year against year: the rules with a `compare` method read this year's facts and last year's (found and read
// by the adapter: the CLI among its files, the language server in the workspace) and report on this year's
// report, naming last year's file and figure in the message and as a related location.
import { byPlace, runComparisons } from '../rules/registry';
import type { Finding, LintOptions, LintResult, PreviousYear, YearFacts, YearNote } from '../types';

/** True when `previous` can be last year's report of `current`'s office (years consecutive when both are known). */
export function comparable(current: YearFacts, previous: YearFacts): boolean {
  return current.year === null || previous.year === null || previous.year === current.year - 1;
}

/** The findings of the year-against-year rules on this year's report (none when the years are not consecutive). */
export function compareYears(current: YearFacts, previous: PreviousYear, options: LintOptions): { findings: Finding[]; notes: YearNote[]; failures: LintResult['failures'] } {
  const failures: LintResult['failures'] = [];
  if (!comparable(current, previous.facts)) return { findings: [], notes: [], failures };
  return { ...runComparisons(current, previous, options, failures), failures };
}

/** `result` (of a lint with `facts: true`) with the findings of the year-against-year rules added, in place order. */
export function withPreviousYear(result: LintResult, previous: PreviousYear, options: LintOptions): LintResult {
  if (!result.facts) return result;
  const { findings, notes, failures } = compareYears(result.facts, previous, options);
  if (!findings.length && !notes.length && !failures.length) return result;
  return { ...result, findings: [...result.findings, ...findings].sort(byPlace), failures: [...result.failures, ...failures], yearNotes: notes };
}
