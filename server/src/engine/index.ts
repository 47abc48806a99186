// The one entry the adapters (language server, CLI, tests) call. Data flows one way:
// text → parse → model → rules → findings (+ fixes). Hover and outline read the model; they never re-parse.
import { parseReport } from './parse/report';
import { runRules } from './rules/registry';
import type { LintOptions, LintResult } from './types';

export * from './types';
export { applyFixes, fixAll, pickFixes } from './fix';
export type { ApplyResult, FixAllResult } from './fix';
export { ruleMessage, ruleMetas, ruleMeta } from './rules/registry';
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
export { templates } from './template';

/** Parse a report and run every enabled rule. Never throws on any input text. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const parsed = parseReport(text, options);
  const failures: LintResult['failures'] = [];
  const findings = runRules(parsed, options, failures);
  return { report: parsed.report, findings, failures };
}
