// Assembles the logical rows of one table into template rows and cells. Layout-independent: every reader
// in layouts/ produces logical rows of raw cells, so matching labels, rebuilding rows, trimming and reading
// cells happen once, here. Rows are rebuilt from the template's row labels: a row runs from its label to the
// next label, so it does not matter whether a layout shows where rows end (a copied web page does not).
import { hasNumbering, labelKey, stripNumbering } from '../labels';
import { versionLabels } from '../template';
import type { ColumnDef, RowDef, SectionDef, TableDef } from '../template/types';
import type { LineIndex } from '../text';
import { editDistance, matchesOf, norm } from '../text';
import type { CellModel, HeaderCellModel, Range, RowModel, TableLayout, TableModel, TableSectionModel, TemplateId, VersionLabel } from '../types';
import { isValueLike, readCell } from './cell';
import type { RawCell, TableText } from './layout';

type LabelQuality = NonNullable<RowModel['labelMatch']>;

interface LabelMatch { row: RowDef | null; section: SectionDef | null; quality: LabelQuality | null }

interface Classified { cell: RawCell; kind: 'empty' | 'value' | 'label'; match: LabelMatch }

/** Layouts whose logical rows are printed lines, with cells apart by spaces and columns as positions on the line. */
export const ALIGNED = new Set<TableLayout>(['pdf', 'space']);

/** Layouts in which an empty cell leaves no trace. */
const BLANKS_INVISIBLE = new Set<TableLayout>(['paragraph-copy', 'pdf', 'space']);

/** A label that is this similar to a template label (1 − edits / length) is that label with a typo. */
const FUZZY_SIMILARITY = 0.7;
/** Shorter labels are too easily one another ("行政许可" / "行政处罚"): no typo matching below this length. */
const FUZZY_MIN_LENGTH = 5;

/** Template labels in their compared form, computed once per table definition. */
interface Prepared {
  rows: { row: RowDef; exact: string[]; keys: string[] }[];
  sections: { section: SectionDef; keys: string[] }[];
  columns: Map<ColumnDef, string[]>;
  sectionById: Map<string, SectionDef>;
  /** Each row's template wordings in compared form, by row id. */
  exactById: Map<string, string[]>;
  /** Memo of typoMatch. */
  typos: Map<string, LabelMatch | null>;
  /** Memo of matchLabel, by section context and text: the same labels come in every table of every report. */
  matches: Map<string | null, Map<string, LabelMatch>>;
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
    sectionById: new Map(def.sections.map((s) => [s.id, s])),
    exactById: new Map(),
    typos: new Map(),
    matches: new Map(),
  };
  for (const r of p.rows) p.exactById.set(r.row.id, r.exact);
  prepared.set(def, p);
  return p;
}

/** Whether a cell reads as a value (memoised on the cell: classification, votes and wrapped.ts ask). */
export function valueLike(cell: RawCell): boolean {
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
  const assembler = new TableAssembler(index, tt, def, other);
  for (const lrow of tt.rows) if (lrow.cells.length) assembler.readRow(lrow.cells);
  assembler.finish();
  const votes = voteVersions(tt, def);
  const place = (c: RawCell): VersionLabel => ({ range: assembler.range(c.start, c.end), text: c.text, pieces: assembler.pieces(c) });
  return {
    id: def.id, part: def.part, layout: tt.layout, template,
    range: { start: { line: tt.firstLine, character: 0 }, end: { line: tt.lastLine, character: index.lineLength(tt.lastLine) } },
    sections: assembler.sections, headerCells: assembler.headerCells, rows: assembler.rows,
    versionLabels: { T2019: votes.T2019.map(place), T2021: votes.T2021.map(place) },
    unreadable: assembler.unreadable,
    blanksVisible: !BLANKS_INVISIBLE.has(tt.layout),
  };
}

/** A row label whose figures have not come yet: they may be on the next line (a wrapped label) or nowhere. */
interface PendingLabel { row: RowDef; label: RawCell; quality: LabelQuality; more: RawCell[] }

