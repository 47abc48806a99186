// Figures the prose states that have a cell of their own: 行政复议 and 行政诉讼 cases (table 四's totals),
// 上年结转, 结转下年度 and 办结 (table 三's totals). A reviewer reads them against the tables by hand; a report that
// changes a figure in one place and not the other is caught here. A statement is compared only when its sentence
// is about disclosure (信息公开, 依申请, 申请): a government's report may count all its reconsiderations too.
import type { Range, TableModel } from '../../types';
import type { RuleContext } from '../rule';
import { cellAt } from '../../lookup';
import { num } from '../../names';
import { matchesOf } from '../../text';
import { sentenceAround } from '../prose';

const UNIT = '(?:件|起|宗|个)';
const REVIEW = new RegExp(`行政复议(?:案件|申请)?(?:共|合计|总计)?(\\d{1,5})${UNIT}`, 'g');
const LITIGATION = new RegExp(`行政诉讼(?:案件)?(?:共|合计|总计)?(\\d{1,5})${UNIT}`, 'g');
const BOTH = new RegExp(`行政复议(?:和|及|与|、)行政诉讼(?:案件)?(共|合计|总计|各)?(\\d{1,5})${UNIT}`, 'g');
const CARRIED_OVER = /上年度?结转(?:的|政府信息公开|申请){0,3}(?:共)?(\d{1,6})(?:件|条)/g;
const CARRIED_FORWARD = /结转(?:至|到)?(?:下一?年度?|(?:19|20)\d{2}年度?)(?:继续办理)?(?:的|申请){0,2}(?:共)?(\d{1,6})(?:件|条)/g;
const CLOSED = /办结(?:政府信息公开|依申请公开|依申请)?(?:申请)?(?:共)?(\d{1,6})(?:件|条)/g;
const ABOUT_DISCLOSURE = /信息公开|依申请/;
/** Other business an office closes or carries over (hotline calls, petitions, proposals): not applications. */
const OTHER_BUSINESS = /热线|信访|诉求|办件|事项|投诉|举报|建议|提案|案件/;
/** How far back (characters) a statement of 结转 or 办结 may be from the words naming the applications. */
const CONTEXT = 120;

export interface Figures {
  review: number | null;
  direct: number | null;
  after: number | null;
  carriedOver: number | null;
  carriedForward: number | null;
  closed: number | null;
}

/** The cells the prose is compared with; null where the table has no number there. */
export function statedFigures(tables: readonly TableModel[]): Figures {
  const review = tables.find((t) => t.id === 'review');
  const apps = tables.find((t) => t.id === 'applications');
  const value = (table: TableModel | undefined, row: string, column: string) => {
    const cell = table ? cellAt(table, row, column) : undefined;
    return cell?.kind === 'number' ? cell.value : null;
  };
  return {
    review: value(review, 'review.data', 'review.total'),
    direct: value(review, 'review.data', 'direct.total'),
    after: value(review, 'review.data', 'after.total'),
    carriedOver: value(apps, 'app.carried-over', 'total'),
    carriedForward: value(apps, 'app.carried-forward', 'total'),
    closed: value(apps, 'app.total', 'total'),
  };
}

type At = (from: number, to: number) => Range;
type Report = (m: RegExpMatchArray, message: string, args: Record<string, string | number>) => void;

export function checkStatedFigures(ctx: RuleContext, text: string, at: At, f: Figures): void {
  const report: Report = (m, message, args) => ctx.report({ range: at(m.index!, m.index! + m[0].length), message, args });
  checkCases(text, f, report);
  compare(text, CARRIED_OVER, f.carriedOver, 'carriedOver', report);
  compare(text, CARRIED_FORWARD, f.carriedForward, 'carriedForward', report);
  compare(text, CLOSED, f.closed, 'closed', report);
}

/** 行政复议 and 行政诉讼 cases, stated apart, together ("共N件") or each ("各N件"), against table 四's totals. */
function checkCases(text: string, f: Figures, report: Report): void {
  const litigation = f.direct !== null && f.after !== null ? f.direct + f.after : null;
  const reviewArgs = (stated: number) => ({ stated, total: num(f.review!) });
  const litigationArgs = (stated: number) => ({ stated, total: num(litigation!), direct: num(f.direct!), after: num(f.after!) });
  const about = (m: RegExpMatchArray) => ABOUT_DISCLOSURE.test(sentenceAround(text, m));
  const both = matchesOf(BOTH, text).filter(about);
  for (const m of both) {
    const stated = Number(m[2]);
    if (m[1] === '各') {
      if (f.review !== null && f.review !== stated) report(m, 'review', reviewArgs(stated));
      if (litigation !== null && litigation !== stated) report(m, 'litigation', litigationArgs(stated));
    } else if (f.review !== null && litigation !== null && f.review + litigation !== stated) {
      report(m, 'cases', { stated, total: num(f.review + litigation) });
    }
  }
  const inBoth = (m: RegExpMatchArray) => both.some((b) => m.index! >= b.index && m.index! < b.index + b[0].length);
  for (const m of matchesOf(REVIEW, text)) {
    if (f.review !== null && !inBoth(m) && about(m) && Number(m[1]) !== f.review) report(m, 'review', reviewArgs(Number(m[1])));
  }
  for (const m of matchesOf(LITIGATION, text)) {
    if (litigation !== null && !inBoth(m) && about(m) && Number(m[1]) !== litigation) report(m, 'litigation', litigationArgs(Number(m[1])));
  }
}

/** A figure of table 三 stated in a sentence about applications (not hotline calls or petitions). */
function compare(text: string, pattern: RegExp, total: number | null, message: string, report: Report): void {
  if (total === null) return;
  for (const m of matchesOf(pattern, text)) {
    const stated = Number(m[1]);
    if (stated === total) continue;
    // "上年结转3件。本年度办结26件，其中…" follow the sentence that names the applications: look a little way back.
    const context = text.slice(Math.max(0, m.index - CONTEXT), m.index + m[0].length);
    if (!OTHER_BUSINESS.test(sentenceAround(text, m)) && context.includes('申请')) report(m, message, { stated, total: num(total) });
  }
}
