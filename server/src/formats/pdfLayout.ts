// Lays out the positioned text of a PDF page as `pdftotext -layout` does, the PDF layout the engine reads
// (spec §10): runs grouped into lines by baseline, ordered by x, and gaps turned into spaces in proportion to
// their width, so that table columns come apart by two or more spaces while the words of a label stay
// together. Pure: it knows nothing of PDFium, whose characters pdfRuns.ts groups into runs.
import { displayWidth } from '../engine/text';

/** A piece of text drawn in one go, in page units with the origin at the page's top left (y downward). */
export interface TextRun {
  /** The text, without leading or trailing whitespace. */
  text: string;
  /** Left end of the baseline. */
  x: number;
  y: number;
  /** Advance along the baseline. */
  width: number;
  /** Font size (the height of a line of this text). */
  size: number;
}

interface Line { y: number; size: number; runs: TextRun[] }

/** Gaps narrower than this (in ems) join two runs without a space: glyphs of one word drawn apart. */
const JOIN_GAP = 0.15;
/**
 * Gaps at least this wide (in ems) separate columns: two spaces or more. Narrower ones are word spaces. It is
 * pdf.js's own bound of a space within a line of text (SPACE_IN_FLOW_MAX_FACTOR): wider gaps start a new text
 * item. Chinese has no word spaces, and the padding between two cells of a table is often under one em.
 */
const COLUMN_GAP = 0.6;
/** Single CJK characters this close (in ems) are one label spread over its cell (分散对齐), not columns. */
const SPREAD_GAP = 4.0;
/** Baselines this close (in ems of the smaller font) are one line: figures in a larger font sit lower. */
const SAME_LINE = 0.4;
/** How far (in ems) the lines of a cell may reach further below its figures than above them. */
const CENTRE_SLACK = 0.6;
/** Lines of one wrapped cell are at most this far apart (in ems); table rows are further apart. */
const WRAPPED_LINE = 1.8;
/** A vertical gap this large (in ems) between two lines shows as a blank line. */
const BLANK_LINE = 2.5;

const VALUE_TOKEN = /^(?:[+-]?\d[\d,，]*(?:\.\d+)?%?|[/／\\]|[-—–－]{1,2}|无|空)$/;
const CJK = /^[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]$/;

/** The lines of one page, top to bottom, without trailing spaces; a wide vertical gap is one blank line. */
export function layoutPage(runs: readonly TextRun[]): string[] {
  const kept = runs.filter((r) => r.text !== '' && r.size > 0);
  if (kept.length === 0) return [];
  const lines = figuresAfterWrappedLabels(groupLines(kept));
  const left = Math.min(...kept.map((r) => r.x));
  const unit = columnUnit(kept);
  const out: string[] = [];
  let prev: Line | null = null;
  for (const line of lines) {
    if (prev && line.y - prev.y > BLANK_LINE * Math.max(prev.size, line.size)) out.push('');
    out.push(renderLine(line, left, unit));
    prev = line;
  }
  return out;
}

/** The text of a document: its pages in order, one blank line between pages. */
export function joinPages(pages: readonly string[][]): string {
  const text = pages.map((p) => p.join('\n')).filter((p) => p !== '').join('\n\n');
  return text === '' ? '' : `${text}\n`;
}

/** Runs by baseline: a run joins the line whose first baseline is within SAME_LINE of its own. */
function groupLines(runs: TextRun[]): Line[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  let cur: Line | null = null;
  for (const r of sorted) {
    if (cur && r.y - cur.y <= SAME_LINE * Math.min(r.size, cur.size)) {
      if (!cur.runs.some((o) => isDuplicate(o, r))) cur.runs.push(r);
      continue;
    }
    cur = { y: r.y, size: r.size, runs: [r] };
    lines.push(cur);
  }
  for (const l of lines) {
    l.runs.sort((a, b) => a.x - b.x);
    l.size = Math.max(...l.runs.map((r) => r.size));
  }
  return lines;
}

/** The same text drawn again a hair away: the "fake bold" of some PDF writers. */
function isDuplicate(a: TextRun, b: TextRun): boolean {
  const near = 0.3 * Math.min(a.size, b.size);
  return a.text === b.text && Math.abs(a.x - b.x) < near && Math.abs(a.y - b.y) < near;
}

