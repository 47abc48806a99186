// The report parser: title, year, period, the six parts and their headings, then the tables of parts
// 二, 三 and 四 read with the layout readers and assembled against the chosen template version.
import { otherVersion, tableForPart, templateForYear, templates } from '../template';
import type { PartDef } from '../template/types';
import { LineIndex, chineseNumber, editDistance, normalize } from '../text';
import type { Heading, LintOptions, Part, Period, Range, ReportModel, TableModel, TemplateId } from '../types';
import { trimTrailingMarks } from './labels';
import { assembleTable, voteVersions } from './table';
import { detectLayout, readTable, type TableText } from './layout';

/** What the rules receive: the model plus the text's line index. */
export interface ParsedReport {
  text: string;
  index: LineIndex;
  report: ReportModel;
  /** Headings found in text order (a part may appear twice or out of order). */
  headings: FoundHeading[];
}

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
const TABLE_ROW_KEYS = ['本年新收', '上年结转', '本年度办理结果', '结转下年度'];
const TITLE_YEAR = /((?:19|20)\d{2})年/;

export function parseReport(text: string, options: LintOptions = {}): ParsedReport {
  const index = new LineIndex(text);
  const headings = findHeadings(index);
  const parts = buildParts(index, headings);
  const firstHeadingLine = headings.length ? headings[0].line : index.lineCount;
  const title = findTitle(index, firstHeadingLine);
  const introEnd = headings.find((h) => h.part >= 2)?.line ?? Math.min(index.lineCount, 60);
  const { period, problem: periodProblem } = findPeriod(index, introEnd);

  let year: number | null = null;
  let yearSource: ReportModel['yearSource'] = null;
  const ty = title ? TITLE_YEAR.exec(normalize(title.text).text) : null;
  if (ty) { year = Number(ty[1]); yearSource = 'title'; } else if (period) { year = period.to.year; yearSource = 'period'; }

  // Read the tables first: their labels decide the version when the year does not.
  // Each heading reads the table of its own body (a repeated part has its own, possibly different, table).
  const texts = new Map<Part, TableText>();
  for (const p of parts) {
    // A part whose body is empty (its heading at once followed by the next) holds no table.
    if (p.number < 2 || p.number > 4 || p.bodyRange.start.line === p.heading.range.start.line) continue;
    const from = p.bodyRange.start.line;
    const to = p.bodyRange.end.line + 1;
    const layout = detectLayout(index, from, to);
    if (!layout) continue;
    const tt = readTable(index, from, to, layout);
    tt.exactFields = options.tableFields === 'exact' && layout === 'row-per-line';
    texts.set(p, tt);
  }

  let template: TemplateId | null = null;
  let templateSource: ReportModel['templateSource'] = null;
  let preTemplate = false;
  if (options.template && options.template !== 'auto') {
    template = options.template; templateSource = 'override';
  } else if (year !== null && templateForYear(year) !== null) {
    template = templateForYear(year); templateSource = 'year';
  } else {
    preTemplate = year !== null && year < 2019;
    const votes = { T2019: 0, T2021: 0 };
    for (const [part, tt] of texts) {
      const v = voteVersions(tt, tableForPart('T2021', part.number)!);
      votes.T2019 += v.T2019.length; votes.T2021 += v.T2021.length;
    }
    if (votes.T2019 + votes.T2021 > 0) { template = votes.T2019 > votes.T2021 ? 'T2019' : 'T2021'; templateSource = 'labels'; }
    // Nothing tells the version: check against the current format rather than skip every table rule.
    else if (!preTemplate) { template = 'T2021'; templateSource = 'assumed'; }
  }

  const tables: TableModel[] = [];
  for (const p of parts) {
    const tt = texts.get(p);
    if (!tt) continue;
    const base = template ?? 'T2021';
    const v = voteVersions(tt, tableForPart(base, p.number)!);
    // A table written in the other version's structure is read with that structure (and reported once).
    const tableVersion = v[otherVersion(base)].length > v[base].length ? otherVersion(base) : base;
    const def = tableForPart(tableVersion, p.number)!;
    const other = tableForPart(otherVersion(tableVersion), p.number)!;
    p.table = assembleTable(index, tt, def, other, tableVersion);
    tables.push(p.table);
  }

  const report: ReportModel = {
    lineCount: index.lineCount, title, year, yearSource, template, templateSource, preTemplate, period, periodProblem, parts, tables,
  };
  return { text, index, report, headings };
}