class TableAssembler {
  readonly rows: RowModel[] = [];
  readonly sections: TableSectionModel[] = [];
  readonly headerCells: HeaderCellModel[] = [];
  readonly unreadable: Range[] = [];
  private readonly seen = new Set<string>();
  private readonly headerOccurrences = new Map<string, number>();
  private readonly prepared: Prepared;
  private context: string | null = null;
  private pending: PendingLabel | null = null;
  /** The last row that had figures, for telling a row merged into the one above it. */
  private lastRowWithFigures: RowDef | null = null;
  /** The segment just read when it was labels that name nothing: the first lines of a label wrapped over lines. */
  private orphans: RawCell[] = [];
  /** Cells of the table's unlabelled row (table 四), gathered from every run of figures. */
  private readonly unlabelledCells: RawCell[] = [];

  constructor(private readonly index: LineIndex, private readonly tt: TableText, private readonly def: TableDef, private readonly other: TableDef) {
    this.prepared = prepare(def, other);
  }

  range(a: number, b: number): Range {
    return { start: this.index.positionAt(a), end: this.index.positionAt(b) };
  }

  /** The ranges of a label's pieces (cells put together by wrapped.ts, or continued on the lines below), or null. */
  pieces(label: RawCell, more: readonly RawCell[] = []): Range[] | null {
    if (!label.pieces && !more.length) return null;
    const all = [...(label.pieces ?? [label]), ...more.flatMap((m) => m.pieces ?? [m])];
    return all.length > 1 ? all.map((x) => this.range(x.start, x.end)) : null;
  }

  /**
   * Reads one logical row, split into segments where a recognised label follows figures (the next row begins:
   * a layout that does not show where rows end puts several in one logical row). Labels are classified in the
   * section context that the cells before them set up ("3.其他" is a row only under （六）其他处理).
   */
  readRow(cells: RawCell[]): void {
    let seg: Classified[] = [];
    let sawValue = false;
    let rowHasCell = false;
    let segHasRow = false;
    let context = this.context;
    for (const whole of cells) {
      for (const cell of this.splitLabels(whole, context)) {
        let c = this.classify(cell, context);
        if (c.kind === 'label' && !c.match.row && !c.match.section) {
          const joined = this.joinWrapped(seg, c, context);
          if (joined) { c = joined; sawValue = seg.some((x) => x.kind === 'value'); }
        }
        // The next row begins at a label after figures, or at a row label after a row label that already has a
        // cell (in a copy, a text written in a cell reads like a label: "行政处罚" "三十六" "行政强制" …).
        if (c.kind === 'label' && ((c.match.row || c.match.section) && sawValue || c.match.row && rowHasCell)) {
          this.readSegment(seg, false);
          seg = [];
          sawValue = false;
          rowHasCell = false;
          segHasRow = false;
        }
        if (c.kind === 'value') sawValue = true;
        if (c.match.row) segHasRow = true; else if (segHasRow) rowHasCell = true;
        if (c.kind === 'label') context = this.contextAfter(context, c.match);
        seg.push(c);
      }
    }
    if (seg.length) this.readSegment(seg, seg.length === cells.length);
  }

  /**
   * Two cells that a layout with spaces between cells left as one: a section and a row label ("三、本年度办理结果
   * （一）予以公开"), or, where spaces separate cells, a row label and what follows it that is not more of its
   * wording ("行政许可 /", "行政处罚 三十六"). Labels longer than any template label are left whole.
   */
  private splitLabels(cell: RawCell, context: string | null): RawCell[] {
    if (cell.text.length > MAX_LABEL || !/\s/.test(cell.text) || valueLike(cell)) return [cell];
    const spaced = this.tt.layout === 'space' || this.tt.layout === 'pdf';
    for (let at = cell.text.search(/\s/); at > 0; at = cell.text.indexOf(' ', at + 1)) {
      const head = cell.text.slice(0, at).trimEnd();
      const rest = cell.text.slice(at).trimStart();
      if (!head || !rest) continue;
      const m = matchLabel(head, this.def, this.other, context);
      const restStart = cell.start + cell.text.length - rest.length;
      const headCell: RawCell = { text: head, start: cell.start, end: cell.start + head.length, sep: -1 };
      if (m.section && !m.row && matchLabel(rest, this.def, this.other, m.section.id).row) {
        return [headCell, { text: rest, start: restStart, end: cell.end, sep: -1 }];
      }
      if (spaced && m.row && !this.continues(m.row, [headCell], { text: rest, start: restStart, end: cell.end, sep: -1 })) {
        return [headCell, ...wordsOf(rest, restStart)];
      }
      // The wrapped start of a merged label one space before a numbered row label ("（六）其他 1.申请人…").
      if (spaced && !m.row && !m.section && hasNumbering(rest) && matchLabel(rest, this.def, this.other, context).row) {
        return [headCell, { text: rest, start: restStart, end: cell.end, sep: -1 }];
      }
    }
    return [cell];
  }

