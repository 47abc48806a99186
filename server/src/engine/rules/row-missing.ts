// Every template row of a table is present (rows that reports may split or merge excepted).
import type { Rule } from './rule';
import { defOf } from '../lookup';

export const rule: Rule = {
  meta: {
    id: 'row-missing', severity: 'error', fixable: false, docs: 'docs/rules/row-missing.md',
    description: { 'zh-CN': '表格缺少模板中的某一行', en: 'A template row is absent from its table' },
  },
  messages: {
    'zh-CN': { missing: '表格缺少“{label}”一行', missingPdf: '表格缺少“{label}”一行（PDF 文本按空格对齐，此行未能可靠读取）' },
    en: { missing: 'The table has no row "{label}"', missingPdf: 'The table has no row "{label}" (PDF text aligned by spaces: this row could not be read reliably)' },
  },
  check(ctx) {
    if (!ctx.template) return;
    for (const table of ctx.parsed.report.tables) {
      // A table in the other version's layout has one finding of template-version, not a cascade of rows.
      if (table.rows.length === 0 || table.template !== ctx.template.id) continue;
      const def = defOf(table);
      const found = new Set(table.rows.map((r) => r.id));
      for (let i = 0; i < def.rows.length; i++) {
        const row = def.rows[i];
        if (found.has(row.id) || row.optional) continue;
        // Sub-rows of a row written whole (T2021 （六） kept as one row) are template-version's concern.
        const parent = def.rows.find((r) => r.aggregateOf?.includes(row.id));
        if (parent && found.has(parent.id)) continue;
        // Show it where it belongs: at the next template row that is there, else at the end of the table.
        const next = def.rows.slice(i + 1).map((r) => table.rows.find((x) => x.id === r.id)).find((x) => x);
        const at = next ? next.range.start : table.range.end;
        const lineEnd = next ? (next.labelRange ?? next.range).end : at;
        ctx.report({ range: { start: at, end: lineEnd }, message: table.layout === 'pdf' || table.layout === 'space' ? 'missingPdf' : 'missing', args: { label: row.label || def.title[ctx.locale] } });
      }
    }
  },
};
