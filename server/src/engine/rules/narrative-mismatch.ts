// Numbers in the prose that contradict the tables (spec §8 heuristics): a claim of no applications while table 三
// counts some, a stated total of applications that is neither 一、本年新收 nor 一 + 二、上年结转, "共N条，其中…"
// whose parts exceed the whole, a claim of no reconsideration or lawsuit while table 四 counts cases, and the
// figures a reviewer checks by hand: the numbers of 行政复议 and 行政诉讼 cases, 上年结转, 结转下年度 and
// "办结N件" against their cells (stated.ts). Heuristics, so warnings; each finding sits on the words it quotes.
// Prose wrapped over lines is read whole.
import type { Range } from '../types';
import type { Rule, RuleContext } from './rule';
import { cellAt } from '../lookup';
import { num } from '../names';
import { matchesOf } from '../text';
import { paragraphs, sentenceAround } from './prose';
import { checkStatedFigures, statedFigures } from './narrative/stated';

const NO_APPLICATIONS = /未(?:收到|受理|接到)[^。；，,]{0,16}?(?:公开申请|依申请公开)/g;
const RECEIVED = /(?:收到|受理|新收)[^。；，,]{0,12}?(?:公开申请|依申请公开[^。；，,\d]{0,6}?)(?:共|总计|合计)?(\d{1,6})(?:件|条|个|份)/g;
const BY_REQUEST = /依申请公开(?:信息|申请)?(?:共)?(\d{1,6})(?:件|条)/g;
const NO_CASES = /未(?:发生|收到|出现|有)[^。；]{0,24}?行政复议[^。；]{0,8}?行政诉讼/g;
// Linear on purpose: the whole and the rest of the sentence, then the parts in a second pass.
const TOTAL_AND_PARTS = /共(\d{1,7})(条|件|篇|次|个)[，,]其中([^。；]{1,800})/g;
const PART: Record<string, RegExp> = Object.fromEntries(['条', '件', '篇', '次', '个'].map((u) => [u, new RegExp(`(\\d{1,7})${u}`, 'g')]));

const KEYWORDS = /申请|共|复议|诉讼|结转|办结/;
/** A count of applications is a claim about all of them only with one of these words in its clause. */
const TOTAL_WORD = /共|合计|总计|累计|全年/;
/** Counts of carried-over or closed applications are not counts received. */
const NOT_RECEIVED = /上年|结转|办结/;
/** Published documents counted by disclosure type ("主动公开121条、依申请公开128条、不予公开67条"). */
const DOCUMENT_TYPES = /(?:主动公开|不予公开)[^。；，,、\d]{0,8}?\d{1,7}条/;
const CLAUSE_END = /[，,、。；;：:]/;

interface Received { received: number; carried: number | null }

export const rule: Rule = {
  meta: {
    id: 'narrative-mismatch', severity: 'warning', fixable: false, docs: 'docs/rules/narrative-mismatch.md',
    name: { 'zh-CN': '正文与表格矛盾', en: 'Prose against the tables' },
    description: { 'zh-CN': '正文中的数字与统计表矛盾', en: 'Numbers in the prose contradict the tables' },
  },
  messages: {
    'zh-CN': {
      noApplications: '正文称“{quote}”，但第三部分表格“一、本年新收政府信息公开申请数量”总计为 {total}',
      received: '正文称收到申请 {stated} 件，但第三部分表格“一、本年新收政府信息公开申请数量”总计为 {total}',
      receivedWithCarried: '正文称收到申请 {stated} 件，但第三部分表格“一、本年新收政府信息公开申请数量”总计为 {total}，加上“二、上年结转政府信息公开申请数量”为 {withCarried}',
      parts: '“共{total}{unit}”的各分项之和为 {sum}，超过总数',
      noCases: '正文称“{quote}”，但第四部分表格中行政复议、行政诉讼共 {total} 件',
      review: '正文称行政复议 {stated} 件，但第四部分表格“行政复议·总计”列为 {total}',
      litigation: '正文称行政诉讼 {stated} 件，但第四部分表格中行政诉讼两项“总计”之和为 {total}（未经复议直接起诉 {direct}，复议后起诉 {after}）',
      cases: '正文称行政复议和行政诉讼共 {stated} 件，但第四部分表格三项“总计”之和为 {total}',
      carriedOver: '正文称上年结转 {stated} 件，但第三部分表格“二、上年结转政府信息公开申请数量”总计为 {total}',
      carriedForward: '正文称结转下年度 {stated} 件，但第三部分表格“四、结转下年度继续办理”总计为 {total}',
      closed: '正文称办结 {stated} 件，但第三部分表格“（七）总计”行“总计”列为 {total}',
    },
    en: {
      noApplications: 'The text says “{quote}”, but the part 3 table counts {total} applications received this year',
      received: 'The text states {stated} applications, but the part 3 table counts {total} received this year',
      receivedWithCarried: 'The text states {stated} applications, but the part 3 table counts {total} received this year, {withCarried} with those carried over',
      parts: 'The parts of “共{total}{unit}” add up to {sum}, more than the whole',
      noCases: 'The text says “{quote}”, but the part 4 table counts {total} cases of reconsideration and litigation',
      review: 'The text states {stated} reconsideration cases, but the part 4 table counts {total} (“行政复议·总计”)',
      litigation: 'The text states {stated} lawsuits, but the two lawsuit totals of the part 4 table add up to {total} (filed directly {direct}, after reconsideration {after})',
      cases: 'The text states {stated} reconsideration and litigation cases in all, but the three totals of the part 4 table add up to {total}',
      carriedOver: 'The text states {stated} applications carried over from last year, but the part 3 table counts {total} (“二、上年结转政府信息公开申请数量”)',
      carriedForward: 'The text states {stated} applications carried forward, but the part 3 table counts {total} (“四、结转下年度继续办理”)',
      closed: 'The text states {stated} applications closed, but the part 3 table counts {total} (“（七）总计”)',
    },
  },
  check(ctx) {
    const received = receivedFigures(ctx);
    const cases = reviewCases(ctx);
    const stated = statedFigures(ctx.parsed.report.tables);
    for (const p of paragraphs(ctx.parsed, KEYWORDS)) {
      const at = (from: number, to: number): Range => ({ start: ctx.parsed.index.positionAt(p.offsets[from]), end: ctx.parsed.index.positionAt(p.offsets[to - 1] + 1) });
      if (received) checkApplications(ctx, p.text, at, received);
      checkCases(ctx, p.text, at, cases);
      checkParts(ctx, p.text, at);
      checkStatedFigures(ctx, p.text, at, stated);
    }
  },
};

