// The characters of a PDF page, as PDFium gives them, grouped into runs of text for pdfLayout.ts: characters
// on one baseline with gaps under 0.6 em make a run, a gap over 0.102 em is a space in it (pdf.js's bounds for
// its text items, which the layout was made with; spaces drawn as characters are dropped, gaps make them).
// Positions are taken in the page's own space, turned so that most of its text runs left to right: a page with
// /Rotate reads as the same page unrotated, and text at another angle (a stamp, a diagonal watermark) is left out.
import type { Pdfium, PdfiumExports } from './pdfium';
import type { TextRun } from './pdfLayout';

/** pdf.js's bounds on a gap along a line, in ems (its evaluator.js): a space above MIN, a new run above MAX. */
const SPACE_IN_FLOW_MIN = 0.102;
const SPACE_IN_FLOW_MAX = 0.6;
const NEGATIVE_SPACE_MAX = -0.2;
/** A baseline further off than this (in ems) starts a new run. */
const VERTICAL_SHIFT = 0.25;
/** Bytes of wasm memory for the out-parameters of one character's calls. */
const SCRATCH_BYTES = 64;

/** One character in the page's reading frame (y downward): its baseline origin, advance end and em. */
interface Char { text: string; x: number; y: number; right: number; size: number; quarter: number }
interface Run extends TextRun { vertical: boolean }

/** The runs of text of a page (PDFium's FPDF_PAGE), in the order they are drawn. */
export function pageRuns(pdfium: Pdfium, page: number): TextRun[] {
  const X = pdfium.wasmExports;
  const textPage = X.FPDFText_LoadPage(page);
  if (!textPage) return [];
  const scratch = X.malloc(SCRATCH_BYTES);
  try {
    const chars = pageChars(pdfium, textPage, scratch);
    const upright = dominantQuarter(chars);
    return groupRuns(chars.filter((c) => c.quarter === upright));
  } finally {
    X.free(scratch);
    X.FPDFText_ClosePage(textPage);
  }
}

/** Spaces and breaks drawn as characters: no text for the layout, which makes spaces from gaps. */
const isBlank = (code: number) => code === 0x20 || code === 0x0d || code === 0x0a || code === 0xa0 || code === 0x3000 || code === 0xfffe;

function pageChars(pdfium: Pdfium, textPage: number, scratch: number): Char[] {
  const X = pdfium.wasmExports;
  const chars: Char[] = [];
  for (let i = 0, n = X.FPDFText_CountChars(textPage); i < n; i++) {
    const unicode = X.FPDFText_GetUnicode(textPage, i);
    // PDFium gives a hyphen that ends a line as 0x02 (FPDFText_IsHyphen): it is drawn, and pdftotext keeps it.
    const code = unicode === 0x02 ? 0x2d : unicode;
    if (isBlank(code) || X.FPDFText_IsGenerated(textPage, i)) continue;
    // Counter-clockwise in the page's space (y up); turned to y down, the baseline's angle is its opposite.
    const quarter = quarterTurn(-X.FPDFText_GetCharAngle(textPage, i));
    if (quarter < 0) continue;
    chars.push(charAt(pdfium, X, textPage, i, scratch, quarter, String.fromCodePoint(code)));
  }
  return chars;
}

/** Character i turned by `quarter` quarter turns back, so that its baseline runs left to right. */
function charAt(pdfium: Pdfium, X: PdfiumExports, textPage: number, i: number, scratch: number, quarter: number, text: string): Char {
  X.FPDFText_GetCharOrigin(textPage, i, scratch, scratch + 8);
  const f64 = pdfium.HEAPF64;
  const [x, y] = turn(f64[scratch >> 3], -f64[(scratch >> 3) + 1], quarter);
  // The em: the font size (the Tf operand) times the text matrix's scale across the baseline. The Tf operand
  // alone is 439 for a 22-point title drawn with a matrix of 0.05 (WPS).
  X.FPDFText_GetMatrix(textPage, i, scratch + 16); // FS_MATRIX: a b c d e f, float32
  let f32 = pdfium.HEAPF32;
  const m = (scratch + 16) >> 2;
  const size = X.FPDFText_GetFontSize(textPage, i) * Math.hypot(f32[m + 2], f32[m + 3]);
  X.FPDFText_GetLooseCharBox(textPage, i, scratch + 40); // FS_RECTF: left top right bottom, y up
  f32 = pdfium.HEAPF32;
  const r = (scratch + 40) >> 2;
  // The advance ends at the box's far side along the baseline: its largest x once turned.
  const right = Math.max(turn(f32[r], -f32[r + 1], quarter)[0], turn(f32[r + 2], -f32[r + 3], quarter)[0]);
  return { text, x, y, right, size, quarter };
}

