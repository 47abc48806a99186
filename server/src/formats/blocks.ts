// The document as both readers see it (saved web page, Word): paragraphs and tables of rows of cells, each cell
// holding paragraphs (and, rarely, tables) of its own. The HTML and Word readers build this tree with
// BlockBuilder; reportText() then lays it out as report text, the same way for both formats:
// - a paragraph is a line; a table row is a line of tab-separated cells, an empty cell an empty field;
// - a merged cell's text appears once, in the row where it starts. A slot covered by a cell merged from a row
//   above is an empty field only when it comes before the row's first own cell (that is how Word and WPS export
//   merged label cells as text, and what the engine reads); after it, it is left out, so that a value merged
//   over several rows never turns into blanks;
// - the paragraphs of a cell are joined ("商业" + "企业" → "商业企业"); padding (no-break and ideographic spaces,
//   zero-width characters, soft hyphens) is trimmed and runs of white space collapse to one space.
// For HTML every character keeps the offset it came from in the page, so findings can be shown there.
import type { Budget } from './budget';
import { FormatError } from './types';

export interface Para {
  kind: 'p';
  text: string;
  /** Offset in the source of each UTF-16 unit of `text` (HTML), or null (Word). */
  at: number[] | null;
  /** A Word paragraph outside tables whose tabs (`<w:tab/>`) separate cells typed as a row. */
  tabbed: boolean;
}

export interface Cell {
  blocks: Block[];
  /** Offset of the cell's start tag in the source (an empty cell's findings point there), or -1. */
  anchor: number;
  colSpan: number;
  /** HTML rowspan (0: to the end of the table). Word marks the merged slots instead (`merged`). */
  rowSpan: number;
  /** Word: 'up' for a vMerge continuation (a slot covered from above), 'left' for an hMerge one. */
  merged: 'none' | 'up' | 'left';
}

export interface Row { cells: Cell[] }

export interface Table {
  kind: 'table';
  /** How merged cells are given: HTML rowspan/colspan on the first cell, or Word's marked continuation cells. */
  merge: 'span' | 'marked';
  /** Caption (and any stray text inside the table but outside its cells). */
  before: Block[];
  rows: Row[];
}

export type Block = Para | Table;

interface OpenTable { table: Table; row: Row | null; cell: Cell | null }

/** Builds the block tree from a reader's walk: text arrives in document order between structure events. */
export class BlockBuilder {
  readonly root: Block[] = [];
  private readonly containers: Block[][] = [this.root];
  private readonly open: OpenTable[] = [];
  private chunks: string[] = [];
  private at: number[] | null;
  private tabbed = false;
  private readonly saved: { chunks: string[]; at: number[] | null; tabbed: boolean }[] = [];

  constructor(private readonly budget: Budget, withOffsets: boolean) {
    this.at = withOffsets ? [] : null;
  }

  get inCell(): boolean {
    const t = this.open[this.open.length - 1];
    return t !== undefined && t.cell !== null;
  }

  /** Text of the current paragraph; `at(i)` is the source offset of s[i] (HTML only). */
  text(s: string, at?: (i: number) => number): void {
    if (s.length === 0) return;
    this.budget.text(s.length);
    this.chunks.push(s);
    if (this.at && at) for (let i = 0; i < s.length; i++) this.at.push(at(i));
  }

  /** A Word tab: between cells of a typed row outside tables, a space inside a table cell. */
  tab(): void {
    if (this.inCell) { this.text(' '); return; }
    this.tabbed = true;
    this.text('\t');
  }

  /** Ends the current paragraph (a block boundary, a line break). */
  paragraph(): void {
    if (this.chunks.length === 0) { this.tabbed = false; return; }
    const text = this.chunks.length === 1 ? this.chunks[0] : this.chunks.join('');
    this.containers[this.containers.length - 1].push({ kind: 'p', text, at: this.at, tabbed: this.tabbed });
    this.budget.node();
    this.chunks = [];
    if (this.at) this.at = [];
    this.tabbed = false;
  }

