// The six parts come once each, in the order of the template.
import { partNumeral } from '../messages';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'section-order', severity: 'error', fixable: false, docs: 'docs/rules/section-order.md',
    name: { 'zh-CN': '部分顺序', en: 'Order of the parts' },
    description: { 'zh-CN': '六个部分顺序错乱或重复', en: 'Parts out of order or repeated' },
  },
  messages: {
    'zh-CN': { repeated: '第{n}部分重复出现', order: '第{n}部分应在第{m}部分之前' },
    en: { repeated: 'Part {n} appears more than once', order: 'Part {n} should come before part {m}' },
  },
  check(ctx) {
    const seen = new Set<number>();
    let highest = 0;
    for (const h of ctx.parsed.headings) {
      const n = partNumeral(h.part, ctx.locale);
      if (seen.has(h.part)) ctx.report({ range: h.heading.range, message: 'repeated', args: { n } });
      else if (h.part < highest) ctx.report({ range: h.heading.range, message: 'order', args: { n, m: partNumeral(highest, ctx.locale) } });
      seen.add(h.part);
      highest = Math.max(highest, h.part);
    }
  },
};