  finish(): void {
    this.flushPending();
    const id = this.def.unlabelledRow;
    if (id && this.unlabelledCells.length && !this.seen.has(id)) {
      this.seen.add(id);
      this.rows.push(this.buildRow(this.def.rows.find((r) => r.id === id)!, null, null, this.unlabelledCells));
    }
  }

  private classify(cell: RawCell, context: string | null): Classified {
    if (cell.text === '') return { cell, kind: 'empty', match: NO_MATCH };
    if (valueLike(cell)) return { cell, kind: 'value', match: NO_MATCH };
    return { cell, kind: 'label', match: matchLabel(cell.text, this.def, this.other, context, cellKey(cell)) };
  }

  /**
   * A label wrapped over paragraphs or lines ("三、本" / "年度办" / "理结果" in a copied page): when this unmatched
   * label and the one or two unmatched labels before it read together as a template label, they are one cell.
   * The fragments are taken out of the segment.
   */
  private joinWrapped(seg: Classified[], c: Classified, context: string | null): Classified | null {
    let text = c.cell.text;
    for (let k = 1; k <= 2; k++) {
      const prev = seg[seg.length - k];
      if (prev?.kind !== 'label' || prev.match.row || prev.match.section) return null;
      text = prev.cell.text + text;
      const match = matchLabel(text, this.def, this.other, context);
      if (match.row || match.section) {
        seg.splice(seg.length - k, k);
        return { cell: { text, start: prev.cell.start, end: c.cell.end, sep: -1 }, kind: 'label', match };
      }
    }
    return null;
  }

  /** The section context after a label: its section, or its row's section (unless already inside that one). */
  private contextAfter(context: string | null, m: LabelMatch): string | null {
    if (m.section) return this.isInside(context, m.section.id) ? context : m.section.id; // see readSection
    const section = m.row?.section;
    if (!section) return context;
    return context === section || this.isInside(context, section) ? context : section;
  }

