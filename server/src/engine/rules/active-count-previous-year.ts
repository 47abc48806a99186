// Year against year (2021 format, table 二 第二十条第（一）项): the documents in force at the end of year N are those in
// force a year before, plus those made in N, less those repealed in N — for 规章 and for 行政规范性文件. A clean-up of
// the stock (a revision of what counts as in force) can explain a difference: the message says so.
import { tableDef } from '../template';
import type { CellFact } from '../types';
import { num } from '../names';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'active-count-previous-year', severity: 'warning', fixable: false, docs: 'docs/rules/active-count-previous-year.md',
    name: { 'zh-CN': '现行有效件数（与上年度比对）', en: 'Documents in force, against last year' },
    description: { 'zh-CN': '第二部分表格“现行有效件数”与上年度现行有效件数加本年制发、减本年废止不符', en: 'The part 2 table\'s documents in force differ from last year\'s figure plus those made, less those repealed' },
  },
  messages: {
    'zh-CN': {
      differs: '“{row}”行“现行有效件数”列填写 {value}，上年度报告（{file}）现行有效 {previous} 件，加本年制发 {made} 件、减本年废止 {repealed} 件，应为 {expected}；如本年对存量文件进行了清理或调整了统计口径，请在正文中说明',
      related: '上年度报告“{row}”行“现行有效件数”列：{previous}',
      note: '上年度报告（{file}）现行有效 {previous} 件，加本年制发 {made} 件、减本年废止 {repealed} 件，为 {expected}（{verdict}）',
      same: '一致',
      different: '不一致',
    },
    en: {
      differs: '“{row}” / “现行有效件数” is {value}; last year\'s report ({file}) had {previous} in force, plus {made} made and less {repealed} repealed this year gives {expected}. If the stock was revised this year, say so in the text',
      related: 'Last year\'s “{row}” / “现行有效件数”: {previous}',
      note: 'Last year\'s report ({file}): {previous} in force, plus {made} made, less {repealed} repealed: {expected} ({verdict})',
      same: 'agrees',
      different: 'differs',
    },
  },
  compare(ctx) {
    if (ctx.current.template !== 'T2021' || ctx.previous.facts.template !== 'T2021') return;
    const rows = tableDef('T2021', 'active').rows;
    for (const doc of ctx.current.documents) {
      const prev = ctx.previous.facts.documents.find((d) => d.row === doc.row)?.inForce;
      const [made, repealed, inForce] = [doc.made, doc.repealed, doc.inForce].map(valueOf);
      if (!prev) continue;
      if (prev.value === null || made === null || repealed === null || inForce === null) continue;
      const expected = prev.value + made - repealed;
      const args = {
        row: rows.find((r) => r.id === doc.row)?.label ?? doc.row, value: num(inForce), previous: num(prev.value),
        made: num(made), repealed: num(repealed), expected: num(expected), file: ctx.previous.label,
      };
      ctx.note(doc.inForce!.range, ctx.t('note', { ...args, verdict: ctx.t(expected === inForce ? 'same' : 'different') }));
      if (expected === inForce) continue;
      ctx.report({ range: doc.inForce!.range, message: 'differs', args, related: [{ file: ctx.previous.file, range: prev.range, message: ctx.t('related', args) }] });
    }
  },
};

function valueOf(c: CellFact | null): number | null {
  return c?.value ?? null;
}