function findHeadings(index: LineIndex): FoundHeading[] {
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
    if (TABLE_ROW_KEYS.some((k) => rest.startsWith(k))) continue;
    const written = chineseNumber(m[1]);
    const startChar = span[0] + n.map[skip];
    const endChar = span[0] + n.map[n.text.length - 1] + 1;
    const heading = { text: line.slice(startChar, endChar), range: { start: { line: i, character: startChar }, end: { line: i, character: endChar } } };
    const best = bestPart(rest, written);
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

function buildParts(index: LineIndex, headings: FoundHeading[]): Part[] {
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

function findTitle(index: LineIndex, before: number): Heading | null {
  const limit = Math.min(before, index.lineCount, 20);
  let first = -1;
  for (let i = 0; i < limit; i++) {
    const t = index.line(i).trim();
    if (!t) continue;
    if (first < 0) first = i;
    // The line that names the report (a copied page may begin with the site's name or a breadcrumb).
    if (t.length <= 80 && t.includes('报告') && t.includes('信息公开')) {
      // A title that begins with its year has the organ's name on the line above ("淮安市洪泽区人民政府" /
      // "2024 年政府信息公开工作年度报告").
      const above = i > 0 ? index.line(i - 1).trim() : '';
      const withOrgan = /^(?:19|20)\d{2}\s*年/.test(t) && above.length > 0 && above.length <= 30 && !above.includes('报告');
      return titleOf(index, withOrgan ? i - 1 : i, i);
    }
  }
  if (first < 0) return null;
  // No line says so: the first line, joined with the next when that one ends the title.
  const l1 = index.line(first);
  if (l1.length > 80) return null;
  const next = first + 1 < before ? index.line(first + 1) : '';
  const last = !l1.includes('报告') && next.trim() && next.includes('报告') && next.length <= 40 ? first + 1 : first;
  const t = titleOf(index, first, last);
  return t.text.includes('报告') || t.text.includes('政府信息公开') ? t : null;
}

/** The title on lines first..last (one or two), its text joined without the line break. */
function titleOf(index: LineIndex, first: number, last: number): Heading {
  const l1 = index.line(first);
  const lastLine = index.line(last);
  const text = last === first ? l1.trim() : `${l1.trim()}${lastLine.trim()}`;
  const s = l1.length - l1.trimStart().length;
  return { text, range: { start: { line: first, character: s }, end: { line: last, character: lastLine.trimEnd().length } } };
}

/** Y年M月D日, or Y.M.D, Y-M-D, Y/M/D (the year may be left out of the end date). */
const PERIOD = /^统计(?:期限|时限|期间|时间|区间|周期)[^。；]{0,16}?(?:自|从|为)?((?:19|20)\d{2})(?:年|[./-])(\d{1,2})(?:月|[./-])(\d{1,2})[日号]?起?(?:至|到|-|~)(?:((?:19|20)\d{2})(?:年|[./-]))?(\d{1,2})(?:月|[./-])(\d{1,2})[日号]?/d;
/** A period sentence whose dates cannot be read ("自202111日起至20211230日止"): two runs of date characters. */
const PERIOD_LOOSE = /^统计(?:期限|时限|期间|时间|区间|周期)[^。；]{0,16}?(?:自|从|为)([\d年][\d年月日号./-]{0,19}?)起?(?:至|到|~)([\d年][\d年月日号./-]{0,19})/d;
/** A period sentence that names a year but no range ("统计期限为2021年度"): a period is stated. */
const PERIOD_YEAR = /^统计(?:期限|时限)[^。；]{0,16}?(?:19|20)\d{2}年/;
/** A whole calendar year written without the word 统计期限 ("数据时间为2021年1月1日至2021年12月31日"). */
const BARE_YEAR = /(?:19|20)\d{2}年1月1日起?(?:至|到|-|~)(?:(?:19|20)\d{2}年)?12月31日/;
/** How far into a text a period sentence is looked for (far beyond any real report's length). */
const PERIOD_SEARCH = 400000;

interface PeriodFound { period: Period | null; problem: ReportModel['periodProblem'] }

/**
 * The 统计期限: the first period sentence of the introduction (before part 二) is the report's period. A period
 * sentence elsewhere (it may be a campaign's dates), one naming only a year, or a bare whole-year range in the
 * introduction only shows that a period is stated.
 */
function findPeriod(index: LineIndex, introEndLine: number): PeriodFound {
  const introEnd = index.ends[Math.max(0, Math.min(introEndLine, index.lineCount) - 1)] ?? 0;
  let malformed: Range | null = null;
  let stated = false;
  // Normalise only a window after each 统计 (the text can be long; the period sentence is short).
  const limit = Math.min(index.text.length, PERIOD_SEARCH);
  for (let at = index.text.indexOf('统计'); at >= 0 && at < limit; at = index.text.indexOf('统计', at + 2)) {
    const n = normalize(index.text.slice(at, Math.min(index.text.length, at + 160)));
    const range = (from: number, to: number): Range => ({ start: index.positionAt(at + n.map[from]), end: index.positionAt(at + n.map[to - 1] + 1) });
    const m = PERIOD.exec(n.text);
    const loose = m ? null : PERIOD_LOOSE.exec(n.text);
    if (!m && !loose) { stated ||= PERIOD_YEAR.test(n.text); continue; }
    if (at >= introEnd) { stated = true; break; }
    if (loose) { malformed ??= range(fromOf(n.text, loose), loose[0].length); continue; }
    return { period: periodOf(m!, range(fromOf(n.text, m!), m![0].length)), problem: null };
  }
  if (malformed) return { period: null, problem: { kind: 'malformed', range: malformed } };
  if (stated || BARE_YEAR.test(normalize(index.text.slice(0, Math.min(introEnd, 40000))).text)) return { period: null, problem: null };
  return { period: null, problem: { kind: 'absent' } };
}

/** Where the period's range starts: at 自 or 从 when written, else at the first figure. */
function fromOf(text: string, m: RegExpExecArray): number {
  const from = m.indices![1][0];
  return text[from - 1] === '自' || text[from - 1] === '从' ? from - 1 : from;
}

function periodOf(m: RegExpExecArray, range: Range): Period {
  const y1 = Number(m[1]);
  return {
    range,
    from: { year: y1, month: Number(m[2]), day: Number(m[3]) },
    to: { year: m[4] ? Number(m[4]) : y1, month: Number(m[5]), day: Number(m[6]) },
  };
}
