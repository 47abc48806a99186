// The outline read off the model: title → six parts → sub-headings and table → sections → rows.
// Adapters map it to DocumentSymbol and folding ranges; nothing here re-parses.
import { format } from './messages';
import { tableDef } from './template';
import { comparePositions } from './text';
import type { Locale, Range, ReportModel, TableModel } from './types';

export interface OutlineNode {
  name: string;
  detail?: string;
  kind: 'title' | 'part' | 'heading' | 'table' | 'section' | 'row';
  range: Range;
  selectionRange: Range;
  children: OutlineNode[];
}

export function outline(report: ReportModel, locale: Locale = 'zh-CN', documentEnd?: Range['end']): OutlineNode[] {
  const parts = report.parts.map((p): OutlineNode => {
    const children: OutlineNode[] = p.subHeadings.map((h) => ({ name: h.text, kind: 'heading', range: h.range, selectionRange: h.range, children: [] }));
    if (p.table) children.push(tableNode(p.table, locale));
    children.sort((a, b) => comparePositions(a.range.start, b.range.start));
    return { name: p.heading.text, kind: 'part', range: p.range, selectionRange: p.heading.range, children };
  });
  if (!report.title) return parts;
  const end = documentEnd ?? parts[parts.length - 1]?.range.end ?? report.title.range.end;
  const detail = report.year === null ? undefined
    : report.template ? format(locale, 'outline.detail', { year: report.year, template: format(locale, `template.${report.template}`) })
      : format(locale, 'outline.year', { year: report.year });
  return [{
    name: report.title.text, detail, kind: 'title',
    range: { start: report.title.range.start, end: maxPos(end, report.title.range.end) },
    selectionRange: report.title.range, children: parts,
  }];
}

function tableNode(table: TableModel, locale: Locale): OutlineNode {
  const def = tableDef(table.template, table.id);
  const rowNode = (r: TableModel['rows'][number]): OutlineNode => ({
    // Table 四's one data row has no label: name it by what it holds.
    name: r.label || def.rows.find((d) => d.id === r.id)?.label || format(locale, 'outline.unlabelledRow'),
    kind: 'row', range: r.range, selectionRange: r.labelRange ?? r.range, children: [],
  });
  const sectionNodes = new Map<string, OutlineNode>();
  const top: OutlineNode[] = [];
  for (const s of table.sections) {
    if (sectionNodes.has(s.id)) continue;
    const node: OutlineNode = { name: s.label, kind: 'section', range: s.range, selectionRange: s.range, children: [] };
    sectionNodes.set(s.id, node);
    const parent = def.sections.find((d) => d.id === s.id)?.parent;
    const into = parent ? sectionNodes.get(parent) : undefined;
    (into ? into.children : top).push(node);
  }
  for (const r of table.rows) {
    const section = def.rows.find((d) => d.id === r.id)?.section;
    const into = section ? sectionNodes.get(section) : undefined;
    (into ? into.children : top).push(rowNode(r));
  }
  for (const n of sectionNodes.values()) grow(n);
  top.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return { name: format(locale, `tableTitle.${table.id}`), kind: 'table', range: table.range, selectionRange: table.range, children: top };
}

/** A section's range spans its rows, so the range always contains the children (as LSP requires). */
function grow(n: OutlineNode): Range {
  for (const c of n.children) {
    const r = c.kind === 'section' ? grow(c) : c.range;
    if (comparePositions(r.end, n.range.end) > 0) n.range = { start: n.range.start, end: r.end };
    if (comparePositions(r.start, n.range.start) < 0) n.range = { start: r.start, end: n.range.end };
  }
  n.children.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return n.range;
}

function maxPos(a: Range['end'], b: Range['end']): Range['end'] {
  return comparePositions(a, b) >= 0 ? a : b;
}
