// A part heading must read as the template's, or one of the variants accepted in published reports.
import { format } from '../messages';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'section-title', severity: 'warning', fixable: 'safe', docs: 'docs/rules/section-title.md',
    name: { 'zh-CN': '部分标题', en: 'Part heading' },
    description: { 'zh-CN': '部分标题与模板不一致（错字、截断、编号错误）', en: 'A part heading differs from the template (typo, truncation, numbering)' },
  },
  messages: {
    'zh-CN': { title: '标题“{actual}”与模板不一致，应为“{expected}”', fixAll: '恢复本文档 {n} 处模板标题' },
    en: { title: 'The heading “{actual}” differs from the template: “{expected}”', fixAll: 'Restore the template wording of {n} headings' },
  },
  check(ctx) {
    for (const h of ctx.parsed.headings) {
      if (h.match !== 'mismatch') continue;
      ctx.report({
        range: h.heading.range, message: 'title', args: { actual: h.heading.text, expected: h.expected },
        // Restoring the template wording is certain: the heading was recognised as this part.
        fixes: [{ title: format(ctx.locale, 'fix.heading', { heading: h.expected }), edits: [{ range: h.heading.range, newText: h.expected }], safe: true }],
      });
    }
  },
};
