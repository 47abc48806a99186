// Parts 二, 三 and 四 each hold a statistical table.
import { format, partNumeral } from '../messages';
import { tableForPart } from '../template';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'table-missing', severity: 'error', fixable: false, docs: 'docs/rules/table-missing.md',
    description: { 'zh-CN': '第二、三、四部分没有可识别的表格', en: 'Part 二, 三 or 四 holds no recognisable table' },
  },
  messages: {
    'zh-CN': { missing: '第{n}部分没有可识别的“{table}”表格' },
    en: { missing: 'Part {n} holds no recognisable table ({table})' },
  },
  check(ctx) {
    if (!ctx.template) return;
    const done = new Set<number>();
    for (const part of ctx.parsed.report.parts) {
      if (done.has(part.number) || !tableForPart(ctx.template.id, part.number)) continue;
      done.add(part.number);
      if (part.table && part.table.rows.length > 0) continue;
      const id = tableForPart(ctx.template.id, part.number)!.id;
      ctx.report({ range: part.heading.range, message: 'missing', args: { n: partNumeral(part.number, ctx.locale), table: format(ctx.locale, `table.${id}`) } });
    }
  },
};
