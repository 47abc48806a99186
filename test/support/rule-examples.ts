// The examples of the rule pages (docs/rules/*.md), made checkable. A page marks each example block with an HTML
// comment just above it (invisible on the rendered page):
//   <!-- example: triggers cell-blank ×2 in clean-2023-row-per-line.txt -->   the block, put into that example
//                                     report, gives exactly 2 cell-blank findings (the report alone gives none)
//   <!-- example: triggers section-content ×1, section-content:info ×1 in clean-2023-row-per-line.txt -->
//   <!-- example: each line triggers period-mismatch ×1 in clean-2023-row-per-line.txt -->
//   <!-- example: triggers section-order ×1 alone -->           the block linted on its own
//   <!-- example: fixed -->      the block put over the text of the last "triggers": no finding of those rules
// A block is an excerpt: "→" is a tab, a pipe row "| a | b |" is a row of cells, "……" on a line of its own skips
// lines, "  ← …" is a note. How an excerpt is put into a report is spliceExcerpt's.
import { editDistance, norm } from '../../server/src/engine/text';

export interface Expectation { rule: string; severity: string | null; count: number }

export interface Example {
  /** 1-based line of the block's fence in the page. */
  line: number;
  kind: 'triggers' | 'fixed';
  /** triggers: where the block goes (an example file, or null: alone); one splice per line when `eachLine`. */
  base: string | null;
  eachLine: boolean;
  expect: Expectation[];
  lines: string[];
  /** fixed: the triggers example it corrects. */
  fixes?: Example;
}

const DIRECTIVE = /^<!-- example: (.*) -->$/;
const TRIGGERS = /^(each line )?triggers (.+?) (?:in (\S+)|alone)$/;

/** The marked example blocks of a page, in page order; a fixed block takes its rules and base from the last triggers. */
export function examplesOf(page: string): Example[] {
  const lines = page.split('\n');
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const d = DIRECTIVE.exec(lines[i].trim());
    if (!d) continue;
    let fence = i + 1;
    while (fence < lines.length && lines[fence].trim() === '') fence++;
    if (!lines[fence]?.startsWith('```')) throw new Error(`line ${i + 1}: an example comment must stand just above a code block`);
    let end = fence + 1;
    while (end < lines.length && !lines[end].startsWith('```')) end++;
    const block = lines.slice(fence + 1, end);
    if (d[1] === 'fixed') {
      const last = [...out].reverse().find((e) => e.kind === 'triggers');
      if (!last) throw new Error(`line ${i + 1}: "fixed" with no "triggers" before it`);
      out.push({ line: fence + 1, kind: 'fixed', base: last.base, eachLine: false, expect: last.expect, lines: block, fixes: last });
      continue;
    }
    const t = TRIGGERS.exec(d[1]);
    if (!t) throw new Error(`line ${i + 1}: cannot read "${d[1]}"`);
    const expect = t[2].split(/,\s*/).map((s) => {
      const m = /^([a-z-]+)(?::(error|warning|info|hint))? ×(\d+)$/.exec(s);
      if (!m) throw new Error(`line ${i + 1}: cannot read "${s}" (rule[:severity] ×N)`);
      return { rule: m[1], severity: m[2] ?? null, count: Number(m[3]) };
    });
    out.push({ line: fence + 1, kind: 'triggers', base: t[3] ?? null, eachLine: !!t[1], expect, lines: block });
    i = end;
  }
  return out;
}

/** An excerpt's line as report text: tabs for →, a pipe row as tab-separated cells, without its note. */
export function excerptLine(line: string): string {
  let s = line.replace(/\s+←.*$/, '').replace(/→/g, '\t').trimEnd();
  if (s.startsWith('|')) s = s.replace(/^\|\s*|\s*\|$/g, '').split(/\s*\|\s*/).join('\t');
  return s;
}

const isGap = (s: string) => /^\s*…+\s*$/.test(s);
const HEADING = /^\s*([一二三四五六])、/;
const FIGURE = /^(?:[-+]?[\d.,]*|[/／—–-]|无)$/;

