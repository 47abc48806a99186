// Numbers in the prose that contradict the tables (spec §8 heuristics): a claim of no applications while
// table 三 counts some, a stated number of applications that differs from 一、本年新收, "共N条，其中…" whose
// parts exceed the whole, and a claim of no reconsideration or lawsuit while table 四 counts cases.
// Heuristics, so warnings; each finding sits on the sentence fragment it quotes.
import type { ParsedReport } from '../parse/report';
import { normalize } from '../text';
import type { Range } from '../types';
import type { Rule } from './rule';
import { cellAt, num } from './support';

const NO_APPLICATIONS = /未(?:收到|受理|接到)[^。；，,]{0,16}?(?:公开申请|依申请公开)/g;
const RECEIVED = /(?:收到|受理|新收)[^。；，,]{0,12}?(?:公开申请|依申请公开[^。；，,\d]{0,6}?)(?:共|总计|合计)?(\d{1,6})(?:件|条|个|份)/g;
const BY_REQUEST = /依申请公开(?:信息|申请)?(?:共)?(\d{1,6})(?:件|条)/g;
const NO_CASES = /未(?:发生|收到|出现|有)[^。；]{0,24}?行政复议[^。；]{0,8}?行政诉讼/g;
// Linear on purpose: the whole and the rest of the sentence, then the parts in a second pass.
const TOTAL_AND_PARTS = /共(\d{1,7})(条|件|篇|次|个)[，,]其中([^。；]{1,800})/g;
const PART: Record<string, RegExp> = Object.fromEntries(['条', '件', '篇', '次', '个'].map((u) => [u, new RegExp(`(\\d{1,7})${u}`, 'g')]));

const KEYWORDS = /申请|共|复议|诉讼/;

export const rule: Rule = {
  meta: {
    id: 'narrative-mismatch', severity: 'warning', fixable: false, docs: 'docs/rules/narrative-mismatch.md',
    description: { 'zh-CN': '正文中的数字与统计表矛盾', en: 'Numbers in the prose contradict the tables' },
  },
  messages: {
    'zh-CN': {
      noApplications: '正文称“{quote}”，但表中“一、本年新收”总计为 {total}',
      received: '正文称收到申请 {stated} 件，但表中“一、本年新收”总计为 {total}',
      parts: '“共{total}{unit}”的各分项之和为 {sum}，超过总数',
      noCases: '正文称“{quote}”，但表四中行政复议、行政诉讼合计 {total} 件',
    },
    en: {
      noApplications: 'The text says "{quote}", but table 三 counts {total} applications received',
      received: 'The text states {stated} applications, but table 三 counts {total} received',
      parts: 'The parts of "共{total}{unit}" add up to {sum}, more than the whole',
      noCases: 'The text says "{quote}", but table 四 counts {total} cases',
    },
  },
  check(ctx) {
    const { report } = ctx.parsed;
    const apps = report.tables.find((t) => t.id === 'applications');
    const received = apps ? cellAt(apps, 'app.received', 'total') : undefined;
    const receivedTotal = received?.kind === 'number' ? received.value : null;
    const review = report.tables.find((t) => t.id === 'review');
    const caseTotals = review ? ['review.total', 'direct.total', 'after.total'].map((c) => cellAt(review, 'review.data', c)) : [];
    const cases = caseTotals.length && caseTotals.every((c) => c?.kind === 'number') ? caseTotals.reduce((s, c) => s + (c!.value ?? 0), 0) : null;

    for (const { line, text, map } of proseLines(ctx.parsed)) {
      const at = (from: number, to: number): Range => ({ start: { line, character: map[from] }, end: { line, character: map[to - 1] + 1 } });
      if (receivedTotal !== null && receivedTotal > 0) {
        for (const m of text.matchAll(NO_APPLICATIONS)) {
          ctx.report({ range: at(m.index!, m.index! + m[0].length), message: 'noApplications', args: { quote: m[0], total: num(receivedTotal) } });
        }
      }
      if (receivedTotal !== null) {
        // Only the first figure of a sentence is the total ("收到申请18件，其中自然人12件").
        for (const re of [RECEIVED, BY_REQUEST]) {
          const m = re.exec(text);
          re.lastIndex = 0;
          if (m && Number(m[1]) !== receivedTotal && !/上年|结转|办结/.test(m[0])) {
            ctx.report({ range: at(m.index, m.index + m[0].length), message: 'received', args: { stated: m[1], total: num(receivedTotal) } });
            break;
          }
        }
      }
      if (cases !== null && cases > 0) {
        for (const m of text.matchAll(NO_CASES)) {
          ctx.report({ range: at(m.index!, m.index! + m[0].length), message: 'noCases', args: { quote: m[0], total: num(cases) } });
        }
      }
      for (const m of text.matchAll(TOTAL_AND_PARTS)) {
        const total = Number(m[1]);
        let sum = 0;
        let parts = 0;
        for (const p of m[3].matchAll(PART[m[2]])) { sum += Number(p[1]); parts++; }
        if (parts < 2) continue;
        // Parts that fall short may be a selection; parts that exceed the whole are a contradiction.
        if (sum > total) ctx.report({ range: at(m.index!, m.index! + 3 + m[1].length), message: 'parts', args: { total, unit: m[2], sum } });
      }
    }
  },
};

/** Lines of prose (outside tables), normalised, with their maps back to characters of the line. */
function* proseLines(parsed: ParsedReport): Generator<{ line: number; text: string; map: number[] }> {
  // Mark table lines once: checking every line against every table is quadratic on long texts.
  const inTable = new Uint8Array(parsed.index.lineCount);
  for (const t of parsed.report.tables) inTable.fill(1, t.range.start.line, t.range.end.line + 1);
  for (let i = 0; i < parsed.index.lineCount; i++) {
    if (inTable[i]) continue;
    const raw = parsed.index.line(i);
    // Only sentences about applications, counts or cases can hold what this rule looks for.
    if (raw.length < 6 || raw.length > 5000 || raw.includes('\t') || !KEYWORDS.test(raw)) continue;
    const n = normalize(raw);
    yield { line: i, text: n.text, map: n.map };
  }
}