  private readSegment(seg: Classified[], wholeRow: boolean): void {
    let hasValue = seg.some((c) => c.kind === 'value');
    // A line of column headings that happen to name rows ("| 项目 | 本年新收件数 | 上年结转件数 | … |"): not a row.
    // (A row left blank ends in empty cells, and a split row's parent label, （六）其他处理, names no row of its own.)
    if (!hasValue && seg[seg.length - 1].kind === 'label' && seg.filter((c) => c.match.row && !c.match.row.aggregateOf).length >= 2) {
        for (const c of seg) if (c.kind === 'label') this.recordHeader(c.cell);
      return;
    }
    const orphans = this.orphans;
    this.orphans = [];
    if (this.takeFiguresBesideGroupLabel(seg)) return;
    const found = this.rowLabelAt(seg);
    // The rest of a pending label may itself read as its row ("2.没有现成信息需要" / "另行制作"): it continues that label.
    const rowAt = found === 0 && this.continuesPending(seg[0]) ? -1 : found;
    for (let i = 0; i < (rowAt < 0 ? seg.length : rowAt); i++) this.readSection(seg[i]);
    if (rowAt >= 0) {
      this.recordHeaders(seg.slice(0, rowAt));
      const match = seg[rowAt].match;
      // A label wrapped over lines whose first part names no row ("5.要求行政机关确认" / "或重新出具已获取信" / "息"):
      // the lines before it that, with it, begin the row's wording are its start.
      const head = rowAt === 0 && orphans.length && this.continues(match.row!, orphans, seg[0].cell) ? [...orphans, seg[0].cell] : [seg[rowAt].cell];
      // Unmatched labels right after the row label that complete its wording are the rest of it (a label
      // wrapped over paragraphs); any other text there is a cell (an invalid one, such as "十").
      const more: RawCell[] = head.slice(1);
      let firstCell = rowAt + 1;
      while (firstCell < seg.length && seg[firstCell].kind === 'label' && this.continues(match.row!, [head[0], ...more], seg[firstCell].cell)) {
        more.push(seg[firstCell++].cell);
      }
      this.flushPending();
      if (firstCell === seg.length) {
        // The label stands alone: its figures may follow on the next line.
        this.pending = { row: match.row!, label: head[0], quality: match.quality!, more };
        return;
      }
      this.addRow(match.row!, head[0], match.quality!, more, seg.slice(firstCell).map((c) => c.cell));
      return;
    }
    const pending = this.pending;
    if (pending) {
      // The rest of a label wrapped over lines, then (on that line or the next) its figures.
      let k = this.leftFragments(seg, pending);
      while (k < seg.length && seg[k].kind === 'label' && this.continuesLabel(pending, seg[k].cell)) pending.more.push(seg[k++].cell);
      if (k === seg.length) return;
      if (!hasValue && seg.slice(k).every((c) => c.kind === 'label' && !c.match.row && !c.match.section)) {
        // Texts that name nothing between a label and its figures: the wrapped rest of a merged label to its left
        // ("（四）无" / "2.没有现成信息需要另行制作" / "法提供" / figures). The figures may still follow.
        this.recordHeaders(seg.slice(k));
        return;
      }
      if (hasValue && seg[k].kind !== 'label') {
        this.pending = null;
        this.addRow(pending.row, pending.label, pending.quality, pending.more, seg.slice(k).map((c) => c.cell));
        return;
      }
      seg = seg.slice(k);
      hasValue = seg.some((c) => c.kind === 'value');
      this.flushPending();
    }
    if (this.def.unlabelledRow && (hasValue || (wholeRow && seg.length >= MIN_BLANK_ROW && seg.every((c) => c.kind === 'empty')))) {
      // Table 四 has one row without a label, printed whole or as three sub-tables of five: every run of
      // figures after its headings is part of it, a text among the figures included (it is an invalid cell).
      const first = seg.findIndex((c) => c.kind !== 'label');
      this.recordHeaders(seg.slice(0, first));
      this.unlabelledCells.push(...seg.slice(first).map((c) => c.cell));
      return;
    }
    if (hasValue) {
      this.unreadable.push(this.range(seg[0].cell.start, seg[seg.length - 1].cell.end));
      return;
    }
    if (seg.every((c) => c.kind === 'label' && !c.match.row && !c.match.section) && this.wrappedLabel(orphans, seg)) return;
    this.recordHeaders(seg);
  }

  /**
   * The label of a pending row's group between the row's label and its figures, or beside them ("（五）不予处理
   * 0 0 0 …"): in a PDF of vertically centred cells, the group's label is printed level with whichever of its rows
   * is in the middle. The label is read as the group's heading; the row still waits for its figures, or takes the
   * ones beside the label. True when the segment was read so.
   */
  private takeFiguresBesideGroupLabel(seg: Classified[]): boolean {
    const pending = this.pending;
    if (!pending || !ALIGNED.has(this.tt.layout)) return false;
    let h = 0;
    while (h < seg.length && seg[h].kind === 'label' && this.isGroupOf(seg[h].match, pending.row)) h++;
    if (h === 0 || (h < seg.length && seg[h].kind === 'label')) return false;
    for (let i = 0; i < h; i++) this.readSection(seg[i]);
    if (h === seg.length) return true;
    this.pending = null;
    this.addRow(pending.row, pending.label, pending.quality, pending.more, seg.slice(h).map((c) => c.cell));
    return true;
  }

