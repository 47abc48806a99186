// Lookups over the template data, computed once at load.
import type { TableId, TemplateId } from '../types';
import { labelKey } from '../labels';
import { T2019, T2021 } from './data';
import type { ColumnDef, RowDef, TableDef, TemplateDef } from './types';

export * from './types';
export { APPLICANT_PARTS, REVIEW_GROUPS, REVIEW_OUTCOMES } from './data';

export const templates: Record<TemplateId, TemplateDef> = { T2019, T2021 };

export function otherVersion(id: TemplateId): TemplateId { return id === 'T2019' ? 'T2021' : 'T2019'; }

/** The template for a report year; null before 2019 (the pre-2019 structure is not checked). */
export function templateForYear(year: number): TemplateId | null {
  if (year < 2019) return null;
  return year >= T2021.years.from ? 'T2021' : 'T2019';
}

export function tableDef(template: TemplateId, id: TableId): TableDef {
  return templates[template].tables.find((t) => t.id === id)!;
}

export function tableForPart(template: TemplateId, part: number): TableDef | undefined {
  return templates[template].tables.find((t) => t.part === part);
}

/** The columns of a row, from its column set. */
export function columnsOf(table: TableDef, row: RowDef): ColumnDef[] {
  return table.columnSets[row.columns] ?? [];
}

/**
 * Keys of the table labels numbered like a part heading ("一、本年新收…", "三、本年度办理结果"): a line that reads
 * so is a row or section of table 三, not a heading of the report.
 */
export const partHeadingLikeTableKeys: readonly string[] = Object.values(templates).flatMap((v) => v.tables)
  .flatMap((t) => [...t.rows, ...t.sections]).filter((x) => /^[一二三四五六]、/.test(x.label)).flatMap((x) => x.keys)
  .filter((k, i, all) => all.indexOf(k) === i);

/**
 * Labels (rows, sections, columns) that belong to only one version of a table, by normalised text:
 * the evidence the template-version rule and the version vote use.
 */
export const versionLabels: Record<TableId, Map<string, TemplateId>> = (() => {
  const out = {} as Record<TableId, Map<string, TemplateId>>;
  for (const id of ['active', 'applications', 'review'] as TableId[]) {
    const sets = {} as Record<TemplateId, Set<string>>;
    for (const v of ['T2019', 'T2021'] as TemplateId[]) {
      const def = tableDef(v, id);
      const s = new Set<string>();
      for (const r of def.rows) if (r.label) s.add(labelKey(r.label));
      for (const sec of def.sections) s.add(labelKey(sec.label));
      for (const cols of Object.values(def.columnSets)) for (const c of cols) for (const l of [c.label, ...(c.aliases ?? [])]) s.add(labelKey(l));
      sets[v] = s;
    }
    const m = new Map<string, TemplateId>();
    for (const v of ['T2019', 'T2021'] as TemplateId[]) for (const l of sets[v]) if (!sets[otherVersion(v)].has(l)) m.set(l, v);
    out[id] = m;
  }
  return out;
})();