/** A row's label: its cells that are not figures, joined, in compared form ('' for a row of figures only). */
function rowKey(line: string): string {
  return norm(line.split('\t').map((c) => c.trim()).filter((c) => !FIGURE.test(c)).join(''));
}

/**
 * Where a line of an excerpt goes in the text (-1: nowhere, it is new). A heading replaces the heading of its
 * part; a row the row of the same label (the same, ending with it, or the nearest by a few edits), a row of figures
 * only the table's row of figures; a line of prose replaces the sentence it begins (found by the words before
 * its first figure).
 */
function placeOf(text: string[], line: string, after: number): number {
  const order = [...text.keys()].filter((k) => k > after).concat([...text.keys()].filter((k) => k <= after));
  const h = HEADING.exec(line);
  if (h && !line.includes('\t')) return order.find((k) => !text[k].includes('\t') && HEADING.exec(text[k])?.[1] === h[1]) ?? -1;
  if (line.includes('\t')) {
    const key = rowKey(line);
    const rows = order.filter((k) => text[k].includes('\t'));
    if (!key) return rows.find((k) => rowKey(text[k]) === '' && text[k].split('\t').length >= 5) ?? -1;
    const same = rows.find((k) => rowKey(text[k]) === key) ?? rows.find((k) => rowKey(text[k]).endsWith(key) || key.endsWith(rowKey(text[k])) && rowKey(text[k]).length > 1);
    if (same !== undefined) return same;
    const near = rows.map((k) => ({ k, d: editDistance(rowKey(text[k]), key, 20) })).filter((x) => x.d <= Math.floor(key.length * 0.3)).sort((a, b) => a.d - b.d);
    return near.length && (near.length === 1 || near[0].d < near[1].d) ? near[0].k : -1;
  }
  const stem = proseStem(line);
  return order.find((k) => text[k].includes(stem)) ?? -1;
}

function proseStem(line: string): string {
  const s = line.trim().replace(/…+$/, '');
  const digit = s.search(/\d/);
  return digit >= 4 ? s.slice(0, digit) : s;
}

/** The sentence a line of prose replaces: from its stem to the next 。 (or as far as the excerpt goes, when it ends in ……). */
function replaceProse(target: string, line: string): string {
  const s = line.trim();
  const open = /…+$/.test(s);
  const body = s.replace(/…+$/, '');
  const at = target.indexOf(proseStem(line));
  if (open) {
    const pattern = new RegExp(body.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\d+/g, '\\d+'));
    const m = pattern.exec(target.slice(at));
    if (m?.index !== 0) throw new Error(`"${s}" does not begin a sentence there: ${target}`);
    return target.slice(0, at) + body + target.slice(at + m[0].length);
  }
  const stop = target.indexOf('。', at);
  return target.slice(0, at) + body + (stop < 0 ? '' : target.slice(stop + 1));
}

/**
 * The text with the excerpt put in: each line replaces the line it names (placeOf); lines that name none are new
 * and go after the line before them. Lines of the text between two lines that follow each other in the excerpt
 * are left out (so an excerpt can drop a row or a part), unless the excerpt has "……" between them.
 */
export function spliceExcerpt(textLines: readonly string[], excerpt: readonly string[]): string[] {
  const text = [...textLines];
  let previous = -1;
  let gap = true;
  let fresh: string[] = [];
  for (const raw of excerpt) {
    if (isGap(raw)) { gap = true; continue; }
    const line = excerptLine(raw);
    if (line.trim() === '') continue;
    let at = placeOf(text, line, previous);
    if (at < 0) { fresh.push(line); continue; }
    if (!gap && previous >= 0 && at > previous + 1) { text.splice(previous + 1, at - previous - 1); at = previous + 1; }
    text.splice(at, 0, ...fresh);
    at += fresh.length;
    fresh = [];
    text[at] = line.includes('\t') || (HEADING.test(line) && !text[at].includes('\t')) ? line : replaceProse(text[at], raw.replace(/\s+←.*$/, ''));
    previous = at;
    gap = false;
  }
  if (fresh.length) {
    if (previous < 0) throw new Error(`no line of the excerpt is in the report: ${excerpt.join(' / ')}`);
    text.splice(previous + 1, 0, ...fresh);
  }
  return text;
}
