// Runs the rules. Rule ids are a public contract (editor, CLI, configuration, docs).
import { format } from '../messages';
import type { ParsedReport } from '../parse/report';
import { templates } from '../template';
import type { Finding, LintOptions, Locale, RuleFailure, RuleMeta, Severity } from '../types';
import { allRules } from './all.generated';
import type { Rule } from './rule';

export const rules: readonly Rule[] = allRules;
export const ruleMetas: readonly RuleMeta[] = allRules.map((r) => r.meta);

export function ruleMeta(id: string): RuleMeta | undefined {
  return ruleMetas.find((m) => m.id === id);
}

export function runRules(parsed: ParsedReport, options: LintOptions, failures: RuleFailure[] = []): Finding[] {
  const locale: Locale = options.locale ?? 'zh-CN';
  const { report } = parsed;
  const template = report.template && !report.preTemplate ? templates[report.template] : null;
  const findings: Finding[] = [];
  for (const rule of allRules) {
    const setting = options.rules?.[rule.meta.id];
    if (setting === 'off') continue;
    const severity: Severity = setting ?? rule.meta.severity;
    const t = (key: string, args?: Record<string, string | number>) => format(locale, key, args, rule.messages);
    try {
      rule.check({
        parsed, template, locale, t,
        report: (r) => findings.push({
          rule: rule.meta.id,
          // A finding reported below the rule's level (e.g. "could not be checked") keeps its own severity.
          severity: r.severity && rank(r.severity) > rank(severity) ? r.severity : severity,
          message: t(r.message, r.args),
          range: r.range,
          fixes: r.fixes ?? [],
        }),
      });
    } catch (e) {
      // One faulty rule must not take the others (or the editor) down, nor vanish: it becomes an info finding at
      // the start of the document (as markdownlint's handleRuleFailures). Tests run with strict to see it thrown.
      if (options.strict) throw e;
      const detail = e instanceof Error ? e.message : String(e);
      failures.push({ rule: rule.meta.id, error: e instanceof Error ? e.stack ?? e.message : detail });
      findings.push({
        rule: rule.meta.id, severity: 'info', fixes: [],
        message: format(locale, 'ruleFailed', { rule: rule.meta.id, detail }),
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return findings;
}

const ORDER: Severity[] = ['error', 'warning', 'info', 'hint'];
function rank(s: Severity): number { return ORDER.indexOf(s); }
