// Assembles the logical rows of one table into template rows and cells. Layout-independent: every reader
// in layout.ts produces the same logical rows, so matching, trimming and cell reading happen once, here.
import { labelKey, versionLabels } from '../template';
import type { ColumnDef, RowDef, SectionDef, TableDef } from '../template/types';
import type { LineIndex } from '../text';
import { norm } from '../text';
import type { CellModel, HeaderCellModel, Range, RowModel, TableModel, TableSectionModel, TemplateId } from '../types';
import { isValueLike, readCell } from './cell';
import { hasNumbering, stripNumbering } from './labels';
import type { RawCell, TableText } from './layout';

interface LabelMatch { row: RowDef | null; section: SectionDef | null }

interface Classified { cell: RawCell; kind: 'empty' | 'value' | 'label'; match: LabelMatch }

/** Template labels in their compared form, computed once per table definition. */
interface Prepared {
  rows: Array<{ row: RowDef; exact: string[]; keys: string[] }>;
  sections: Array<{ section: SectionDef; keys: string[] }>;
  columns: Map<ColumnDef, string[]>;
}
const prepared = new WeakMap<TableDef, Prepared>();

function prepare(def: TableDef, other: TableDef): Prepared {
  let p = prepared.get(def);
  if (p) return p;
  p = {
    rows: def.rows.filter((r) => r.label).map((r) => {
      // The other version's wording of the same row (e.g. 规范性文件 in a 2021 table) still identifies it.
      const twin = other.rows.find((o) => o.id === r.id && o.label !== r.label);
      return { row: r, exact: [labelKey(r.label), ...(twin ? [labelKey(twin.label)] : [])], keys: [...r.keys, ...(twin ? twin.keys : [])].map(norm) };
    }),
    sections: def.sections.map((s) => ({ section: s, keys: s.keys.map(norm) })),
    columns: new Map(Object.values(def.columnSets).flat().map((c) => [c, [c.label, ...(c.aliases ?? [])].map(labelKey)])),
  };
  prepared.set(def, p);
  return p;
}

/** Whether a cell reads as a value (memoised on the cell: classification and votes both ask). */
function valueLike(cell: RawCell): boolean {
  return cell.valueLike ??= isValueLike(cell.text);
}

/** A cell's label in compared form (memoised: votes, matching and header reading all ask for it). */
function cellKey(cell: RawCell): string {
  return cell.key ??= labelKey(cell.text);
}

/** Counts of version-specific labels in the table text, for choosing the version of the table. */
export function voteVersions(tt: TableText, def: TableDef): Record<TemplateId, RawCell[]> {
  if (tt.votes) return tt.votes;
  const map = versionLabels[def.id];
  const out: Record<TemplateId, RawCell[]> = { T2019: [], T2021: [] };
  for (const r of tt.rows) {
    for (const c of r.cells) {
      if (c.text === '' || valueLike(c)) continue;
      const v = map.get(cellKey(c));
      if (v) out[v].push(c);
    }
  }
  tt.votes = out;
  return out;
}

