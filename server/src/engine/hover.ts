// Hover explanations read off the model and the template data: what a row, column or cell counts, its
// article of the 条例, and for totals the computed sum and whether it balances.
import { balanceOf, evaluatedEquations, type EquationInstance } from './balance';
import { cellRange, columnDefOf } from './lookup';
import { citation, format } from './messages';
import { cellName, num } from './names';
import { tableDef, templates } from './template';
import type { Provision } from './template/types';
import { comparePositions, containsPosition } from './text';
import type { CellModel, LintResult, Locale, Position, Range, RowModel, TableModel, YearNote } from './types';

export interface HoverInfo { markdown: string; range: Range }

export function hoverAt(result: LintResult, position: Position, locale: Locale = 'zh-CN'): HoverInfo | null {
  const { report } = result;
  for (const part of report.parts) {
    if (containsPosition(part.heading.range, position)) {
      const def = templates[report.template ?? 'T2021'].parts.find((p) => p.number === part.number)!;
      return { range: part.heading.range, markdown: [`**${def.heading}**`, def.explain[locale], ...basis(def.article, locale)].join('\n\n') };
    }
  }
  const table = report.tables.find((t) => containsPosition(t.range, position));
  if (!table) return null;
  const def = tableDef(table.template, table.id);
  const instances = () => evaluatedEquations(report.tables, locale).filter((e) => e.inst.table === table).map((e) => e.inst);

  for (const row of table.rows) {
    const rowDef = def.rows.find((r) => r.id === row.id);
    if (!rowDef || !row.labelRange || !containsPosition(row.labelRange, position)) continue;
    const lines = [`**${rowDef.label}**`, rowDef.explain[locale], ...basis(rowDef.article, locale)];
    const sums = instances().filter((i) => i.target.status !== 'absent' && i.eq.target.row !== '$row' && i.eq.target.row === row.id || i.row === row.id && i.eq.target.row === '$row');
    lines.push(...sums.map((i) => balanceLine(i, locale)).filter((s): s is string => !!s));
    return { range: row.labelRange, markdown: lines.join('\n\n') };
  }
  const hit = cellAt(table, position);
  if (hit) return cellHover(table, hit.row, hit.cell, instances, locale, result.yearNotes ?? [], position);
  for (const h of table.headerCells) {
    if (!containsPosition(h.range, position)) continue;
    const col = Object.values(def.columnSets).flat().find((c) => c.id === h.columnId);
    if (col) return { range: h.range, markdown: `**${col.label}**\n\n${col.explain[locale]}` };
  }
  for (const s of table.sections) {
    if (!containsPosition(s.range, position)) continue;
    const sec = def.sections.find((d) => d.id === s.id);
    if (sec) return { range: s.range, markdown: [`**${sec.label}**`, sec.explain[locale], ...basis(sec.article ?? [], locale)].join('\n\n') };
  }
  return tableHover(table, position, locale);
}

/**
 * The cell under the cursor: the one whose range (or, for an empty cell, the tab or pipe it is shown on) holds the
 * character at the position; only then one that ends at the position (the cursor just after "12"). Adjacent empty
 * cells share boundaries, so the first match with inclusive ends would be the left neighbour.
 */
function cellAt(table: TableModel, position: Position): { row: RowModel; cell: CellModel } | null {
  let touching: { row: RowModel; cell: CellModel } | null = null;
  for (const row of table.rows) {
    for (const cell of row.cells) {
      for (const r of [cellRange(cell), cell.range]) {
        if (comparePositions(r.start, position) <= 0 && comparePositions(position, r.end) < 0) return { row, cell };
        if (!touching && containsPosition(r, position)) touching = { row, cell };
      }
    }
  }
  return touching;
}

function cellHover(table: TableModel, row: RowModel, cell: CellModel, instances: () => EquationInstance[], locale: Locale, yearNotes: readonly YearNote[], position: Position): HoverInfo {
  const rowDef = tableDef(table.template, table.id).rows.find((r) => r.id === row.id)!;
  const col = columnDefOf(table, row.id, cell.columnId);
  const value = cell.kind === 'number' ? format(locale, 'hover.cell', { value: num(cell.value!) })
    : cell.kind === 'invalid' ? format(locale, 'hover.invalid', { value: cell.raw }) : format(locale, 'hover.blank');
  const lines = [`**${cellName(table, row, cell, locale)}**`, value, rowDef.explain[locale]];
  if (col) lines.push(col.explain[locale]);
  lines.push(...basis(rowDef.article, locale));
  const sums = instances().filter((i) => i.target.status !== 'absent' && i.target.cells.includes(cell));
  lines.push(...sums.map((i) => balanceLine(i, locale)).filter((s): s is string => !!s));
  // Last year's figure beside this one (year-against-year rules), when the adapter gave last year's report.
  for (const n of yearNotes) if (containsPosition(n.range, position)) lines.push(n.markdown);
  return { range: cellRange(cell), markdown: lines.join('\n\n') };
}

/** 依据：《条例》第三十六条第（一）（二）项; nothing for totals and rows no article addresses. */
function basis(article: readonly Provision[], locale: Locale): string[] {
  return article.length ? [format(locale, 'hover.article', { article: citation(locale, article) })] : [];
}

function tableHover(table: TableModel, position: Position, locale: Locale): HoverInfo | null {
  if (position.line !== table.range.start.line) return null;
  return { range: table.range, markdown: `**${format(locale, `tableTitle.${table.id}`)}**` };
}

/** "✓ 勾稽关系相符：“（七）总计”行“自然人”列＝（一）予以公开 6＋（二）部分公开 6＝12" when every operand is a number. */
function balanceLine(i: EquationInstance, locale: Locale): string | null {
  const b = balanceOf(i, locale);
  return b && format(locale, b.balanced ? 'hover.balanced' : 'hover.unbalanced', { equation: b.expression });
}
