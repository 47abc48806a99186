// The six parts: heading lines found by their template wording (exact, an accepted variant, or near enough), a
// reworded heading placed where its part is missing, and each part's body and sub-headings.
import { trimTrailingMarks } from '../labels';
import { partHeadingLikeTableKeys, templates } from '../template';
import type { PartDef } from '../template/types';
import { chineseNumber, editDistance, normalize, type LineIndex } from '../text';
import type { Heading, Part, Range } from '../types';

export interface FoundHeading {
  part: number;
  line: number;
  heading: Heading;
  writtenNumber: number | null;
  match: 'exact' | 'variant' | 'mismatch';
  /** The template wording the heading is compared with (numbering included). */
  expected: string;
}

const PARTS: PartDef[] = templates.T2021.parts;
const HEADING = /^([一二三四五六])\s*(?:[、.,，:：．]\s*)?(.{2,48})$/;
/** Template headings (numbering dropped) and accepted variants, for the exact match before any edit distance. */
const KNOWN_HEADINGS = new Map<string, { part: PartDef; exact: 'exact' | 'variant' }>(PARTS.flatMap((p) => [
  ...p.variants.map((v) => [v, { part: p, exact: 'variant' as const }] as const),
  [p.heading.slice(2), { part: p, exact: 'exact' as const }] as const,
]));
const MAY_BE_HEADING = /^[\s#*\u3000]*[一二三四五六]/;

/** The most characters of a heading that a PDF's line may wrap onto the next line. */
const WRAPPED_TAIL = 8;

export function findHeadings(index: LineIndex): FoundHeading[] {
  const out: FoundHeading[] = [];
  const unplaced: Unplaced[] = [];
  for (let i = 0; i < index.lineCount; i++) {
    const line = index.line(i);
    if (line.length > 120) continue;
    const span = headingSpan(line);
    if (!span || !MAY_BE_HEADING.test(line.slice(span[0], span[1]))) continue;
    const n = normalize(line.slice(span[0], span[1]));
    let s = n.text;
    let skip = 0;
    while (s[skip] === '#') skip++;
    s = s.slice(skip);
    const m = HEADING.exec(s);
    if (!m) continue;
    const rest = trimTrailingMarks(m[2]);
    if (partHeadingLikeTableKeys.some((k) => rest.startsWith(k))) continue; // 一、本年新收… is a row of table 三
    const written = chineseNumber(m[1]);
    const startChar = span[0] + n.map[skip];
    const endChar = span[0] + n.map[n.text.length - 1] + 1;
    let heading = { text: line.slice(startChar, endChar), range: { start: { line: i, character: startChar }, end: { line: i, character: endChar } } };
    let best = bestPart(rest, written);
    // A long heading wrapped onto the next line in a PDF ("…提起行政诉讼情" / "况"): with that line it is whole.
    const tail = best?.exact === 'mismatch' && i + 1 < index.lineCount ? index.line(i + 1).trim() : '';
    const whole = tail && tail.length <= WRAPPED_TAIL && !tail.includes('\t') ? bestPart(trimTrailingMarks(m[2] + normalize(tail).text), written) : null;
    if (whole && whole.exact !== 'mismatch') {
      best = whole;
      heading = { text: heading.text + tail, range: { start: heading.range.start, end: { line: i + 1, character: index.line(i + 1).trimEnd().length } } };
    }
    if (!best) {
      if (written && NUMBERED.test(s) && rest.length <= 40 && !/[。；]/.test(rest)) unplaced.push({ line: i, written, rest, heading });
      continue;
    }
    const match: FoundHeading['match'] = best.exact === 'mismatch' || written !== best.part.number ? 'mismatch' : best.exact;
    out.push({ part: best.part.number, line: i, writtenNumber: written, match, expected: best.part.heading, heading });
  }
  return placeReworded(out, unplaced);
}

/** A line that reads as "N、…" but too unlike any part's wording to be placed by similarity alone. */
interface Unplaced { line: number; written: number; rest: string; heading: Heading }

/** Numbering with its mark: "六、" (a reworded heading must at least be numbered like one). */
const NUMBERED = /^[一二三四五六][、.,，:：]/;

/**
 * A part still missing may have a reworded heading ("六、需要说明的其他事项与附表"): a line numbered as that part,
 * in its place between the parts before and after it, that names the part's subject (the template's part keys).
 */
function placeReworded(found: FoundHeading[], unplaced: Unplaced[]): FoundHeading[] {
  if (!unplaced.length) return found;
  const out = [...found];
  for (const part of PARTS) {
    if (out.some((h) => h.part === part.number)) continue;
    const after = Math.max(-1, ...out.filter((h) => h.part < part.number).map((h) => h.line));
    const before = Math.min(Infinity, ...out.filter((h) => h.part > part.number).map((h) => h.line));
    const c = unplaced.find((u) => u.written === part.number && u.line > after && u.line < before && part.keys.some((k) => u.rest.includes(k)));
    if (c) out.push({ part: part.number, line: c.line, writtenNumber: c.written, match: 'mismatch', expected: part.heading, heading: c.heading });
  }
  return out.sort((a, b) => a.line - b.line);
}

/**
 * Where a heading can be on this line: the whole line, or the one non-empty cell of a table line (a converter
 * puts a heading inside a pipe or tab row). Null for a table line with several cells.
 */
function headingSpan(line: string): [number, number] | null {
  if (!line.includes('\t') && !line.includes('|')) return [0, line.length];
  let span: [number, number] | null = null;
  let from = 0;
  for (let k = 0; k <= line.length; k++) {
    if (k < line.length && line[k] !== '\t' && line[k] !== '|') continue;
    if (line.slice(from, k).trim()) {
      if (span) return null;
      span = [from, k];
    }
    from = k + 1;
  }
  return span;
}

/** The part a heading's text names, by similarity to the template wording and its accepted variants. */
function bestPart(rest: string, written: number | null): { part: PartDef; exact: 'exact' | 'variant' | 'mismatch' } | null {
  const known = KNOWN_HEADINGS.get(rest);
  if (known) return known;
  let best: PartDef | null = null;
  let bestSim = 0;
  for (const p of PARTS) {
    for (const cand of [p.heading.slice(2), ...p.variants]) {
      const max = Math.max(cand.length, rest.length);
      // Below 0.55 similarity a heading is never accepted: stop counting edits there.
      let sim = 1 - editDistance(rest, cand, Math.ceil(max * 0.45)) / max;
      // A heading cut short ("…申请情") is still that heading.
      if (cand.startsWith(rest) && rest.length >= cand.length * 0.6) sim = Math.max(sim, 0.85);
      if (p.number === written) sim += 0.05;
      if (sim > bestSim) { best = p; bestSim = sim; }
    }
  }
  if (!best) return null;
  const threshold = best.number === written ? 0.6 : 0.75;
  return bestSim >= threshold ? { part: best, exact: 'mismatch' } : null;
}

export function buildParts(index: LineIndex, headings: FoundHeading[]): Part[] {
  return headings.map((h, k) => {
    const endLine = k + 1 < headings.length ? headings[k + 1].line - 1 : index.lineCount - 1;
    const bodyStart = h.line + 1;
    // A heading followed at once by the next one (or by the end of the text) has an empty body at its own end.
    const bodyRange: Range = endLine < bodyStart
      ? { start: h.heading.range.end, end: h.heading.range.end }
      : { start: { line: bodyStart, character: 0 }, end: { line: endLine, character: index.lineLength(endLine) } };
    return {
      number: h.part, heading: h.heading, writtenNumber: h.writtenNumber,
      headingMatch: h.match, bodyRange,
      range: { start: h.heading.range.start, end: bodyRange.end },
      subHeadings: findSubHeadings(index, h.line + 1, endLine),
      table: null,
    };
  });
}

const SUB_HEADING = /^[ \u3000]*(?:\*\*)?[（(][一二三四五六七八九十]{1,3}[)）]/;

function findSubHeadings(index: LineIndex, from: number, to: number): Heading[] {
  const out: Heading[] = [];
  for (let i = from; i <= to && i < index.lineCount; i++) {
    const line = index.line(i);
    if (line.includes('\t') || !SUB_HEADING.test(line)) continue;
    const start = line.search(/[（(]/);
    // A sub-heading often runs on into its paragraph: keep the words up to the first full stop or colon.
    let end = line.length;
    const stop = line.slice(start).search(/[。：:]/);
    if (stop >= 0) end = start + stop;
    end = Math.min(end, start + 40);
    while (end > start && /\s/.test(line[end - 1])) end--;
    out.push({ text: line.slice(start, end), range: { start: { line: i, character: start }, end: { line: i, character: end } } });
  }
  return out;
}
