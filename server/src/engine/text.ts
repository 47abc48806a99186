// Line index (offsets ⇄ LSP positions, UTF-16 as JavaScript strings are) and the normalisation
// that lets pasted text match template wording: full-width digits and punctuation, spacing, artefacts.
import type { Position, Range } from './types';

export class LineIndex {
  /** Offset of the first character of each line. */
  readonly starts: Uint32Array;
  /** Offset just past the last character of each line, before its line break. */
  readonly ends: Uint32Array;
  constructor(readonly text: string) {
    // Typed arrays sized in a first pass: 8 bytes per line instead of ≈ 19 in growing number arrays, which
    // matters for text of many short lines (a CLI input can hold millions).
    const starts = new Uint32Array(countLines(text));
    const ends = new Uint32Array(starts.length);
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */ || c === 13 /* \r */) {
        ends[n++] = i;
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        starts[n] = i + 1;
      }
    }
    ends[n] = text.length;
    this.starts = starts;
    this.ends = ends;
  }
  get lineCount(): number { return this.starts.length; }
  line(n: number): string { return this.text.slice(this.starts[n], this.ends[n]); }
  lineLength(n: number): number { return this.ends[n] - this.starts[n]; }
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: Math.min(o, this.ends[lo]) - this.starts[lo] };
  }
  offsetAt(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.starts.length) return this.text.length;
    return this.starts[p.line] + Math.max(0, Math.min(p.character, this.ends[p.line] - this.starts[p.line]));
  }
  /** The range of line n without its line break. */
  lineRange(n: number): Range { return { start: { line: n, character: 0 }, end: { line: n, character: this.lineLength(n) } }; }
  /** End of the text as a position. */
  get end(): Position { const n = this.lineCount - 1; return { line: n, character: this.lineLength(n) }; }
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  return lines;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function containsPosition(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

/** Fold one character code to its matching form: full-width ASCII to ASCII, dash and quote variants unified. */
function foldCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  switch (code) {
    case 0x3000: case 0xa0: return 32;
    case 0x2014: case 0x2013: case 0x2015: case 0x2212: return 45; // dashes → -
    case 0x201c: case 0x201d: case 0x300c: case 0x300d: return 34; // quotes → "
    default: return code;
  }
}

export interface Normalized {
  /** Folded text with all whitespace, Markdown emphasis and bookmark artefacts removed. */
  text: string;
  /** map[i] = offset in the source string of text[i]; map[text.length] = source length. */
  map: number[];
}

// Bounded and stopping at the next "[": an unclosed "[bookmark: " must not scan to the end of the text each time.
const ARTEFACT = /\[bookmark: [^\][\n]{0,200}\]|\*\*/g;

/** Whitespace, and the invisible characters pasted text carries: zero-width spaces and joiners, word joiner, soft hyphen, BOM. */
function isDropped(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0x200b || code === 0xfeff
    || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xad;
}

/** Normalise a string for matching while keeping a map back to source offsets. */
export function normalize(source: string): Normalized {
  const codes: number[] = [];
  const map: number[] = [];
  // Artefacts are rare: only pay for finding them when the text can hold one.
  const spans: [number, number][] = [];
  if (source.includes('[bookmark') || source.includes('**')) {
    for (const m of source.matchAll(ARTEFACT)) spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  let span = 0;
  for (let i = 0; i < source.length; i++) {
    if (span < spans.length && i >= spans[span][0]) {
      if (i < spans[span][1]) continue;
      span++;
      if (span < spans.length && i >= spans[span][0] && i < spans[span][1]) continue;
    }
    const c = foldCode(source.charCodeAt(i));
    if (isDropped(c)) continue;
    codes.push(c);
    map.push(i);
  }
  map.push(source.length);
  let text = '';
  for (let i = 0; i < codes.length; i += 4096) text += String.fromCharCode(...codes.slice(i, i + 4096));
  return { text, map };
}

/** Normalised text only (no offset map). */
export function norm(source: string): string {
  // Labels are normalised by the hundred per report: copy the runs of characters kept as they are, fold the rest,
  // without the offset map. Text that may hold an artefact takes the full path.
  let out = '';
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 42 /* * */ || c === 91 /* [ */) return normalize(source).text;
    const f = foldCode(c);
    if (f === c && !isDropped(c)) continue;
    out += source.slice(from, i);
    if (!isDropped(f)) out += String.fromCharCode(f);
    from = i + 1;
  }
  return from === 0 ? source : out + source.slice(from);
}

/**
 * Every match of a global regex, as `text.matchAll(re)` gives them, without the copy of the regex that matchAll makes
 * on each call (the prose rules run a dozen patterns over every paragraph).
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError('matchesOf needs a global regex'); // as matchAll
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

/** A page number on a line of its own in PDF text ("-3-", "第 3 页"): the table or paragraph goes on past it. */
export const PAGE_NUMBER = /^\s*(?:[-—－]\s*\d{1,4}\s*[-—－]|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?)\s*$/;

const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Value of a Chinese numeral from 一 to 九十九 (enough for part and item numbers), or null. */
export function chineseNumber(s: string): number | null {
  if (!s) return null;
  if (s.length === 1) return CN_NUM[s] ?? null;
  const t = s.indexOf('十');
  if (t < 0) return null;
  const tens = t === 0 ? 1 : CN_NUM[s.slice(0, t)];
  const ones = t === s.length - 1 ? 0 : CN_NUM[s.slice(t + 1)];
  if (tens === undefined || ones === undefined || s.length > 3) return null;
  return tens * 10 + ones;
}

/** Levenshtein distance, bounded: returns max+1 as soon as it is exceeded. */
export function editDistance(a: string, b: string, max = 64): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Columns a text takes in a monospaced view: two for wide (CJK, full-width) characters, one for others. */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // the second half of a surrogate pair
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

function isWide(c: number): boolean {
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) || (c >= 0xac00 && c <= 0xd7a3)
    || (c >= 0xd800 && c <= 0xdbff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f)
    || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
}
