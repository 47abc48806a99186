// The message catalogue: shared messages here, each rule's own messages in its module, the adapters' words in
// theirs; `format` is the one lookup every finding, fix title, hover, outline label, CLI line and client notice goes
// through. Chinese first, English on request. Conventions of the Chinese text: the template's terms (勾稽关系,
// 申请人情况, 办理结果), tables named by their part (第三部分表格), cells named “（七）总计”行“自然人”列, full-width
// punctuation and operators (＋ ＝), no rule ids or version codes where a person reads.
import type { Provision } from '../template/types';
import type { Locale } from '../types';

export type Catalogue = Record<Locale, Record<string, string>>;

export const common: Catalogue = {
  'zh-CN': {
    'fix.fillZero': '确认未发生，{cell}填 0',
    'fix.fillZeroTable': '确认均未发生，{table} {n} 个空白格全部填 0',
    'fix.heading': '改为模板标题“{heading}”',
    'fixAll.source': '自动修正可确定的问题（恢复模板标题等）',
    'table.active': '第二部分表格',
    'table.applications': '第三部分表格',
    'table.review': '第四部分表格',
    'tableTitle.active': '第二部分表格（主动公开政府信息情况）',
    'tableTitle.applications': '第三部分表格（收到和处理政府信息公开申请情况）',
    'tableTitle.review': '第四部分表格（政府信息公开行政复议、行政诉讼情况）',
    'cell': '“{row}”行“{column}”列',
    'cell.grouped': '“{group}·{column}”列',
    'column.grouped': '{group}·{column}',
    'group.review': '行政复议',
    'group.direct': '未经复议直接起诉',
    'group.after': '复议后起诉',
    'term': '“{name}” {value}',
    'terms.plus': '＋',
    'terms.minus': '－',
    'terms.rest': '，其余各项为 0',
    'terms.allZero': '各项均为 0',
    'list.sep': '、',
    'list.or': ' 或 ',
    'cite': '{article}{detail}',
    'cite.article': '第{n}条',
    'cite.item': '（{n}）',
    'cite.items': '第{items}项',
    'cite.paragraph': '第{n}款',
    'cite.sep': '、',
    'hover.article': '依据：《条例》{article}',
    'hover.balanced': '✓ 勾稽关系相符：{equation}',
    'hover.unbalanced': '✗ 勾稽关系不符：{equation}',
    'equation.balanced': '{target}＝{terms}＝{sum}',
    'equation.unbalanced': '{target}填写 {actual}，各项之和为 {sum}（{terms}）',
    'equation.unbalancedNet': '{target}填写 {actual}，按勾稽关系应为 {sum}（{terms}）',
    'hover.cell': '填报数：{value}',
    'hover.blank': '未填写（空白不等于 0）',
    'hover.invalid': '填报数：“{value}”（不是数字）',
    'outline.unlabelledRow': '案件数（行政复议、行政诉讼）',
    'outline.detail': '{year}年度，{template}',
    'outline.year': '{year}年度',
    'date': '{year}年{month}月{day}日',
    'template.T2019': '2019年版格式',
    'template.T2021': '2021年版格式',
    'ruleFailed': '检查项“{name}”运行出错，本项未能检查：{detail}。请将该报告和本提示反馈给维护人员',
  },
  en: {
    'fix.fillZero': 'None occurred: fill {cell} with 0',
    'fix.fillZeroTable': 'None occurred: fill all {n} blank cells of {table} with 0',
    'fix.heading': 'Change to the template heading “{heading}”',
    'fixAll.source': 'Fix what is certain (template headings, …)',
    'table.active': 'the part 2 table',
    'table.applications': 'the part 3 table',
    'table.review': 'the part 4 table',
    'tableTitle.active': 'Part 2 table (proactive disclosure)',
    'tableTitle.applications': 'Part 3 table (applications received and handled)',
    'tableTitle.review': 'Part 4 table (administrative reconsideration and litigation)',
    'cell': '“{row}” / “{column}”',
    'cell.grouped': '{group} / “{column}”',
    'column.grouped': '{group} / “{column}”',
    'group.review': 'Administrative reconsideration',
    'group.direct': 'Lawsuits filed directly',
    'group.after': 'Lawsuits after reconsideration',
    'term': '“{name}” {value}',
    'terms.plus': ' + ',
    'terms.minus': ' − ',
    'terms.rest': ', the other items 0',
    'terms.allZero': 'every item is 0',
    'list.sep': ', ',
    'list.or': ' or ',
    'cite': '{article}{detail}',
    'cite.article': 'Article {n}',
    'cite.item': '({n})',
    'cite.items': '{items}',
    'cite.paragraph': ', paragraph {n}',
    'cite.sep': '; ',
    'hover.article': 'Basis: the Regulations, {article}',
    'hover.balanced': '✓ Adds up: {equation}',
    'hover.unbalanced': '✗ Does not add up: {equation}',
    'equation.balanced': '{target} = {terms} = {sum}',
    'equation.unbalanced': '{target} is {actual}; its items add up to {sum} ({terms})',
    'equation.unbalancedNet': '{target} is {actual}; by the balance it should be {sum} ({terms})',
    'hover.cell': 'Figure: {value}',
    'hover.blank': 'Blank (a blank is not 0)',
    'hover.invalid': 'Figure: “{value}” (not a number)',
    'outline.unlabelledRow': 'Cases (reconsideration, lawsuits)',
    'outline.detail': '{year}, {template}',
    'outline.year': '{year}',
    'date': '{year}-{month2}-{day2}',
    'template.T2019': 'the 2019 template',
    'template.T2021': 'the 2021 template',
    'ruleFailed': 'The check “{name}” failed and checked nothing: {detail}. Please send this report and this message to the maintainers',
  },
};