  /** Whether a label names a group (section) that holds `row`, or one above it. */
  private isGroupOf(m: LabelMatch, row: RowDef): boolean {
    return m.section !== null && (!m.row || Boolean(m.row.aggregateOf)) && (row.section === m.section.id || this.isInside(row.section, m.section.id));
  }

  /** Whether the section `inner` lies within the section `outer` (not `outer` itself). */
  private isInside(inner: string | null, outer: string): boolean {
    for (let s = inner ? this.prepared.sectionById.get(inner)?.parent ?? null : null; s; s = this.prepared.sectionById.get(s)?.parent ?? null) if (s === outer) return true;
    return false;
  }

  /**
   * Labels that name nothing, after a line of such labels: together they may name a row ("其他对外管理" / "服务事项",
   * "1.本机关不" / "掌握相关政" / "府信息"); its figures follow. Else they are kept for the line after them.
   */
  private wrappedLabel(orphans: RawCell[], seg: Classified[]): boolean {
    const parts = [...orphans, ...seg.map((c) => c.cell)];
    const m = orphans.length ? matchLabel(parts.map((c) => c.text).join(''), this.def, this.other, this.context) : NO_MATCH;
    if (!m.row || m.section || m.quality === 'fuzzy' || this.seen.has(m.row.id)) {
      this.orphans = seg.map((c) => c.cell);
      return false;
    }
    this.flushPending();
    this.pending = { row: m.row, label: parts[0], quality: m.quality!, more: parts.slice(1) };
    return true;
  }

  /**
   * How many cells at the start of a line are the wrapped rest of a merged label to the left of the pending one
   * ("（六）其他" / "处理", beside "1.申请人…行政机关不" / "再处理其…申请"): texts that name nothing, before the rest of
   * the pending label.
   */
  private leftFragments(seg: Classified[], p: PendingLabel): number {
    const rest = seg.findIndex((c) => c.kind === 'label' && this.continuesLabel(p, c.cell));
    return rest > 0 && seg.slice(0, rest).every((c) => c.kind === 'label' && !c.match.row) ? rest : 0;
  }

  /** Whether a label that names a row is the rest of the pending label of that row. */
  private continuesPending(c: Classified): boolean {
    const p = this.pending;
    return p !== null && p.row === c.match.row && this.continuesLabel(p, c.cell);
  }

  /** Whether `cell` is more of the pending label's wording. */
  private continuesLabel(p: PendingLabel, cell: RawCell): boolean {
    return this.continues(p.row, [p.label, ...p.more], cell);
  }

  /** The row label of a segment: the last label that names a row and is not merely a heading. */
  private rowLabelAt(seg: Classified[]): number {
    for (let i = seg.length - 1; i >= 0; i--) {
      const m = seg[i].match;
      if (!m.row) continue;
      const valueAfter = seg.slice(i + 1).some((c) => c.kind !== 'label');
      // A row that some reports split into sub-rows acts as a section when no values follow it.
      if (m.row.aggregateOf && !valueAfter) { this.context = m.row.id; continue; }
      // A bare 其他 or 总计 is a column heading unless figures follow it.
      if (m.quality === 'unnumbered' && !valueAfter) continue;
      // The rest of a label wrapped over paragraphs may itself read as the row ("（区分处理的，只计这一情形，…）" is
      // near enough to （二）部分公开（区分处理的…）): the row's label starts where its wording does.
      while (i > 0 && seg[i - 1].match.row === m.row && this.continues(m.row, [seg[i - 1].cell], seg[i].cell)) i--;
      return i;
    }
    return -1;
  }

  private readSection(c: Classified): void {
    if (!c.match.section) return;
    // A group's label printed among its rows (a merged cell centred or at the bottom, in a PDF) leaves the reading
    // inside the group of a row already under way ("3.其他" is a row of （六） only).
    if (!this.isInside(this.context, c.match.section.id)) this.context = c.match.section.id;
    this.sections.push({ id: c.match.section.id, label: collapse(c.cell.text), range: this.range(c.cell.start, c.cell.end) });
  }

  /** Labels that name neither a row nor a section may be column headings. */
  private recordHeaders(seg: Classified[]): void {
    for (const c of seg) if (c.kind === 'label' && !c.match.row && !c.match.section) this.recordHeader(c.cell);
  }