/**
 * The width of one column of text: half a small font size of the page (the tenth percentile over characters),
 * so that the figures of a small-print table stay apart in proportion and a CJK character takes two columns.
 */
function columnUnit(runs: TextRun[]): number {
  const bySize = [...runs].sort((a, b) => a.size - b.size);
  const total = runs.reduce((n, r) => n + r.text.length, 0);
  let seen = 0;
  for (const r of bySize) {
    seen += r.text.length;
    if (seen >= total / 10) return r.size / 2;
  }
  return bySize[bySize.length - 1].size / 2;
}

function renderLine(line: Line, left: number, unit: number): string {
  let out = '';
  let col = 0;
  let prev: TextRun | null = null;
  for (const r of line.runs) {
    const target = Math.max(0, Math.round((r.x - left) / unit));
    const spaces = prev ? gapSpaces(prev, r, target - col) : target;
    out += ' '.repeat(spaces) + r.text;
    col += spaces + displayWidth(r.text);
    prev = r;
  }
  return out.trimEnd();
}

/** Spaces between two runs of a line: none, one (a word space), or two and more (a column gap) up to `aligned`. */
function gapSpaces(a: TextRun, b: TextRun, aligned: number): number {
  const em = Math.min(a.size, b.size);
  const gap = (b.x - (a.x + a.width)) / em;
  if (gap < JOIN_GAP) return 0;
  if (gap < COLUMN_GAP || (gap < SPREAD_GAP && isSpreadPair(a.text, b.text))) return 1;
  return Math.max(2, aligned);
}

/** Two single CJK characters (not placeholders such as 无): the letters of one spread-out label. */
function isSpreadPair(a: string, b: string): boolean {
  return CJK.test(a) && CJK.test(b) && !VALUE_TOKEN.test(a) && !VALUE_TOKEN.test(b);
}

function isValueRun(r: TextRun): boolean {
  return r.text.split(/\s+/).every((t) => VALUE_TOKEN.test(t));
}

/**
 * A row label wrapped over several lines of its cell, with the row's figures centred beside it, comes out of a
 * page as label / figures / label (or the figures on the middle line of three). Put the figures after the
 * label's last line, as pdftotext does, so that a row reads as its label lines followed by its figures.
 */
function figuresAfterWrappedLabels(lines: Line[]): Line[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    const after = moveFigures(out, i);
    if (after >= 0) i = after - 1;
  }
  return out;
}

/**
 * Move the figures of line i below the label cell they sit beside; returns the index after them, or -1.
 * Figures printed between two lines of a wrapped label (a cell centred vertically) go after its last line, as
 * pdftotext puts them. Figures on a line of the label itself stay where they are: that line may be the first of
 * the cell (cells at the top), its last (at the bottom) or its middle, which positions alone do not tell apart in
 * a table with little padding; the engine joins the label's pieces by their column and template wording instead.
 * A label in the column to the left met on the way (a group label wrapped in its own cell: （六）其 / 他处理)
 * is joined into one line, which goes above the cell, so that the cell's lines come one after the other.
 */
function moveFigures(lines: Line[], i: number): number {
  const line = lines[i];
  const firstValue = trailingValues(line.runs);
  if (firstValue >= line.runs.length) return -1;
  const rest = line.runs.slice(0, firstValue);
  const figures = line.runs.slice(firstValue);
  const figuresLeft = figures[0].x;
  const cell = cellAbove(lines, i, rest, figuresLeft);
  if (!cell) return -1;
  const top = lines[i - 1];
  const cellLines: Line[] = [top];
  const aside: Line[] = rest.length ? [{ ...line, runs: rest }] : [];
  let last = top;
  // The figures sit in the middle of the cell's lines: the cell reaches as far below them as it does above, and a
  // label further down begins the next row (tables with little padding between rows).
  const lowest = line.y + (line.y - top.y) + CENTRE_SLACK * cell.size;
  let j = i + 1;
  for (; j < lines.length && lines[j].y <= lowest; j++) {
    if (continues(last, lines[j], cell, figuresLeft)) cellLines.push((last = lines[j]));
    else if (j + 1 < lines.length && isLeftOf(lines[j], cell) && continues(last, lines[j + 1], cell, figuresLeft)) aside.push(lines[j]);
    else break;
  }
  if (j === i + 1) return -1;
  const moved = [...leftColumnApart(cellLines, cell, aside), { y: last.y, size: Math.max(...figures.map((r) => r.size)), runs: figures }];
  lines.splice(i - 1, j - i + 1, ...moved);
  return i - 1 + moved.length;
}

