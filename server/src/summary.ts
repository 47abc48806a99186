// The summary of a folder of reports, one report a line: office, year, template, errors, warnings, the balance
// rules (勾稽关系) that fail, whether the statistical period and the template version are right, and last year's
// report it was compared with. The CLI prints it (--format summary, --format csv); the language server writes it
// for the editor's summary command. Pure: the adapters give each report's result.
import { format, list, translator, type Catalogue } from './engine/messages';
import type { Locale, Severity, TemplateId, YearFacts } from './engine/types';

export interface SummaryInput {
  file: string;
  linted: boolean;
  facts: Pick<YearFacts, 'officeName' | 'year'> | null;
  template: TemplateId | null;
  diagnostics: readonly { rule: string; severity: Severity }[];
  /** Last year's report it was compared with, as shown (a base name), or null. */
  previous: string | null;
}

export interface SummaryRow {
  file: string;
  office: string | null;
  year: number | null;
  template: TemplateId | null;
  errors: number;
  warnings: number;
  /** Balance rules with an error or warning (not "could not be checked"), in the template's order. */
  balance: string[];
  periodRight: boolean;
  templateRight: boolean;
  previous: string | null;
  unreadable: boolean;
}

const BALANCE_RULES = ['balance-carryover', 'balance-row-total', 'balance-outcome-total', 'balance-review-total'];

export function summaryRow(r: SummaryInput): SummaryRow {
  const loud = r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  const has = (rule: string) => r.diagnostics.some((d) => d.rule === rule);
  return {
    file: r.file,
    office: r.facts?.officeName ?? null,
    year: r.facts?.year ?? null,
    template: r.template,
    errors: r.diagnostics.filter((d) => d.severity === 'error').length,
    warnings: r.diagnostics.filter((d) => d.severity === 'warning').length,
    balance: BALANCE_RULES.filter((id) => loud.some((d) => d.rule === id)),
    periodRight: !has('period-mismatch'),
    templateRight: !has('template-version'),
    previous: r.previous,
    unreadable: !r.linted,
  };
}

export const summaryMessages: Catalogue = {
  'zh-CN': {
    'summary.headers': '文件|机关|年度|格式版本|错误|警告|勾稽关系不符|统计期限|格式版本与年度|上年度报告',
    'summary.T2019': '2019年版', 'summary.T2021': '2021年版',
    'summary.periodRight': '正确', 'summary.periodWrong': '有误',
    'summary.templateRight': '相符', 'summary.templateWrong': '不符',
    'summary.none': '—', 'summary.unreadable': '无法读取',
    'summary.balance-carryover': '各列结转', 'summary.balance-row-total': '各行总计',
    'summary.balance-outcome-total': '办理结果总计', 'summary.balance-review-total': '复议诉讼总计',
  },
  en: {
    'summary.headers': 'file|office|year|template|errors|warnings|balance checks failing|period|template for the year|last year\'s report',
    'summary.T2019': '2019 template', 'summary.T2021': '2021 template',
    'summary.periodRight': 'right', 'summary.periodWrong': 'wrong',
    'summary.templateRight': 'right', 'summary.templateWrong': 'wrong',
    'summary.none': '-', 'summary.unreadable': 'unreadable',
    'summary.balance-carryover': 'carry-over', 'summary.balance-row-total': 'row totals',
    'summary.balance-outcome-total': 'outcome total', 'summary.balance-review-total': 'review total',
  },
};

const headers = (locale: Locale) => format(locale, 'summary.headers', {}, summaryMessages).split('|');

/** A row as the cells of the table (both formats). */
function cells(r: SummaryRow, locale: Locale): string[] {
  const t = translator(locale, summaryMessages);
  const none = t('summary.none');
  if (r.unreadable) return [r.file, t('summary.unreadable'), ...Array<string>(8).fill(none)];
  return [
    r.file, r.office ?? none, r.year === null ? none : String(r.year), r.template ? t(`summary.${r.template}`) : none,
    String(r.errors), String(r.warnings), r.balance.length ? list(locale, r.balance.map((id) => t(`summary.${id}`))) : none,
    t(r.periodRight ? 'summary.periodRight' : 'summary.periodWrong'), t(r.templateRight ? 'summary.templateRight' : 'summary.templateWrong'),
    r.previous ?? none,
  ];
}

/** An aligned text table (wide characters count two columns, as a terminal shows them). */
export function summaryTable(rows: readonly SummaryRow[], locale: Locale): string {
  const table = [headers(locale), ...rows.map((r) => cells(r, locale))];
  const widths = table[0].map((_, k) => Math.max(...table.map((row) => width(row[k]))));
  const line = (row: string[]) => row.map((c, k) => (k === row.length - 1 ? c : c + ' '.repeat(widths[k] - width(c)))).join('  ').trimEnd();
  return [line(table[0]), widths.map((n) => '-'.repeat(n)).join('  '), ...table.slice(1).map(line)].join('\n') + '\n';
}

/** RFC 4180 CSV with CRLF line ends and a byte-order mark, which Excel and WPS need to read UTF-8. */
export function summaryCsv(rows: readonly SummaryRow[], locale: Locale): string {
  const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const lines = [headers(locale), ...rows.map((r) => cells(r, locale))].map((row) => row.map(quote).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Display width: East Asian wide and full-width characters take two columns. */
export function width(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff)
      || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return n;
}