  /** Whether `next` continues the label written in `parts` toward its template wording. */
  private continues(row: RowDef, parts: RawCell[], next: RawCell): boolean {
    if (next.text === '' || valueLike(next)) return false;
    const key = labelKey(parts.map((c) => c.text).join('') + next.text);
    return this.prepared.exactById.get(row.id)?.some((e) => e.startsWith(key)) ?? false;
  }

  /** A pending label that got no figures: a row with no cells (merged into the row above, or left empty). */
  private flushPending(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    this.addRow(p.row, p.label, p.quality, p.more, []);
  }

  private addRow(rowDef: RowDef, label: RawCell, quality: LabelQuality, labelMore: RawCell[], valueCells: RawCell[]): void {
    this.context = this.contextAfter(this.context, { row: rowDef, section: null, quality });
    if (this.seen.has(rowDef.id)) return;
    this.seen.add(rowDef.id);
    const row = this.buildRow(rowDef, label, this.wholeLabelQuality(rowDef, label, quality, labelMore), valueCells, labelMore);
    if (row.foundCells > 0) this.lastRowWithFigures = rowDef;
    // A label standing alone (not even empty cells after it) below a row of the same section that has figures:
    // a merged cell (rowspan) carries those figures for both.
    else if (valueCells.length === 0 && row.runTogether === null && this.lastRowWithFigures?.section === rowDef.section) row.mergedAbove = true;
    this.rows.push(row);
  }


  /**
   * A label wrapped over lines was recognised by its first part ("3.要求提供公开出版" is a typo of the row's wording);
   * put together, it may be the wording itself.
   */
  private wholeLabelQuality(row: RowDef, label: RawCell, quality: LabelQuality, more: RawCell[]): LabelQuality {
    if (!more.length || quality === 'exact' || quality === 'unnumbered') return quality;
    const key = labelKey([label, ...more].map((c) => c.text).join(''));
    return this.prepared.exactById.get(row.id)?.includes(key) ? 'exact' : quality;
  }

  private recordHeader(cell: RawCell): void {
    const key = cellKey(cell);
    if (!key) return;
    const sets = this.def.columnSets;
    const set = sets[this.context && sets[this.context] ? this.context : Object.keys(sets)[0]] ?? [];
    const matches = set.filter((c) => this.prepared.columns.get(c)?.includes(key));
    if (!matches.length) return;
    let col = matches[0];
    if (matches.length > 1) {
      // Table 四 repeats 结果维持…总计 for each of its three groups: the n-th occurrence is the n-th group.
      const n = this.headerOccurrences.get(key) ?? 0;
      this.headerOccurrences.set(key, n + 1);
      col = matches[Math.min(n, matches.length - 1)];
    }
    this.headerCells.push({ columnId: col.id, text: collapse(cell.text), range: this.range(cell.start, cell.end) });
  }

  private buildRow(rowDef: RowDef, label: RawCell | null, quality: LabelQuality | null, valueCells: RawCell[], labelMore: RawCell[] = []): RowModel {
    const columns: ColumnDef[] = this.def.columnSets[rowDef.columns] ?? [];
    const values = trimCells(valueCells, columns.length, this.tt);
    const cells = values.slice(0, columns.length).map((v, i) => this.buildCell(v, columns[i], i));
    const labelEnd = labelMore.length ? labelMore[labelMore.length - 1] : label;
    let labelText = label ? collapse([label, ...labelMore].map((c) => c.text).join('')) : '';
    let runTogether: string | null = null;
    const glued = values.length === 0 ? trailingFigures(labelText) : 0;
    if (glued > 0) { runTogether = labelText.slice(glued); labelText = labelText.slice(0, glued).trimEnd(); }
    const first = label ?? values[0] ?? valueCells[0];
    const last = values[values.length - 1] ?? labelEnd ?? valueCells[valueCells.length - 1];
    const start = first ? first.start : 0;
    // A label wrapped below the line of its figures (a top-aligned cell) ends after them: the row holds it whole.
    const end = Math.max(last ? last.end : start, labelEnd ? labelEnd.end : start);
    return {
      id: rowDef.id, label: labelText, labelRange: label ? this.range(label.start, labelEnd!.end) : null,
      labelPieces: label && (label.pieces || labelMore.some((m) => m.pieces)) ? this.pieces(label, labelMore) : null,
      range: this.range(start, Math.max(start, end)), cells, foundCells: values.length, expectedCells: columns.length,
      labelVersion: label ? versionLabels[this.def.id].get(cellKey(label)) ?? null : null,
      labelMatch: quality, mergedAbove: false, runTogether,
    };
  }