/** 0–3 quarter turns of a baseline's angle (y down), or -1 for text at another angle (a diagonal watermark). */
function quarterTurn(angle: number): number {
  const q = Math.round(angle / (Math.PI / 2));
  return Math.abs(angle - q * (Math.PI / 2)) < 0.05 ? ((q % 4) + 4) % 4 : -1;
}

function dominantQuarter(chars: Char[]): number {
  const counts = [0, 0, 0, 0];
  for (const c of chars) counts[c.quarter]++;
  return counts.indexOf(Math.max(...counts));
}

/** A point (y down) turned by `quarter` quarter turns back. */
function turn(x: number, y: number, quarter: number): [number, number] {
  switch (quarter) {
    case 1: return [y, -x];
    case 2: return [-x, -y];
    case 3: return [-y, x];
    default: return [x, y];
  }
}

/** Characters in drawing order as runs: along one baseline while the gaps are small, or down one column. */
function groupRuns(chars: Char[]): TextRun[] {
  const runs: TextRun[] = [];
  let run: Run | null = null;
  let last: Char | null = null;
  const close = (r: Run) => runs.push({ text: r.text, x: r.x, y: r.y, size: r.size, width: r.vertical ? r.text.length * r.size : r.width });
  for (const c of chars) {
    if (run && last && (continuesBelow(run, last, c) || continuesAlong(run, last, c))) {
      last = c;
      continue;
    }
    if (run) close(run);
    run = { text: c.text, x: c.x, y: c.y, width: c.right - c.x, size: c.size, vertical: false };
    last = c;
  }
  if (run) close(run);
  return runs;
}

/** Text that may be written vertically: CJK characters and punctuation, no figures (full-width ones neither). */
const VERTICAL_TEXT = /^[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff0f\uff1a-\uff65]+$/;

/**
 * The next character drawn one em below the last at the same x: vertical writing (a label down a merged cell),
 * which the layout takes as one run where it starts. PDFium does not say which fonts write vertically, so this
 * is told from the positions, for CJK text only (Latin letters one above the other are an index's heading and
 * its first entry); figures are never joined this way.
 */
function continuesBelow(run: Run, last: Char, c: Char): boolean {
  if (run.text.length > 1 && !run.vertical) return false;
  const step = (c.y - last.y) / run.size;
  if (Math.abs(c.x - last.x) >= 0.05 * run.size || step <= 0.8 || step >= 1.3 || !VERTICAL_TEXT.test(run.text + c.text)) return false;
  run.vertical = true;
  run.text += c.text;
  return true;
}

/** The next character on the run's baseline, in its size, after a gap that is no column gap: the run goes on. */
function continuesAlong(run: Run, last: Char, c: Char): boolean {
  if (run.vertical) return false;
  const gap = (c.x - last.right) / run.size;
  const sameLine = Math.abs(c.y - run.y) <= VERTICAL_SHIFT * run.size && Math.abs(c.size - run.size) < 0.01 * run.size;
  if (!sameLine || gap < NEGATIVE_SPACE_MAX || gap > SPACE_IN_FLOW_MAX) return false;
  run.text += (gap > SPACE_IN_FLOW_MIN ? ' ' : '') + c.text;
  run.width = c.right - run.x;
  return true;
}