/**
 * The cell's lines, preceded by the lines of the column to the left: the text of that column on the cell's
 * lines joined into one run on the first of them, then set on a line of its own (it names a group of rows).
 */
function leftColumnApart(cellLines: Line[], cell: LabelCell, aside: Line[]): Line[] {
  const block = cellLines.map((l) => ({ ...l, runs: l.runs.map((r) => ({ ...r })) }));
  for (let k = block.length - 1; k > 0; k--) joinLeftColumn(block[k - 1], block[k], cell);
  const cleaned = block.map((l) => ({ ...l, runs: l.runs.filter((r) => r.text !== '') }));
  const head = cleaned[0];
  const left = head.runs.filter((r) => r.x + r.width <= cell.left);
  const othersLeft = cleaned.slice(1).some((l) => l.runs.some((r) => r.x + r.width <= cell.left));
  if (left.length === 0 || left.length === head.runs.length || othersLeft) return [...aside, ...cleaned];
  return [{ ...head, runs: left }, ...aside, { ...head, runs: head.runs.slice(left.length) }, ...cleaned.slice(1)];
}

/** Append the text of `lower` left of the cell to the run above it on `upper` (that column's label), emptying it. */
function joinLeftColumn(upper: Line, lower: Line, cell: LabelCell): void {
  for (const r of lower.runs) {
    if (r.x + r.width > cell.left || r.text === '' || isValueRun(r)) continue;
    const u = upper.runs.find((o) => o.x + o.width <= cell.left && o.x < r.x + r.width && r.x < o.x + o.width && Math.abs(o.size - r.size) < 0.2 * r.size);
    if (!u) continue;
    u.width = Math.max(u.x + u.width, r.x + r.width) - u.x;
    u.text += r.text;
    r.text = '';
  }
}

function isLeftOf(line: Line, cell: LabelCell): boolean {
  return line.runs.every((r) => !isValueRun(r) && r.x + r.width <= cell.left);
}

/** The label cell of the line above the figures of line i, when they lie between two lines of it. */
function cellAbove(lines: Line[], i: number, rest: TextRun[], figuresLeft: number): LabelCell | null {
  const above = i > 0 ? lines[i - 1] : null;
  if (!above || !isLabelOnly(above, figuresLeft)) return null;
  const cell = labelCell(above.runs, figuresLeft);
  // What else is on the figures' line (the end of a label of another column) must lie outside the cell.
  return cell && rest.every((r) => r.x + r.width <= cell.left) ? cell : null;
}

/** Index of the first of the runs that end the line and all read as values (runs.length when none do). */
function trailingValues(runs: TextRun[]): number {
  let k = runs.length;
  while (k > 0 && isValueRun(runs[k - 1])) k--;
  return k;
}

function isLabelOnly(line: Line, rightOf: number): boolean {
  return line.runs.every((r) => !isValueRun(r) && r.x + r.width <= rightOf);
}

/**
 * Whether `next` follows `prev` as the next line of the wrapped label cell `label`: close below it, and holding
 * only label text left of the figures, some of it under the label.
 */
function continues(prev: Line, next: Line, label: LabelCell, figuresLeft: number): boolean {
  const size = label.size;
  if (next.y <= prev.y || next.y - prev.y > WRAPPED_LINE * size) return false;
  if (!isLabelOnly(next, figuresLeft)) return false;
  return next.runs.some((r) => r.x < label.right + size && r.x + r.width > label.left - size && Math.abs(r.size - size) < 0.2 * size);
}

interface LabelCell { left: number; right: number; size: number }

/** The label runs just left of the figures that no column gap separates: the text of one cell. */
function labelCell(runs: TextRun[], figuresLeft: number): LabelCell | null {
  const before = runs.filter((r) => r.x + r.width <= figuresLeft && !isValueRun(r));
  if (before.length === 0) return null;
  let k = before.length - 1;
  while (k > 0 && (before[k].x - (before[k - 1].x + before[k - 1].width)) / before[k].size < COLUMN_GAP) k--;
  const last = before[before.length - 1];
  return { left: before[k].x, right: last.x + last.width, size: last.size };
}