  private buildCell(v: RawCell, col: ColumnDef, i: number): CellModel {
    const read = readCell(v.text, col.kind);
    const start = this.index.positionAt(v.start);
    const sameLine = v.end - v.start <= this.index.lineLength(start.line) - start.character;
    return {
      column: i, columnId: col.id,
      // Cells never span lines but wrapped ones: compute the end from the start when they do not.
      range: { start, end: sameLine ? { line: start.line, character: start.character + v.end - v.start } : this.index.positionAt(v.end) },
      raw: v.text,
      separator: v.text === '' && v.sep >= 0 ? this.range(v.sep, v.sep + 1) : null,
      kind: read.kind, value: read.value, invalidReason: read.invalidReason,
    };
  }
}

/** Where figures glued to the end of a label begin ("行政规范性文件693665" → 7), or 0 when there are none. */
function trailingFigures(label: string): number {
  let i = label.length;
  while (i > 0 && /[\d\s.,]/.test(label[i - 1])) i--;
  while (i < label.length && !/\d/.test(label[i])) i++; // the run starts with a digit
  return i < label.length ? i : 0;
}
/** No template label is longer (the longest, （六）2., has 38 characters). */
const MAX_LABEL = 80;

const WORD = /\S+/g;

/** The space-separated words of `text` (which starts at document offset `start`) as cells. */
function wordsOf(text: string, start: number): RawCell[] {
  const out: RawCell[] = [];
  for (const m of matchesOf(WORD, text)) out.push({ text: m[0], start: start + m.index, end: start + m.index + m[0].length, sep: -1 });
  return out;
}

/** An all-empty logical row this wide is a row of blank cells (a blank template), not a gap between headings. */
const MIN_BLANK_ROW = 5;

/**
 * Surplus empty fields are export artefacts: Word/WPS rows end in a tab, and merged label cells leave empty
 * fields before the values. A trailing tab in a row-per-line or PDF row is never a cell; other empties are
 * dropped only while the row has more cells than the template.
 */
function trimCells(cells: RawCell[], expected: number, tt: TableText): RawCell[] {
  const layout = tt.layout;
  let a = 0;
  let b = cells.length;
  // ... except in a row of nothing but empty fields, at least as many as the template's cells: a blank row of a
  // template to fill in (a new report), whose cells are all blank.
  const blankRow = layout === 'row-per-line' && cells.length >= expected && cells.every((c) => c.text === '');
  if ((layout === 'row-per-line' && !tt.exactFields && !blankRow) || layout === 'pdf') while (b > a && cells[b - 1].text === '') b--;
  // In a copied page nothing ends a table: text after the last figures is not a cell when it is surplus or reads
  // as a heading (numbered, or longer than a figure written in words).
  if (layout === 'paragraph-copy') {
    while (b > a && !valueLike(cells[b - 1]) && (b - a > expected || hasNumbering(cells[b - 1].text) || cells[b - 1].text.length > 12)) b--;
  }
  while (b - a > expected && cells[a].text === '') a++;
  while (b - a > expected && cells[b - 1].text === '') b--;
  return cells.slice(a, b);
}

const NO_MATCH: LabelMatch = Object.freeze({ row: null, section: null, quality: null });

/** Labels remembered per table definition (matchLabel); past this many the memo starts afresh. */
const MATCH_CACHE_SIZE = 4096;

