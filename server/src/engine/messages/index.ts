// The message catalogue: shared messages here, each rule's own messages in its module; `format` is the one
// lookup every finding, fix title, hover and outline label goes through. Chinese first, English on request.
import type { Locale } from '../types';

export type Catalogue = Record<Locale, Record<string, string>>;

export const common: Catalogue = {
  'zh-CN': {
    'fix.fillZero': '将此单元格填为 0',
    'fix.fillZeroTable': '将本表所有空白单元格填为 0',
    'fix.heading': '改为模板标题“{heading}”',
    'fix.value': '改为计算值 {value}',
    'fix.period': '改为“{period}”',
    'part': '第{n}部分',
    'table.active': '表二（主动公开政府信息情况）',
    'table.applications': '表三（收到和处理政府信息公开申请情况）',
    'table.review': '表四（行政复议、行政诉讼情况）',
    'cell': '{row}·{column}',
    'cannotCheck': '{equation}：无法核对，{cell}为空或无效',
    'balance.suspect': '{target}不平衡（{terms} = {expected}，实为 {actual}）；{cell}本身也不满足勾稽关系 {other}（应为 {otherExpected}），请先核对{cell}',
    'balance.negative': '{target}不平衡（{terms} = {expected}，实为 {actual}）；计算值为负数，不能作为修改值，请核对{cells}',
    'hover.article': '条例依据：{article}',
    'outline.unlabelledRow': '案件数（复议、诉讼）',
    'hover.balanced': '✓ 合计相符：{equation}',
    'hover.unbalanced': '✗ 合计不符：{equation}',
    'hover.cell': '值：{value}',
    'hover.blank': '空白（不等于 0）',
    'template.T2019': '2019年版格式',
    'template.T2021': '2021年版格式',
    'ruleFailed': '检查规则 {rule} 运行出错，本项未能检查：{detail}。请将此报告反馈给开发者',
  },
  en: {
    'fix.fillZero': 'Fill this cell with 0',
    'fix.fillZeroTable': 'Fill every blank cell of this table with 0',
    'fix.heading': 'Replace with the template heading "{heading}"',
    'fix.value': 'Replace with the computed value {value}',
    'fix.period': 'Replace with "{period}"',
    'part': 'part {n}',
    'table.active': 'Table 二 (proactive disclosure)',
    'table.applications': 'Table 三 (applications received and handled)',
    'table.review': 'Table 四 (reconsideration and litigation)',
    'cell': '{row} · {column}',
    'cannotCheck': '{equation}: could not be checked, {cell} is blank or invalid',
    'balance.suspect': '{target} does not balance ({terms} = {expected}, but it is {actual}); {cell} itself fails balance rule {other} (it should be {otherExpected}): check {cell} first',
    'balance.negative': '{target} does not balance ({terms} = {expected}, but it is {actual}); a negative value cannot be a fix: check {cells}',
    'hover.article': 'Regulation: {article}',
    'outline.unlabelledRow': 'Cases (reconsideration, lawsuits)',
    'hover.balanced': '✓ Balances: {equation}',
    'hover.unbalanced': '✗ Does not balance: {equation}',
    'hover.cell': 'Value: {value}',
    'hover.blank': 'Blank (not the same as 0)',
    'template.T2019': 'the 2019 template',
    'template.T2021': 'the 2021 template',
    'ruleFailed': 'Rule {rule} failed and checked nothing: {detail}. Please report this',
  },
};

/** Fill {name} placeholders. Unknown placeholders are left as written so a missing argument is visible. */
export function fill(template: string, args: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in args ? String(args[k]) : m));
}

export function format(locale: Locale, key: string, args?: Record<string, string | number>, extra?: Catalogue): string {
  const s = extra?.[locale]?.[key] ?? common[locale][key] ?? extra?.['zh-CN']?.[key] ?? common['zh-CN'][key] ?? key;
  return fill(s, args);
}

/** Chinese digits for part numbers in messages. */
export function partNumeral(n: number, locale: Locale): string {
  return locale === 'en' ? String(n) : ['', '一', '二', '三', '四', '五', '六'][n] ?? String(n);
}
