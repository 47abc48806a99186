// What a rule is and what it receives. A rule module exports `rule: Rule`; the registry lists the modules.
import type { ParsedReport } from '../parse/report';
import type { TemplateDef } from '../template/types';
import type { Fix, Locale, Range, RuleMeta, Severity } from '../types';

/** Messages of one rule, in each locale: key → template with {name} placeholders. */
export type RuleMessages = Record<Locale, Record<string, string>>;

export interface Report {
  range: Range;
  /** Message key in the rule's catalogue, and its arguments. */
  message: string;
  args?: Record<string, string | number>;
  fixes?: Fix[];
  /** Other places that belong to the same problem (the cells of a pattern), each with its message. */
  related?: { range: Range; message: string }[];
  /** A lower severity for this finding only (e.g. info for "could not be checked"). */
  severity?: Severity;
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
}

export interface Rule {
  meta: RuleMeta;
  messages: RuleMessages;
  check(ctx: RuleContext): void;
}