export function assembleTable(index: LineIndex, tt: TableText, def: TableDef, other: TableDef, template: TemplateId): TableModel {
  const rng = (a: number, b: number): Range => ({ start: index.positionAt(a), end: index.positionAt(b) });
  const rows: RowModel[] = [];
  const seen = new Set<string>();
  const sections: TableSectionModel[] = [];
  const headerCells: HeaderCellModel[] = [];
  const unreadable: Range[] = [];
  const votes = voteVersions(tt, def);
  let context: string | null = null;
  const headerOccurrences = new Map<string, number>();

  for (const lrow of tt.rows) {
    for (const seg of segments(lrow.cells.map((cell) => classify(cell, def, other, () => context)))) {
      let rowAt = -1;
      for (let i = seg.length - 1; i >= 0; i--) {
        const m = seg[i].match.row;
        if (!m) continue;
        const hasCellsAfter = i < seg.length - 1;
        // A row that some reports split into sub-rows acts as a section when no values follow it.
        if (m.aggregateOf && !hasCellsAfter) { context = m.id; continue; }
        rowAt = i;
        break;
      }
      for (let i = 0; i < (rowAt < 0 ? seg.length : rowAt); i++) {
        const c = seg[i];
        if (c.match.section) {
          context = c.match.section.id;
          sections.push({ id: c.match.section.id, label: collapse(c.cell.text), range: rng(c.cell.start, c.cell.end) });
        }
      }
      if (rowAt >= 0) {
        const rowDef = seg[rowAt].match.row!;
        if (rowDef.section) context = rowDef.section === 'app.outcomes' ? context : rowDef.section;
        if (seen.has(rowDef.id)) continue;
        seen.add(rowDef.id);
        rows.push(buildRow(rowDef, seg[rowAt].cell, seg.slice(rowAt + 1).map((c) => c.cell)));
        continue;
      }
      const hasValue = seg.some((c) => c.kind === 'value' && c.cell.text !== '');
      if (hasValue && def.unlabelledRow && !seen.has(def.unlabelledRow)) {
        const rowDef = def.rows.find((r) => r.id === def.unlabelledRow)!;
        seen.add(rowDef.id);
        rows.push(buildRow(rowDef, null, seg.filter((c) => c.kind !== 'label' || valueLike(c.cell)).map((c) => c.cell)));
        continue;
      }
      const labels = seg.filter((c) => c.kind === 'label');
      if (hasValue) {
        unreadable.push(rng(seg[0].cell.start, seg[seg.length - 1].cell.end));
        continue;
      }
      for (const c of labels) recordHeader(c.cell);
    }
  }

  return {
    id: def.id, part: def.part, layout: tt.layout, template,
    range: { start: { line: tt.firstLine, character: 0 }, end: { line: tt.lastLine, character: index.lineLength(tt.lastLine) } },
    sections, headerCells, rows,
    versionLabels: { T2019: votes.T2019.map((c) => rng(c.start, c.end)), T2021: votes.T2021.map((c) => rng(c.start, c.end)) },
    unreadable,
  };

  function recordHeader(cell: RawCell): void {
    const key = cellKey(cell);
    if (!key) return;
    const set = def.columnSets[context && def.columnSets[context] ? context : Object.keys(def.columnSets)[0]] ?? [];
    const labels = prepare(def, other).columns;
    const matches = set.filter((c) => labels.get(c)?.includes(key));
    if (!matches.length) return;
    let col = matches[0];
    if (matches.length > 1) {
      // Table 四 repeats 结果维持…总计 for each of its three groups: the n-th occurrence is the n-th group.
      const n = headerOccurrences.get(key) ?? 0;
      headerOccurrences.set(key, n + 1);
      col = matches[Math.min(n, matches.length - 1)];
    }
    headerCells.push({ columnId: col.id, text: collapse(cell.text), range: rng(cell.start, cell.end) });
  }

  function buildRow(rowDef: RowDef, label: RawCell | null, valueCells: RawCell[]): RowModel {
    const columns: ColumnDef[] = def.columnSets[rowDef.columns] ?? [];
    const values = trimCells(valueCells, columns.length, tt.layout);
    const cells: CellModel[] = [];
    for (let i = 0; i < Math.min(values.length, columns.length); i++) {
      const v = values[i];
      const col = columns[i];
      const read = readCell(v.text, col.kind);
      const start = index.positionAt(v.start);
      cells.push({
        column: i, columnId: col.id,
        // Cells never span lines but wrapped ones: compute the end from the start when they do not.
        range: { start, end: v.end - v.start <= index.lineLength(start.line) - start.character ? { line: start.line, character: start.character + v.end - v.start } : index.positionAt(v.end) },
        raw: v.text,
        separator: v.text === '' && v.sep >= 0 ? rng(v.sep, v.sep + 1) : null,
        kind: read.kind, value: read.value, invalidReason: read.invalidReason,
      });
    }
    const first = label ?? values[0] ?? valueCells[0];
    const lastCell = values[values.length - 1] ?? label ?? valueCells[valueCells.length - 1];
    const start = first ? first.start : 0;
    const end = lastCell ? lastCell.end : start;
    const labelText = label ? collapse(label.text) : '';
    return {
      id: rowDef.id, label: labelText, labelRange: label ? rng(label.start, label.end) : null,
      range: rng(start, Math.max(start, end)), cells, foundCells: values.length, expectedCells: columns.length,
      labelVersion: label ? versionLabels[def.id].get(cellKey(label)) ?? null : null,
    };
  }
}

