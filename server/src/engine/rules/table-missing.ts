// Parts 二, 三 and 四 each hold a statistical table.
import { partNumeral } from '../messages';
import { tableForPart } from '../template';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'table-missing', severity: 'error', fixable: false, docs: 'docs/rules/table-missing.md',
    name: { 'zh-CN': '缺少统计表', en: 'Missing table' },
    description: { 'zh-CN': '第二、三、四部分未找到统计表', en: 'Part 2, 3 or 4 holds no table that could be read' },
  },
  messages: {
    'zh-CN': { missing: '第{n}部分未找到统计表（可能被删除、以图片插入或改写成了文字）' },
    en: { missing: 'Part {n} holds no table that could be read (deleted, inserted as a picture, or rewritten as prose?)' },
  },
  check(ctx) {
    if (!ctx.template) return;
    const done = new Set<number>();
    for (const part of ctx.parsed.report.parts) {
      if (done.has(part.number) || !tableForPart(ctx.template.id, part.number)) continue;
      done.add(part.number);
      if (part.table && part.table.rows.length > 0) continue;
      ctx.report({ range: part.heading.range, message: 'missing', args: { n: partNumeral(part.number, ctx.locale) } });
    }
  },
};
