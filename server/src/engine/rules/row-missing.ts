// Every template row of a table is present (rows that reports may split or merge excepted).
import { format } from '../messages';
import type { Rule } from './rule';
import { defOf } from '../lookup';

export const rule: Rule = {
  meta: {
    id: 'row-missing', severity: 'error', fixable: false, docs: 'docs/rules/row-missing.md',
    name: { 'zh-CN': '缺少表格行', en: 'Missing row' },
    description: { 'zh-CN': '表格缺少模板中的某一行', en: 'A template row is absent from its table' },
  },
  messages: {
    'zh-CN': {
      missing: '{table}缺少“{label}”行',
      missingPdf: '{table}缺少“{label}”行（从 PDF 复制的表格以空格对齐，本行可能未能识别，请对照原件核对）',
    },
    en: {
      missing: '{table} has no row “{label}”',
      missingPdf: '{table} has no row “{label}” (a table from a PDF is aligned by spaces and this row may not have been recognised: check against the original)',
    },
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
        ctx.report({ range: { start: at, end: lineEnd }, message: table.layout === 'pdf' || table.layout === 'space' ? 'missingPdf' : 'missing', args: { table: format(ctx.locale, `table.${table.id}`), label: row.label || format(ctx.locale, 'outline.unlabelledRow') } });
      }
    }
  },
};
