// What the report says of itself: its title, the year it reports on (from the title, else the 统计期限), and the
// 统计期限 (statistical period) of its introduction.
import { matchesOf, normalize, type LineIndex } from '../text';
import type { Heading, Period, Range, ReportModel } from '../types';

const TITLE_YEAR = /((?:19|20)\d{2})年/;

/** The report year: from the title, else from the end of the period. */
export function reportYear(title: Heading | null, period: Period | null): Pick<ReportModel, 'year' | 'yearSource'> {
  const ty = title ? TITLE_YEAR.exec(normalize(title.text).text) : null;
  if (ty) return { year: Number(ty[1]), yearSource: 'title' };
  if (period) return { year: period.to.year, yearSource: 'period' };
  return { year: null, yearSource: null };
}

/** Marks of a sentence, which a title has none of. */
const SENTENCE_MARKS = /[《》，。；]/;

export function findTitle(index: LineIndex, before: number): Heading | null {
  const limit = Math.min(before, index.lineCount, 20);
  let first = -1;
  for (let i = 0; i < limit; i++) {
    const t = index.line(i).trim();
    if (!t) continue;
    if (first < 0) first = i;
    // The line that names the report (a copied page may begin with the site's name or a breadcrumb).
    // Not a line of a sentence that names a report ("…关于编制公布2021年政府信息公开工作年度报告有关事项的通知》（…"),
    // as the first lines of a PDF whose title was lost are.
    if (t.length <= 80 && t.includes('报告') && t.includes('信息公开') && !SENTENCE_MARKS.test(t)) {
      // A title that begins with its year has the organ's name on the line above ("淮安市洪泽区人民政府" /
      // "2024 年政府信息公开工作年度报告"); a line that names 信息公开 is a link of the site around it ("政府信息公开年报").
      const above = i > 0 ? index.line(i - 1).trim() : '';
      const withOrgan = /^(?:19|20)\d{2}\s*年/.test(t) && above.length > 0 && above.length <= 30 && !above.includes('报告') && !above.includes('信息公开');
      return titleOf(index, withOrgan ? i - 1 : i, i);
    }
  }
  if (first < 0) return null;
  // No title line (a PDF that lost it): the introduction may name the report by its title ("特向社会公布《…2020年
  // 政府信息公开工作年度报告》"), where a notice about reports it names ends otherwise ("…年度报告有关事项的通知》").
  const quoted = quotedTitle(index, limit);
  if (quoted) return quoted;
  // No line says so: the first line, joined with the next when that one ends the title.
  const l1 = index.line(first);
  if (l1.length > 80) return null;
  const next = first + 1 < before ? index.line(first + 1) : '';
  const last = !l1.includes('报告') && next.trim() && next.includes('报告') && next.length <= 40 ? first + 1 : first;
  const t = titleOf(index, first, last);
  return (t.text.includes('报告') || t.text.includes('政府信息公开')) && !SENTENCE_MARKS.test(t.text) ? t : null;
}

/** A report's title quoted in 《》 in the first `lines` lines (it may wrap onto the next line), or null. */
function quotedTitle(index: LineIndex, lines: number): Heading | null {
  const from = index.starts[0];
  const to = lines < index.lineCount ? index.starts[lines] : index.ends[index.lineCount - 1];
  const text = index.text.slice(from, to);
  for (const m of matchesOf(QUOTED, text)) {
    const title = m[1].replace(/\s+/g, '');
    if (!QUOTED_TITLE.test(title)) continue;
    const start = from + m.index + 1;
    return { text: title, range: { start: index.positionAt(start), end: index.positionAt(start + m[1].length) } };
  }
  return null;
}
/** Text in 《》 (a title or a document's name), short enough to be one. */
const QUOTED = /《([^《》]{4,80})》/g;
/** A report's title: names 信息公开 and ends with 报告 (a notice about the reports ends with 通知). */
const QUOTED_TITLE = /信息公开.*报告$/;

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
export function findPeriod(index: LineIndex, introEndLine: number): PeriodFound {
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