  /**
   * Puts the current paragraph aside (a Word text box's paragraphs sit inside a run of the paragraph that holds
   * the box): the box's paragraphs come first, then the paragraph around it goes on (resume).
   */
  suspend(): void {
    this.saved.push({ chunks: this.chunks, at: this.at, tabbed: this.tabbed });
    this.chunks = [];
    if (this.at) this.at = [];
    this.tabbed = false;
  }

  resume(): void {
    this.paragraph();
    const s = this.saved.pop();
    if (s) ({ chunks: this.chunks, at: this.at, tabbed: this.tabbed } = s);
  }

  /** Word: the current cell is a merge continuation (vMerge, hMerge), known once its properties are read. */
  markCell(merged: Cell['merged']): void {
    const t = this.open[this.open.length - 1];
    if (t?.cell) t.cell.merged = merged;
  }

  startTable(merge: Table['merge']): void {
    this.paragraph();
    const table: Table = { kind: 'table', merge, before: [], rows: [] };
    this.containers[this.containers.length - 1].push(table);
    this.open.push({ table, row: null, cell: null });
    this.containers.push(table.before);
    this.budget.node();
  }

  endTable(): void {
    if (this.open.length === 0) return;
    this.endRow();
    this.paragraph();
    this.containers.pop();
    this.open.pop();
  }

  startRow(): void {
    const t = this.open[this.open.length - 1];
    if (!t) return;
    this.endRow();
    t.row = { cells: [] };
    t.table.rows.push(t.row);
    this.budget.node();
  }

  endRow(): void {
    const t = this.open[this.open.length - 1];
    if (!t) return;
    this.endCell();
    t.row = null;
  }

  /** Returns false (and ignores the cell) outside any table. */
  startCell(anchor: number, colSpan: number, rowSpan: number, merged: Cell['merged']): boolean {
    const t = this.open[this.open.length - 1];
    if (!t) return false;
    this.endCell();
    if (!t.row) this.startRow();
    this.paragraph();
    t.cell = { blocks: [], anchor, colSpan, rowSpan, merged };
    t.row!.cells.push(t.cell);
    this.containers.push(t.cell.blocks);
    this.budget.node();
    return true;
  }

  endCell(): void {
    const t = this.open[this.open.length - 1];
    if (!t?.cell) return;
    this.paragraph();
    this.containers.pop();
    t.cell = null;
  }

  finish(): Block[] {
    while (this.open.length) this.endTable();
    this.paragraph();
    return this.root;
  }
}

// ---------------------------------------------------------------- text normalisation

/** A piece of report text: one line's paragraph, or one cell. */
interface Field { text: string; at: number[] | null; anchor: number }

/** Zero-width characters and soft hyphens: invisible, so never part of a value or a label. */
function isInvisible(c: number): boolean {
  return (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xad;
}

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || c === 0x1680
    || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

/** Wide East Asian characters, between which a line break in the source is no space (CSS Text 3). */
function isWide(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f)
    || (c >= 0xff00 && c <= 0xffef) || (c >= 0xd800 && c <= 0xdfff);
}

/** `text[start, end)` with invisible characters dropped, white space collapsed and trimmed. */
function normalize(text: string, at: number[] | null, start: number, end: number, anchor: number): Field {
  let out = '';
  const outAt: number[] | null = at ? [] : null;
  let gap = -1; // offset of the first white-space character of a pending run, or -1
  let gapBreaks = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (gap < 0) { gap = i; gapBreaks = false; }
      if (c === 10 || c === 13) gapBreaks = true;
      continue;
    }
    if (isInvisible(c)) continue;
    if (gap >= 0 && out.length > 0 && !(gapBreaks && isWide(out.charCodeAt(out.length - 1)) && isWide(c))) {
      out += ' ';
      outAt?.push(at![gap]);
    }
    gap = -1;
    out += text[i];
    outAt?.push(at![i]);
  }
  return { text: out, at: outAt, anchor };
}