type At = (from: number, to: number) => Range;

/** 一、本年新收 总计 (null when not a number: nothing to compare) and 二、上年结转 总计. */
function receivedFigures(ctx: RuleContext): Received | null {
  const apps = ctx.parsed.report.tables.find((t) => t.id === 'applications');
  const received = apps ? cellAt(apps, 'app.received', 'total') : undefined;
  if (received?.kind !== 'number' || received.value === null) return null;
  const carried = cellAt(apps!, 'app.carried-over', 'total');
  return { received: received.value, carried: carried?.kind === 'number' ? carried.value : null };
}

function reviewCases(ctx: RuleContext): number | null {
  const review = ctx.parsed.report.tables.find((t) => t.id === 'review');
  const totals = review ? ['review.total', 'direct.total', 'after.total'].map((c) => cellAt(review, 'review.data', c)) : [];
  return totals.length && totals.every((c) => c?.kind === 'number') ? totals.reduce((s, c) => s + (c!.value ?? 0), 0) : null;
}

function checkApplications(ctx: RuleContext, text: string, at: At, f: Received): void {
  if (f.received > 0) {
    for (const m of matchesOf(NO_APPLICATIONS, text)) {
      ctx.report({ range: at(m.index, m.index + m[0].length), message: 'noApplications', args: { quote: m[0], total: num(f.received) } });
    }
  }
  const withCarried = f.carried ? f.received + f.carried : null;
  for (const m of statedTotals(text)) {
    const stated = Number(m[1]);
    // 收到 / 受理 may count this year's applications alone or with those carried over; 新收 only the former.
    if (stated === f.received || (stated === withCarried && !m[0].startsWith('新收'))) continue;
    const args = { stated, total: num(f.received), withCarried: num(withCarried ?? f.received) };
    ctx.report({ range: at(m.index!, m.index! + m[0].length), message: withCarried ? 'receivedWithCarried' : 'received', args });
  }
}

/** Statements of the total number of applications: a clause with 共, 全年… ("全年共收到政府信息公开申请26件"). */
function statedTotals(text: string): RegExpMatchArray[] {
  const received = matchesOf(RECEIVED, text);
  const byRequest = matchesOf(BY_REQUEST, text).filter((b) => !received.some((r) => overlaps(r, b)) && !DOCUMENT_TYPES.test(sentenceAround(text, b)));
  return [...received, ...byRequest]
    .filter((m) => !NOT_RECEIVED.test(m[0]) && (m[0].startsWith('新收') || TOTAL_WORD.test(clauseOf(text, m))))
    .sort((a, b) => a.index - b.index);
}

function overlaps(a: RegExpMatchArray, b: RegExpMatchArray): boolean {
  return a.index! < b.index! + b[0].length && b.index! < a.index! + a[0].length;
}

/** The match with the words of its clause before it (a count in a list is its own clause: "、依申请公开128条"). */
function clauseOf(text: string, m: RegExpMatchArray): string {
  let from = m.index!;
  while (from > 0 && m.index! - from < 60 && !CLAUSE_END.test(text[from - 1])) from--;
  return text.slice(from, m.index! + m[0].length);
}


function checkCases(ctx: RuleContext, text: string, at: At, cases: number | null): void {
  if (cases === null || cases === 0) return;
  for (const m of matchesOf(NO_CASES, text)) {
    ctx.report({ range: at(m.index, m.index + m[0].length), message: 'noCases', args: { quote: m[0], total: num(cases) } });
  }
}

function checkParts(ctx: RuleContext, text: string, at: At): void {
  for (const m of matchesOf(TOTAL_AND_PARTS, text)) {
    const total = Number(m[1]);
    let sum = 0;
    let parts = 0;
    for (const p of matchesOf(PART[m[2]], m[3])) { sum += Number(p[1]); parts++; }
    if (parts < 2) continue;
    // Parts that fall short may be a selection; parts that exceed the whole are a contradiction. Shown on "共N条".
    if (sum > total) ctx.report({ range: at(m.index, m.index + 2 + m[1].length), message: 'parts', args: { total, unit: m[2], sum } });
  }
}