/** The template row or section a label names (in the section context where it stands), or none. */
export function matchLabel(text: string, def: TableDef, other: TableDef, context: string | null, key?: string): LabelMatch {
  const p = prepare(def, other);
  let inContext = p.matches.get(context);
  if (!inContext) p.matches.set(context, inContext = new Map<string, LabelMatch>());
  let m = inContext.get(text);
  if (m === undefined) {
    m = findLabel(text, p, context, key ?? stripNumbering(text));
    if (inContext.size >= MATCH_CACHE_SIZE) inContext.clear();
    inContext.set(text, m);
  }
  return m;
}

function findLabel(text: string, p: Prepared, context: string | null, key: string): LabelMatch {
  if (!key) return NO_MATCH;
  const numbered = hasNumbering(text);
  let best: RowDef | null = null;
  let bestScore = 0;
  let quality: LabelQuality | null = null;
  for (const r of p.rows) {
    const s = rowScore(r, key, numbered, context);
    if (s && s.score > bestScore) { best = r.row; bestScore = s.score; quality = s.quality; }
  }
  let section: SectionDef | null = null;
  let sectionScore = 0;
  for (const s of p.sections) {
    for (const nk of s.keys) {
      if (nk.length > sectionScore && key.includes(nk)) { section = s.section; sectionScore = nk.length; }
    }
  }
  // A label that names a section and not a row more specifically is the section ("（三）不予公开").
  if (section && best && sectionScore >= bestScore && !best.aggregateOf) { best = null; quality = null; }
  if (!best && !section) return typoMatch(key, p) ?? NO_MATCH;
  return { row: best, section, quality };
}

function rowScore(r: Prepared['rows'][number], key: string, numbered: boolean, context: string | null): { score: number; quality: LabelQuality } | null {
  if (r.exact.includes(key)) {
    if (!r.row.exactOnly) return { score: 1000, quality: 'exact' };
    const q = exactOnlyQuality(r.row, numbered, context);
    return q ? { score: q === 'exact' ? 1000 : 500, quality: q } : null;
  }
  if (r.row.exactOnly) return null;
  let score = 0;
  for (const nk of r.keys) if (nk.length > score && key.includes(nk)) score = nk.length;
  return score ? { score, quality: 'partial' } : null;
}

/**
 * "总计" and "其他" are also column headings: as rows they are written with their numbering, and "3.其他"
 * under its section. Written bare, they are a row only when figures follow (checked by the assembler).
 */
function exactOnlyQuality(r: RowDef, numbered: boolean, context: string | null): LabelQuality | null {
  if (/^\d/.test(norm(r.label)) && context !== r.section) return null;
  return numbered ? 'exact' : 'unnumbered';
}

/** Typo matches by label key, per table definition: headings repeat in every table and every report. */
const TYPO_CACHE_SIZE = 4096;

/** A label no fragment identifies may still be a template label with a typo ("2.其他法律行政止公开"). */
function typoMatch(key: string, p: Prepared): LabelMatch | null {
  if (key.length < FUZZY_MIN_LENGTH || key.length > MAX_LABEL) return null;
  const cached = p.typos.get(key);
  if (cached !== undefined) return cached;
  if (p.typos.size >= TYPO_CACHE_SIZE) p.typos.clear();
  const found = closestRow(key, p);
  p.typos.set(key, found);
  return found;
}

function closestRow(key: string, p: Prepared): LabelMatch | null {
  let best: RowDef | null = null;
  let bestSim = 0;
  let second = 0;
  for (const r of p.rows) {
    if (r.row.exactOnly) continue;
    for (const cand of r.exact) {
      const max = Math.max(cand.length, key.length);
      const limit = Math.floor(max * (1 - FUZZY_SIMILARITY));
      const d = editDistance(key, cand, limit);
      if (d > limit) continue; // beyond the bound the distance is unknown: no evidence either way
      const sim = 1 - d / max;
      if (sim > bestSim) { if (best !== r.row) second = bestSim; best = r.row; bestSim = sim; } else if (sim > second && best !== r.row) second = sim;
    }
  }
  // Only a clear winner: two template labels equally near are no evidence for either.
  if (!best || bestSim < FUZZY_SIMILARITY || bestSim - second < 0.1) return null;
  return { row: best, section: null, quality: 'fuzzy' };
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