const ALNUM = /[A-Za-z0-9]/;

/** Fields joined into one: nothing between Chinese text, a space between two words or numbers. */
function join(parts: readonly Field[], sep: 'auto' | ' ', anchor: number): Field {
  const kept = parts.filter((p) => p.text.length > 0);
  if (kept.length === 1) return { ...kept[0], anchor };
  let text = '';
  const at: number[] | null = kept.length && kept[0].at ? [] : null;
  for (const p of kept) {
    const space = text.length > 0 && (sep === ' ' || (ALNUM.test(text[text.length - 1]) && ALNUM.test(p.text[0])));
    if (space) { text += ' '; at?.push(p.at![0]); }
    text += p.text;
    if (at) for (const o of p.at!) at.push(o);
  }
  return { text, at, anchor };
}

// ---------------------------------------------------------------- layout

/** Report text and, with offsets, the source offset of each position in it (text.length + 1 entries). */
export interface Laid { text: string; map: Int32Array | null }

class TextOut {
  private readonly parts: string[] = [];
  private readonly map: number[] | null;
  private length = 0;
  private lines = 0;
  /** Source offset that the separator after the last field maps to. */
  private after = 0;

  constructor(withOffsets: boolean, private readonly budget: Budget) {
    this.map = withOffsets ? [] : null;
  }

  line(fields: readonly Field[]): void {
    if (fields.length === 0) return;
    if (this.lines++ > 0) this.put('\n', null);
    fields.forEach((f, i) => {
      if (i > 0) this.put('\t', null);
      this.put(f.text, f.at);
      this.after = f.text.length === 0 || !f.at ? f.anchor : f.at[f.at.length - 1] + 1;
    });
  }

  private put(s: string, at: number[] | null): void {
    this.parts.push(s);
    this.length += s.length;
    if (this.length > this.budget.limits.maxTextChars) throw new FormatError('tooLarge', `text over ${this.budget.limits.maxTextChars} characters`);
    if (!this.map) return;
    if (at) for (const o of at) this.map.push(o);
    else for (let left = s.length; left > 0; left--) this.map.push(this.after); // one per UTF-16 unit (for-of would count code points)
  }

  finish(): Laid {
    const text = this.parts.join('');
    if (!this.map) return { text, map: null };
    this.map.push(this.after);
    return { text, map: Int32Array.from(this.map) };
  }
}

/** Lays out the block tree as report text (see the top of this file). */
export function reportText(blocks: readonly Block[], withOffsets: boolean, budget: Budget): Laid {
  const out = new TextOut(withOffsets, budget);
  emitBlocks(blocks, out);
  return out.finish();
}

function emitBlocks(blocks: readonly Block[], out: TextOut): void {
  for (const b of blocks) {
    if (b.kind === 'p') out.line(paragraphFields(b));
    else if (isLayoutTable(b)) emitLayoutTable(b, out);
    else {
      emitBlocks(b.before, out);
      for (const slots of rowSlots(b)) out.line(rowFields(slots));
    }
  }
}

/** A paragraph's fields: one, or for a typed Word row the tab-separated cells (indenting tabs dropped). */
function paragraphFields(p: Para): Field[] {
  if (!p.tabbed) {
    const f = normalize(p.text, p.at, 0, p.text.length, -1);
    return f.text ? [f] : [];
  }
  const fields: Field[] = [];
  let start = 0;
  for (let i = 0; i <= p.text.length; i++) {
    if (i < p.text.length && p.text[i] !== '\t') continue;
    fields.push(normalize(p.text, p.at, start, i, -1));
    start = i + 1;
  }
  while (fields.length && !fields[0].text) fields.shift();
  while (fields.length && !fields[fields.length - 1].text) fields.pop();
  return fields;
}

