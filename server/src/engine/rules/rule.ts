// What a rule is and what it receives. A rule module exports `rule: Rule`; the registry lists the modules.
import type { ParsedReport } from '../parse/report';
import type { TemplateDef } from '../template/types';
import type { Fix, Locale, PreviousYear, Range, RelatedLocation, RuleMeta, RuleOptions, Severity, YearFacts } from '../types';

/** Messages of one rule, in each locale: key → template with {name} placeholders. */
export type RuleMessages = Record<Locale, Record<string, string>>;

export interface Report {
  range: Range;
  /** Message key in the rule's catalogue, and its arguments. */
  message: string;
  args?: Record<string, string | number>;
  fixes?: Fix[];
  /** A lower severity for this finding only (e.g. info for "could not be checked"). */
  severity?: Severity;
  /** Other places that belong to the same problem (the rows of a pattern, last year's cell), each with its message. */
  related?: RelatedLocation[];
}

export interface RuleContext {
  parsed: ParsedReport;
  /** The template the report is checked against (null when it could not be determined or is pre-2019). */
  template: TemplateDef | null;
  locale: Locale;
  /** A message of this rule's catalogue, or of the shared one (keys starting with "common."). */
  t(key: string, args?: Record<string, string | number>): string;
  report(r: Report): void;
  /** Whether a rule runs in this lint (not turned off): a rule may leave to another what that one says. */
  enabled(ruleId: string): boolean;
  options: RuleOptions;
}

/** What a year-against-year rule receives: this year's facts and last year's report. */
export interface CompareContext {
  current: YearFacts;
  previous: PreviousYear;
  locale: Locale;
  t(key: string, args?: Record<string, string | number>): string;
  report(r: Report): void;
  /** A line for the hover of a cell (last year's figure beside this year's). */
  note(range: Range, markdown: string): void;
  options: RuleOptions;
}

/**
 * A rule checks one report (`check`), or compares it with last year's report of the same office (`compare`,
 * run only when the adapter found that report: see years/compare.ts).
 */
export interface Rule {
  meta: RuleMeta;
  messages: RuleMessages;
  check?(ctx: RuleContext): void;
  compare?(ctx: CompareContext): void;
}
