// Year against year: table 三 "二、上年结转政府信息公开申请数量" of year N is what "四、结转下年度继续办理" of year
// N−1 carried forward, column by column. Shown on this year's cell; last year's cell is a related location, and the
// hover of every compared cell shows both figures. Either report may hold the wrong figure: the rule says so.
import { tableDef } from '../template';
import { num } from '../names';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'carryover-previous-year', severity: 'warning', fixable: false, docs: 'docs/rules/carryover-previous-year.md',
    name: { 'zh-CN': '上年结转（与上年度比对）', en: 'Carried over, against last year' },
    description: { 'zh-CN': '第三部分表格“二、上年结转政府信息公开申请数量”与上年度报告“四、结转下年度继续办理”不一致', en: 'The part 3 table\'s applications carried over differ from those last year\'s report carried forward' },
  },
  messages: {
    'zh-CN': {
      differs: '“二、上年结转政府信息公开申请数量”行“{column}”列填写 {value}，上年度报告（{file}）“四、结转下年度继续办理”行的同一列为 {previous}，两者应相等，请核对本年或上年度报告',
      related: '上年度报告“四、结转下年度继续办理”行“{column}”列：{previous}',
      note: '上年度报告（{file}）“四、结转下年度继续办理”：{previous}（{verdict}）',
      same: '一致',
      different: '不一致',
    },
    en: {
      differs: '“二、上年结转政府信息公开申请数量” / “{column}” is {value}, but last year\'s report ({file}) carried forward {previous} (“四、结转下年度继续办理”): the two should be equal; check this year\'s report or last year\'s',
      related: 'Last year\'s “四、结转下年度继续办理” / “{column}”: {previous}',
      note: 'Last year\'s report ({file}), “四、结转下年度继续办理”: {previous} ({verdict})',
      same: 'the same',
      different: 'different',
    },
  },
  compare(ctx) {
    const now = ctx.current.carriedOver;
    const before = ctx.previous.facts.carriedForward;
    if (!now || !before) return;
    const columns = tableDef('T2021', 'applications').columnSets.app;
    for (const cell of now) {
      const prev = before.find((c) => c.column === cell.column);
      if (!prev) continue;
      if (cell.value === null || prev.value === null) continue;
      const args = { column: columns.find((c) => c.id === cell.column)?.label ?? cell.column, value: num(cell.value), previous: num(prev.value), file: ctx.previous.label };
      ctx.note(cell.range, ctx.t('note', { ...args, verdict: ctx.t(cell.value === prev.value ? 'same' : 'different') }));
      if (cell.value === prev.value) continue;
      ctx.report({ range: cell.range, message: 'differs', args, related: [{ file: ctx.previous.file, range: prev.range, message: ctx.t('related', args) }] });
    }
  },
};