/** A client locale ('zh-cn', 'zh-tw', 'en-US', …) → an engine locale; unknown → zh-CN. */
export function localeOf(clientLocale: unknown): Locale {
  if (typeof clientLocale !== 'string') return 'zh-CN';
  if (/^zh/i.test(clientLocale)) return 'zh-CN';
  if (/^en/i.test(clientLocale)) return 'en';
  return 'zh-CN';
}

export type Args = Record<string, string | number>;

/** A template cut at its placeholders: text, then a placeholder as written and its parts, and so on. */
type Piece = string | { written: string; key: string; one?: string; other?: string };

const PLACEHOLDER = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;
/** Templates cut once: messages are formatted for every finding, from a few hundred templates. */
const pieces = new Map<string, Piece[]>();
/** Past this many templates (fill of text that is no catalogue's) the memo starts afresh. */
const PIECES_SIZE = 2048;

function piecesOf(template: string): Piece[] {
  let out = pieces.get(template);
  if (out) return out;
  out = [];
  let at = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > at) out.push(template.slice(at, m.index));
    out.push({ written: m[0], key: m[1], one: m[2], other: m[3] });
    at = m.index + m[0].length;
  }
  if (at < template.length) out.push(template.slice(at));
  if (pieces.size >= PIECES_SIZE) pieces.clear();
  pieces.set(template, out);
  return out;
}

/**
 * Fill {name} placeholders, and {name|one|other} plural choices (English: "{n} {n|file|files}"). Unknown
 * placeholders are left as written so a missing argument is visible.
 */
export function fill(template: string, args: Args = {}): string {
  let out = '';
  for (const p of piecesOf(template)) {
    if (typeof p === 'string') out += p;
    else if (!(p.key in args)) out += p.written;
    else if (p.one === undefined) out += String(args[p.key]);
    else out += Number(args[p.key]) === 1 ? p.one : p.other!;
  }
  return out;
}

export function format(locale: Locale, key: string, args?: Args, extra?: Catalogue): string {
  const s = extra?.[locale]?.[key] ?? common[locale][key] ?? extra?.['zh-CN']?.[key] ?? common['zh-CN'][key] ?? key;
  return fill(s, args);
}

/** A message function bound to a locale and a catalogue (falling back to the shared one). */
export function translator(locale: Locale, extra?: Catalogue): (key: string, args?: Args) => string {
  return (key, args) => format(locale, key, args, extra);
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 as Chinese numerals (二十七, 五十一), as articles and parts are numbered. */
function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}

/** How each locale writes a part or article number. */
export const numeral: Record<Locale, (n: number) => string> = { 'zh-CN': chineseNumeral, en: String };

/** Part numbers in messages: 第三部分, part 3. */
export function partNumeral(n: number, locale: Locale): string {
  return numeral[locale](n);
}

/** Items joined as the locale lists them (、 or ", "). */
export function list(locale: Locale, items: readonly string[]): string {
  return items.join(format(locale, 'list.sep'));
}

/** Alternatives: "a、b 或 c", "a, b or c". */
export function listOr(locale: Locale, items: readonly string[]): string {
  return items.length < 2 ? items.join('') : list(locale, items.slice(0, -1)) + format(locale, 'list.or') + items[items.length - 1];
}

/** 第三十六条第（一）（二）项、第三十八条 / Article 36(1)(2); Article 38. */
export function citation(locale: Locale, provisions: readonly Provision[]): string {
  const n = numeral[locale];
  return provisions.map((p) => {
    const items = p.items?.length ? format(locale, 'cite.items', { items: p.items.map((i) => format(locale, 'cite.item', { n: n(i) })).join('') }) : '';
    const paragraph = p.paragraph ? format(locale, 'cite.paragraph', { n: n(p.paragraph) }) : '';
    return format(locale, 'cite', { article: format(locale, 'cite.article', { n: n(p.article) }), detail: items + paragraph });
  }).join(format(locale, 'cite.sep'));
}
