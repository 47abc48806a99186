// Runs the rules. Rule ids are a public contract (editor, CLI, configuration, docs).
import { format, type Args } from '../messages';
import type { ParsedReport } from '../parse/report';
import { templates } from '../template';
import type { Finding, LintOptions, Locale, PreviousYear, Range, RuleFailure, RuleMeta, Severity, YearFacts, YearNote } from '../types';
import { allRules } from './all.generated';
import type { Report, Rule } from './rule';

export const rules: readonly Rule[] = allRules;
export const ruleMetas: readonly RuleMeta[] = allRules.map((r) => r.meta);

export function ruleMeta(id: string): RuleMeta | undefined {
  return ruleMetas.find((m) => m.id === id);
}

/** A message of a rule's catalogue (or the shared one): for adapters that word actions about a rule's findings. */
export function ruleMessage(locale: Locale, ruleId: string, key: string, args?: Args): string {
  return format(locale, key, args, allRules.find((r) => r.meta.id === ruleId)?.messages);
}

type Translate = (key: string, args?: Record<string, string | number>) => string;

/**
 * Calls `invoke` for every enabled rule that `has` the method, with its translator and reporter; collects the
 * findings, sorted by place. A rule that throws becomes an info finding at the document start.
 */
function runEach(options: LintOptions, failures: RuleFailure[], has: (r: Rule) => boolean, invoke: (rule: Rule, t: Translate, report: (r: Report) => void) => void): Finding[] {
  const locale: Locale = options.locale ?? 'zh-CN';
  const findings: Finding[] = [];
  for (const rule of allRules) {
    const setting = options.rules?.[rule.meta.id];
    if (setting === 'off' || !has(rule)) continue;
    const severity: Severity = setting ?? rule.meta.severity;
    const t: Translate = (key, args) => format(locale, key, args, rule.messages);
    try {
      invoke(rule, t, (r) => findings.push({
        rule: rule.meta.id,
        // A finding reported below the rule's level (e.g. "could not be checked") keeps its own severity.
        severity: r.severity && rank(r.severity) > rank(severity) ? r.severity : severity,
        message: t(r.message, r.args),
        range: r.range,
        fixes: r.fixes ?? [],
        ...(r.related?.length ? { related: r.related } : {}),
      }));
    } catch (e) {
      // One faulty rule must not take the others (or the editor) down, nor vanish: it becomes an info finding at
      // the start of the document (as markdownlint's handleRuleFailures). Tests run with strict to see it thrown.
      if (options.strict) throw e;
      const detail = e instanceof Error ? e.message : String(e);
      failures.push({ rule: rule.meta.id, error: e instanceof Error ? e.stack ?? e.message : detail });
      findings.push({
        rule: rule.meta.id, severity: 'info', fixes: [],
        message: format(locale, 'ruleFailed', { name: rule.meta.name[locale], detail }),
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
    }
  }
  return findings.sort(byPlace);
}

export function runRules(parsed: ParsedReport, options: LintOptions, failures: RuleFailure[] = []): Finding[] {
  const { report } = parsed;
  const template = report.template && !report.preTemplate ? templates[report.template] : null;
  const locale: Locale = options.locale ?? 'zh-CN';
  const enabled = (id: string) => options.rules?.[id] !== 'off';
  return runEach(options, failures, (r) => !!r.check, (rule, t, report) => rule.check!({ parsed, template, locale, t, report, enabled, options: options.ruleOptions ?? {} }));
}

/** The year-against-year rules: this year's facts against last year's report. Notes are for hovers. */
export function runComparisons(current: YearFacts, previous: PreviousYear, options: LintOptions, failures: RuleFailure[] = []): { findings: Finding[]; notes: YearNote[] } {
  const locale: Locale = options.locale ?? 'zh-CN';
  const notes: YearNote[] = [];
  const note = (range: Range, markdown: string) => notes.push({ range, markdown });
  const findings = runEach(options, failures, (r) => !!r.compare, (rule, t, report) => rule.compare!({ current, previous, locale, t, report, note, options: options.ruleOptions ?? {} }));
  return { findings, notes };
}

/** Top to bottom, then by rule id: the order of findings (and of the adapters' diagnostics). */
export function byPlace(a: Pick<Finding, 'range' | 'rule'>, b: Pick<Finding, 'range' | 'rule'>): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

const ORDER: Severity[] = ['error', 'warning', 'info', 'hint'];
function rank(s: Severity): number { return ORDER.indexOf(s); }