/**
 * A table used for page layout rather than data (a web page's frame around the article, a Word document set in
 * a one-cell box): it holds tables in its cells and has at most three cells a row. Its cells are read as
 * running text; a data table's nested table is flattened into its cell instead.
 */
function isLayoutTable(t: Table): boolean {
  let nested = false;
  for (const r of t.rows) {
    if (r.cells.filter((c) => c.merged === 'none').length > 3) return false;
    if (!nested) nested = r.cells.some((c) => c.blocks.some((b) => b.kind === 'table'));
  }
  return nested;
}

function emitLayoutTable(t: Table, out: TextOut): void {
  emitBlocks(t.before, out);
  for (const r of t.rows) for (const c of r.cells) if (c.merged === 'none') emitBlocks(c.blocks, out);
}

/** One cell's text: its paragraphs joined, a nested table's cells joined by spaces. */
function cellField(c: Cell): Field {
  return join(c.blocks.map((b) => blockField(b, c.anchor)), 'auto', c.anchor);
}

function blockField(b: Block, anchor: number): Field {
  if (b.kind === 'p') return normalize(b.text.replace(/\t/g, ' '), b.at, 0, b.text.length, anchor);
  const cells: Field[] = [];
  for (const r of b.rows) for (const c of r.cells) if (c.merged === 'none') cells.push(cellField(c));
  return join([...b.before.map((x) => blockField(x, anchor)), ...cells], ' ', anchor);
}

type Slot = { own: Cell } | { coveredBy: Cell };

function rowFields(slots: readonly Slot[]): Field[] {
  const fields: Field[] = [];
  let own = false;
  for (const s of slots) {
    if ('own' in s) { fields.push(cellField(s.own)); own = true; }
    else if (!own) fields.push({ text: '', at: null, anchor: s.coveredBy.anchor });
  }
  return own ? fields : [];
}

/** Each row's slots in grid order: the cells that start in it, and the cells that cover it from above. */
function rowSlots(t: Table): Slot[][] {
  if (t.merge === 'marked') {
    return t.rows.map((r) => r.cells.filter((c) => c.merged !== 'left').map((c): Slot => (c.merged === 'up' ? { coveredBy: c } : { own: c })));
  }
  return spanSlots(t.rows);
}

interface Span { start: number; end: number; lastRow: number; firstRow: number; cell: Cell }

/** The HTML table model: place each cell in the first column not taken by a rowspan from above. */
function spanSlots(rows: readonly Row[]): Slot[][] {
  let active: Span[] = []; // cells spanning down, sorted by start column
  return rows.map((row, r) => {
    active = active.filter((s) => s.lastRow >= r);
    const above = active.slice();
    const placed: { col: number; cell: Cell }[] = [];
    let col = 0;
    let k = 0;
    for (const cell of row.cells) {
      while (k < above.length && above[k].end <= col) k++;
      while (k < above.length && above[k].start <= col) col = above[k++].end;
      placed.push({ col, cell });
      if (cell.rowSpan !== 1) {
        const lastRow = cell.rowSpan === 0 ? rows.length - 1 : r + cell.rowSpan - 1;
        insertSpan(active, { start: col, end: col + cell.colSpan, firstRow: r, lastRow, cell });
      }
      col += cell.colSpan;
    }
    return mergeSlots(placed, above);
  });
}

function insertSpan(spans: Span[], s: Span): void {
  let i = spans.length;
  while (i > 0 && spans[i - 1].start > s.start) i--;
  spans.splice(i, 0, s);
}

function mergeSlots(placed: readonly { col: number; cell: Cell }[], above: readonly Span[]): Slot[] {
  const slots: Slot[] = [];
  let a = 0;
  for (const p of placed) {
    while (a < above.length && above[a].start < p.col) slots.push({ coveredBy: above[a++].cell });
    slots.push({ own: p.cell });
  }
  while (a < above.length) slots.push({ coveredBy: above[a++].cell });
  return slots;
}
