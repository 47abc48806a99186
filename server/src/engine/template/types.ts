// Shapes of the template data. The data itself (data.ts) is the one place that
// knows the report format; parser, rules, hover and outline read it and never repeat it.
import type { TableId, TemplateId } from '../types';

export interface Text { 'zh-CN': string; en: string }

/** A provision of the 条例 (2019 text): an article, with its items （一）（二）… or one of its paragraphs (款). */
export interface Provision { article: number; items?: number[]; paragraph?: number }

/** count: non-negative integer; signed: integer that may be negative or carry "+"; money: decimal, may carry 元/万元. */
export type ColumnKind = 'count' | 'signed' | 'money';

export interface ColumnDef {
  id: string;
  label: string;
  /** Other accepted wordings (normalised comparison). */
  aliases?: string[];
  kind: ColumnKind;
  explain: Text;
  /** The header group the column is under when labels repeat across groups (table 四: review, direct, after). */
  group?: string;
}

export interface RowDef {
  id: string;
  /** The template wording, numbering included. */
  label: string;
  /** Distinctive fragments that identify the row in wrapped, abbreviated or renumbered labels. */
  keys: string[];
  /** When set, only the whole label (numbering stripped) matches, and only with numbering written. */
  exactOnly?: boolean;
  /** Section the row belongs to (for context when the same numbering repeats). */
  section: string | null;
  /** Column set of the row (key into TableDef.columnSets). */
  columns: string;
  explain: Text;
  /** What the row counts under the 条例; empty for totals and rows no article addresses directly. */
  article: Provision[];
  /** A row that some reports split into these sub-rows; its value is their sum when it is absent. */
  aggregateOf?: string[];
  /** The row may be absent without a row-missing finding (it is then the sum of aggregateOf). */
  optional?: boolean;
}

export interface SectionDef {
  id: string;
  label: string;
  keys: string[];
  explain: Text;
  article?: Provision[];
  /** Enclosing section, for the outline (（三）不予公开 sits under 三、本年度办理结果). */
  parent?: string;
}

/**
 * A merged header cell above several data columns of one column set (申请人情况 over all seven, 法人或其他组织
 * over five; 行政复议, 行政诉讼, 未经复议直接起诉 in table 四). Each column's own label sits below its deepest
 * group and reaches down to the last header row.
 */
export interface ColumnGroupDef {
  label: string;
  /** Ids of the columns it spans, in order. */
  columns: string[];
  /** Header row it starts on (0 = top). */
  level: number;
  /** Header rows it spans (default 1). */
  rowSpan?: number;
}

export interface TableDef {
  id: TableId;
  part: number;
  title: Text;
  columnSets: Record<string, ColumnDef[]>;
  /** Merged header cells, per column set key; none for a set whose header is one row of column labels. */
  columnGroups?: Record<string, ColumnGroupDef[]>;
  /** The header cell above the row labels as the template prints it ('信息内容'; table 三's 勾稽关系 note). */
  corner?: string;
  sections: SectionDef[];
  rows: RowDef[];
  /** Table 四 has one data row without a label. */
  unlabelledRow?: string;
}

export interface PartDef {
  number: number;
  /** The template heading, numbering included: "一、总体情况". */
  heading: string;
  /** Accepted wordings without the numbering. */
  variants: string[];
  /** Words that name the part's subject: a heading reworded beyond recognition still says one of them. */
  keys: string[];
  explain: Text;
  /** The item of 《条例》第五十条 the part reports on. */
  article: Provision[];
  /** Sub-headings the template's guidance names (part 一's five aspects); written by new reports, not checked. */
  subHeadings?: string[];
}

/** A cell reference inside one table: a row id and a column id. */
export interface CellRef { row: string; column: string }

/**
 * target = Σ plus − Σ minus, instantiated for each column of `columns` (forEach 'column'), for each row of
 * `rows` (forEach 'row'), or once (forEach 'once'). In a template, the placeholders '$row' and '$column' stand
 * for the instance.
 */
export interface EquationDef {
  id: 'R1' | 'R2' | 'R3' | 'R4';
  rule: string;
  table: TableId;
  forEach: 'column' | 'row' | 'once';
  /** Columns or rows to instantiate over (ids); ignored for 'once'. */
  over: string[];
  target: CellRef;
  plus: CellRef[];
  minus: CellRef[];
}

/**
 * Cells of a report that start from last year's report: row `to` of this year from row `from` of last year, in
 * each of `columns` (the same column in both years). A link applies when last year's table has that column.
 */
export interface CarryDef {
  table: TableId;
  to: string;
  from: string;
  columns: string[];
  /** A stock that this year's figures change (现行有效件数): carried as a figure to confirm, not as final. */
  confirm: boolean;
}

export interface TemplateDef {
  id: TemplateId;
  name: Text;
  /** The official title of the format document, as a report cites it. */
  title: string;
  /** Report years this version applies to (inclusive; `to` null = onward). */
  years: { from: number; to: number | null };
  parts: PartDef[];
  tables: TableDef[];
  equations: EquationDef[];
  /** What a report in this format takes over from last year's report. */
  carry: CarryDef[];
}