/**
 * Surplus empty fields are export artefacts: Word/WPS rows end in a tab, and merged label cells leave empty
 * fields before the values. A trailing tab in a row-per-line or PDF row is never a cell; other empties are
 * dropped only while the row has more cells than the template.
 */
function trimCells(cells: RawCell[], expected: number, layout: TableText['layout']): RawCell[] {
  let a = 0;
  let b = cells.length;
  if (layout === 'row-per-line' || layout === 'pdf') while (b > a && cells[b - 1].text === '') b--;
  while (b - a > expected && cells[a].text === '') a++;
  while (b - a > expected && cells[b - 1].text === '') b--;
  return cells.slice(a, b);
}

const NO_MATCH: LabelMatch = Object.freeze({ row: null, section: null });

function classify(cell: RawCell, def: TableDef, other: TableDef, context: () => string | null): Classified {
  if (cell.text === '') return { cell, kind: 'empty', match: NO_MATCH };
  if (valueLike(cell)) return { cell, kind: 'value', match: NO_MATCH };
  return { cell, kind: 'label', match: matchLabel(cell.text, def, other, context(), cellKey(cell)) };
}

/** Split a logical row where a recognised label follows values (a cell-per-line row not ended by a blank line). */
function segments(cells: Classified[]): Classified[][] {
  const out: Classified[][] = [];
  let cur: Classified[] = [];
  let sawValue = false;
  for (const c of cells) {
    if (c.kind === 'label' && (c.match.row || c.match.section) && sawValue) {
      out.push(cur);
      cur = [];
      sawValue = false;
    }
    if (c.kind === 'value' && c.cell.text !== '') sawValue = true;
    cur.push(c);
  }
  if (cur.length) out.push(cur);
  return out;
}

export function matchLabel(text: string, def: TableDef, other: TableDef, context: string | null, key = stripNumbering(text)): LabelMatch {
  if (!key) return { row: null, section: null };
  const numbered = hasNumbering(text);
  const p = prepare(def, other);
  let best: RowDef | null = null;
  let bestScore = 0;
  for (const r of p.rows) {
    const score = rowScore(r, key, numbered, context);
    if (score > bestScore) { best = r.row; bestScore = score; }
  }
  let section: SectionDef | null = null;
  let sectionScore = 0;
  for (const s of p.sections) {
    for (const nk of s.keys) {
      if (nk.length > sectionScore && key.includes(nk)) { section = s.section; sectionScore = nk.length; }
    }
  }
  // A label that names a section and not a row more specifically is the section ("（三）不予公开").
  if (section && best && sectionScore >= bestScore && !(best as RowDef).aggregateOf) best = null;
  return { row: best, section };
}

function rowScore(r: Prepared['rows'][number], key: string, numbered: boolean, context: string | null): number {
  if (r.exact.includes(key)) {
    if (r.row.exactOnly && !exactAllowed(r.row, numbered, context)) return 0;
    return 1000;
  }
  if (r.row.exactOnly) return 0;
  let score = 0;
  for (const nk of r.keys) if (nk.length > score && key.includes(nk)) score = nk.length;
  return score;
}

/** "总计" and "其他" are also column headings: as rows they need numbering, and "3.其他" its section. */
function exactAllowed(r: RowDef, numbered: boolean, context: string | null): boolean {
  if (!numbered) return false;
  if (/^\d/.test(norm(r.label))) return context === r.section;
  return true;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
