// What the reports of the shared corpora (../shared/corpus and ../shared/corpus-wild, beside the repository) must
// give. Those files cannot carry scenario markers, so their expectations are kept here, in one place, and read by
// every test that lints them (engine, language server, fixes). Positions are 0-based LSP positions.
import type { Finding, TableLayout, TemplateId } from '../../server/src/engine';

export interface CorpusReport {
  layout: TableLayout;
  year: number;
  yearSource: 'title' | 'period';
  template: TemplateId;
  /** "Y-M-D..Y-M-D", or null when the report states none. */
  period: string | null;
  /** Every finding, "severity rule line:char-line:char", in the engine's order. */
  findings?: string[];
  /** A report with many findings: how many of each "severity rule", and the lines its cell-blank findings are on. */
  summary?: { counts: Record<string, number>; blankLines: [first: number, last: number] };
  /** The findings at error and warning left after the safe fixes, as "rule@line". */
  afterSafeFixes?: string[];
}

/** ../shared/corpus: five tidy reports, by their three-digit prefix. */
export const CORPUS: Record<string, CorpusReport> = {
  '000': {
    layout: 'row-per-line', year: 2020, yearSource: 'period', template: 'T2019', period: '2020-1-1..2020-12-31',
    // The five blank 行政复议 cells of table 四; R4 could not be checked.
    findings: [
      'error cell-blank 94:0-94:1', 'error cell-blank 94:1-94:2', 'error cell-blank 94:2-94:3', 'error cell-blank 94:3-94:4',
      'info balance-review-total 94:4-94:5', 'error cell-blank 94:4-94:5',
    ],
  },
  '001': {
    layout: 'cell-per-line', year: 2021, yearSource: 'title', template: 'T2021', period: null,
    // No 统计期限; 行政规范性文件 short of one cell; the truncated heading of part 三; the single （六） row.
    findings: ['warning period-mismatch 0:0-1:6', 'error row-cells 24:1-26:2', 'warning section-title 57:0-57:16', 'info template-version 292:1-292:8'],
    afterSafeFixes: ['period-mismatch@0', 'row-cells@24'],
  },
  '002': {
    layout: 'row-per-line', year: 2020, yearSource: 'title', template: 'T2019', period: '2020-1-1..2020-12-31',
    // Every outcome row of table 三 is short of one cell (21 rows).
    findings: [
      'error row-cells 72:10-72:30', 'error row-cells 73:1-73:42', 'error row-cells 74:10-74:31', 'error row-cells 75:2-75:29',
      'error row-cells 76:2-76:27', 'error row-cells 77:2-77:26', 'error row-cells 78:2-78:27', 'error row-cells 79:2-79:26',
      'error row-cells 80:2-80:25', 'error row-cells 81:2-81:25', 'error row-cells 82:10-82:37', 'error row-cells 83:2-83:29',
      'error row-cells 84:2-84:28', 'error row-cells 85:10-85:34', 'error row-cells 86:2-86:21', 'error row-cells 87:2-87:26',
      'error row-cells 88:2-88:28', 'error row-cells 89:2-89:35', 'error row-cells 90:1-90:21', 'error row-cells 91:1-91:19',
      'error row-cells 92:0-92:23',
    ],
  },
  '003': { layout: 'cell-per-line', year: 2020, yearSource: 'title', template: 'T2019', period: '2020-1-1..2020-12-31', findings: [] },
  '004': {
    layout: 'cell-per-line', year: 2020, yearSource: 'title', template: 'T2019', period: '2020-1-1..2020-12-31',
    // Table 三 leaves the six applicant columns blank in all 23 rows: every sum that needs them cannot be checked.
    summary: {
      counts: { 'error cell-blank': 138, 'info balance-row-total': 23, 'info balance-outcome-total': 6, 'info balance-carryover': 6 },
      blankLines: [109, 348],
    },
  },
};

/** Where a finding of a corpus-wild report must be, in any of its text forms (their line numbers differ). */
export type At =
  | { line: string } // the finding's first line contains this text
  | { cell: [table: string, row: string, column: string] } // on this cell of the parsed model
  | { row: [table: string, row: string] } // on this row's label
  | { table: string }; // inside this table

export interface WildFinding { rule: string; severity: Finding['severity']; at: At }

const heading = (text: string): WildFinding => ({ rule: 'section-title', severity: 'warning', at: { line: text } });

/** ../shared/corpus-wild/README.md, "What each report holds": every finding at error or warning, and the infos named. */
export const WILD: Record<string, WildFinding[]> = {
  '001_pingtan_czj_2024': [{ rule: 'narrative-mismatch', severity: 'warning', at: { line: '共61条' } }],
  '002_pingtan_zone_2025': [],
  '004_pingtan_hzs_2021': [],
  '005_pingtan_nyn_2021': [
    { rule: 'balance-outcome-total', severity: 'error', at: { cell: ['applications', 'app.total', 'natural'] } },
    { rule: 'balance-outcome-total', severity: 'error', at: { cell: ['applications', 'app.total', 'other'] } },
    { rule: 'balance-carryover', severity: 'error', at: { cell: ['applications', 'app.total', 'natural'] } },
    { rule: 'balance-carryover', severity: 'error', at: { cell: ['applications', 'app.total', 'other'] } },
    heading('五、政府信息公开存在的主要问题及改进情况'),
    heading('六、需要说明的其他事项与附表'),
  ],
  '008_pingtan_shs_2021': [
    { rule: 'template-version', severity: 'warning', at: { table: 'active' } },
    // Not in the README: "其他" for "3.其他" under （六）, an info (the issue lists it as a row-label case).
    { rule: 'row-label', severity: 'info', at: { row: ['applications', 'app.other.3'] } },
  ],
  '010_pingtan_hzs_2019': [],
  '012_pingtan_jjf_2022': [heading('四、政府信息公开行政复议与行政诉讼情况')],
  '013_pingtan_zhz_2020': [{ rule: 'period-mismatch', severity: 'warning', at: { line: '' } }],
  '018_huaian_hongze_2024': [
    { rule: 'template-version', severity: 'info', at: { row: ['applications', 'app.other'] } },
    { rule: 'row-label', severity: 'warning', at: { line: '2.其他法律行政止公开' } },
  ],
  '019_pingtan_scj_2020': [],
  '021_pingtan_hzs_2025': [
    { rule: 'row-missing', severity: 'error', at: { row: ['active', 'active.normative'] } },
    heading('四、政府信息公开行政复议与行政诉讼情况'),
  ],
  '023_pingtan_jtj_2023': [],
};

/** Exact ranges ("line:char-line:char") of some findings in particular text forms, by file and rule. */
export const WILD_RANGES: Record<string, Record<string, string[]>> = {
  '001_pingtan_czj_2024.innertext.txt': { 'narrative-mismatch': ['166:34-166:38'] },
  '001_pingtan_czj_2024.copy.txt': { 'narrative-mismatch': ['92:34-92:38'] },
  '013_pingtan_zhz_2020.innertext.txt': { 'period-mismatch': ['0:0-0:34'] },
  '013_pingtan_zhz_2020.copy.txt': { 'period-mismatch': ['0:0-0:34'] },
};

/** The 统计期限 of 018's PDF text, wrapped over two lines ("自 2024 年 1 月 1 日⏎起至 2024 年 12 月 31 日止"). */
export const WILD_018_PERIOD = { range: { start: { line: 5, character: 19 }, end: { line: 6, character: 19 } }, from: { year: 2024, month: 1, day: 1 }, to: { year: 2024, month: 12, day: 31 } };
