// The one entry the adapters (language server, CLI, tests) call. Data flows one way:
// text → parse → model → rules → findings (+ fixes). Hover and outline read the model; they never re-parse.
import { parseReport } from './parse/report';
import { runRules } from './rules/registry';
import type { LintOptions, LintResult } from './types';
import { withPreviousYear } from './years/compare';
import { factsOf } from './years/facts';

export * from './types';
export { applyFixes, fixAll, pickFixes } from './fix';
export type { ApplyResult, FixAllResult } from './fix';
export { byPlace, ruleMessage, ruleMetas, ruleMeta } from './rules/registry';
export { PART_FIVE_MIN_LENGTH } from './rules/section-content';
export { REUSE_THRESHOLD } from './rules/text-reuse';
export { format, translator } from './messages';
export type { Args, Catalogue } from './messages';
export { outline } from './outline';
export type { OutlineNode } from './outline';
export { hoverAt } from './hover';
export type { HoverInfo } from './hover';
export { LineIndex } from './text';
export { identityOf, skeleton } from './skeleton';
export { previewOf } from './preview';
export { snippetsAt } from './snippets';
export type { Snippet } from './snippets';
export type { PreviewBalance, PreviewBlock, PreviewCell, PreviewFinding, PreviewLabel, PreviewModel, PreviewRow, PreviewTable } from './preview';
export type { CarriedFigure, Skeleton, SkeletonLayout, SkeletonOptions } from './skeleton';
export { comparable, compareYears, withPreviousYear } from './years/compare';
export { mapFactRanges } from './years/facts';
export { officeOf, organKindOf } from './years/identity';
export { pairReports } from './years/pairing';
export type { PairingInput, Pairing, PairingNote } from './years/pairing';

/**
 * Parse a report and run every enabled rule; with `previous` (last year's report of the same office) the
 * year-against-year rules too. Never throws on any input text.
 */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const parsed = parseReport(text, options);
  const failures: LintResult['failures'] = [];
  const findings = runRules(parsed, options, failures);
  const result: LintResult = { report: parsed.report, findings, failures };
  if (!options.facts && !options.previous) return result;
  result.facts = factsOf(parsed);
  return options.previous ? withPreviousYear(result, options.previous, options) : result;
}
