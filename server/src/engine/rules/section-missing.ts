// Each of the six parts (条例 第五十条) must be present.
import { templates } from '../template';
import { partNumeral } from '../messages';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'section-missing', severity: 'error', fixable: false, docs: 'docs/rules/section-missing.md',
    name: { 'zh-CN': '缺少部分', en: 'Missing part' },
    description: { 'zh-CN': '缺少六个部分之一', en: 'One of the six parts is missing' },
  },
  messages: {
    'zh-CN': { missing: '缺少第{n}部分“{heading}”' },
    en: { missing: 'Part {n}, “{heading}”, is missing' },
  },
  check(ctx) {
    const { report, index } = ctx.parsed;
    const present = new Set(report.parts.map((p) => p.number));
    for (const def of templates.T2021.parts) {
      if (present.has(def.number)) continue;
      // Where the part should start: at the next part that is there, else at the end of the text.
      const next = report.parts.filter((p) => p.number > def.number).sort((a, b) => a.heading.range.start.line - b.heading.range.start.line)[0];
      const at = next ? { line: next.heading.range.start.line, character: 0 } : index.end;
      ctx.report({ range: { start: at, end: next ? next.heading.range.end : at }, message: 'missing', args: { n: partNumeral(def.number, ctx.locale), heading: def.heading } });
    }
  },
};
