// The engine's public data shapes. Pure data: no vscode, no LSP runtime, no Node APIs.
// Positions follow LSP: 0-based lines, characters counted in UTF-16 code units.

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Locale = 'zh-CN' | 'en';
export type TemplateId = 'T2019' | 'T2021';

export interface TextEdit { range: Range; newText: string }

/**
 * A fix is data. `safe` fixes are certain (restoring a heading's template wording) and are applied by
 * `--fix` and fix-all; suggestions (0 for a blank cell, a computed total) need the user's confirmation.
 */
export interface Fix {
  title: string;
  edits: TextEdit[];
  safe: boolean;
  /** Fixes sharing a group key are alternatives offered together, e.g. "fill every blank cell of this table". */
  scope?: 'finding' | 'table';
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
  /**
   * Other places of the same problem: the rows or cells of a pattern named by a finding on a table ("21 rows short of
   * one column"), last year's cell, the passages repeated from it. Adapters show them as LSP relatedInformation and in
   * the CLI's JSON.
   */
  related?: RelatedLocation[];
}

/**
 * A place that a finding refers to: in another file (`file` as the adapter named it: a path, a URI), or without
 * `file` in the finding's own file.
 */
export interface RelatedLocation { file?: string; range: Range; message: string }

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  locale?: Locale;
  /** 'auto' (default) picks the version from the report year, else from the table labels. */
  template?: 'auto' | TemplateId;
  /** Per-rule severity override or 'off'. */
  rules?: Record<string, RuleSetting>;
  /** Rethrow a rule's exception instead of skipping that rule (tests). */
  strict?: boolean;
  /**
   * 'exact' for text read from a document's own table structure (a Word document, a web page): every tab-separated
   * field is a cell, an empty one a blank cell. Otherwise ('pasted', the default) an empty field at the end of a
   * row is taken for a stray tab, as Word and WPS leave when a table is copied as text.
   */
  tableFields?: 'exact' | 'pasted';
  /** Settings of single rules (editor settings, the project configuration file). */
  ruleOptions?: RuleOptions;
  /** Last year's report of the same office: the year-against-year rules compare with it (see years/). */
  previous?: PreviousYear;
  /** Return the report's YearFacts with the result (the adapters pair reports by them). */
  facts?: boolean;
}

export interface RuleOptions {
  /** section-content: a part 五 shorter than this many characters (white space aside) has no substance. Default 60. */
  partFiveMinLength?: number;
  /** text-reuse: the share (0–1) of sentences repeated from last year's report above which it warns. Default 0.5. */
  reuseThreshold?: number;
  /** publication-deadline: the kind of organ (its deadline), or 'auto' to read it from the title. */
  organKind?: 'auto' | OrganKind;
}

/** A department (and a township or street office) publishes by 1月31日, a government by 3月31日 (条例 第四十九条). */
export type OrganKind = 'department' | 'government';

/** Last year's report, as the year-against-year rules see it. */
export interface PreviousYear {
  facts: YearFacts;
  /** How the adapter names the file in related locations (a path, a URI). */
  file: string;
  /** How messages name it (the file's base name). */
  label: string;
}

// ---------------------------------------------------------------- the model

export type TableLayout = 'row-per-line' | 'cell-per-line' | 'pipe' | 'paragraph' | 'paragraph-copy' | 'pdf' | 'space';
export type TableId = 'active' | 'applications' | 'review';

export interface Heading { text: string; range: Range }

export interface Part {
  /** 1..6, the template part this heading was matched to. */
  number: number;
  heading: Heading;
  /** The numeral as written ("四" in "四. 政府信息公开…"), for numbering checks. */
  writtenNumber: number | null;
  /** How the heading text compares with the template: exact, an accepted variant, or a defect. */
  headingMatch: 'exact' | 'variant' | 'mismatch';
  /** From the line after the heading to the end of the line before the next part (or the end of the text). */
  bodyRange: Range;
  /** The whole part, heading included (for folding and outline). */
  range: Range;
  subHeadings: Heading[];
  table: TableModel | null;
}

export interface CellModel {
  /** Index of the column in its row's template columns. */
  column: number;
  columnId: string;
  range: Range;
  /** The cell's text as written (trimmed); '' for an empty cell. */
  raw: string;
  kind: 'number' | 'blank' | 'placeholder' | 'invalid';
  /** The numeric value when kind === 'number'. */
  value: number | null;
  /** For an empty cell (which has no width), the tab or pipe beside it where its finding is shown; else null. */
  separator: Range | null;
  /** Why the cell is invalid (message key) when kind === 'invalid'. */
  invalidReason?: 'text' | 'negative' | 'decimal';
}

/** A label of one template version in a table: where it is, its text, and its pieces (see RowModel.labelPieces). */
export interface VersionLabel { range: Range; text: string; pieces: Range[] | null }

export interface RowModel {
  /** Template row id, e.g. 'app.received', 'active.regulations'. */
  id: string;
  /** The label as written (whitespace collapsed); '' for a row without a label (table 四). */
  label: string;
  labelRange: Range | null;
  /**
   * A label wrapped in its cell and printed in pieces with other text between them (PDF text): each piece's range.
   * null when the label's text is all of labelRange. An edit of the label edits the pieces, never what lies between.
   */
  labelPieces: Range[] | null;
  /** From the first cell of the row (label or value) to the last. */
  range: Range;
  cells: CellModel[];
  /** Number of value cells found, before any trimming of surplus empty cells. */
  foundCells: number;
  /** Number of cells the template expects. */
  expectedCells: number;
  /** Template version whose wording the label matches, when the label is version-specific. */
  labelVersion: TemplateId | null;
  /**
   * How the label was recognised: as the template wording ('exact', numbering and punctuation aside), by a
   * distinctive fragment ('partial': abbreviated or wrapped), despite a typo ('fuzzy'), or without the numbering
   * the template row needs to be told from a column ('unnumbered': 其他 for 3.其他). null for an unlabelled row.
   */
  labelMatch: 'exact' | 'partial' | 'fuzzy' | 'unnumbered' | null;
  /** The row's label stands alone and the row above has figures: its figures were merged into that row. */
  mergedAbove: boolean;
  /** Figures written onto the label with nothing between ("行政规范性文件693665"): the text of those figures. */
  runTogether: string | null;
}

export interface HeaderCellModel { columnId: string; text: string; range: Range }

export interface TableSectionModel {
  /** Template section id, e.g. 'active.20-1', 'app.withheld'. */
  id: string;
  label: string;
  range: Range;
}

export interface TableModel {
  id: TableId;
  part: number;
  layout: TableLayout;
  /** Template version whose structure the table follows (may differ from the report's, see template-version). */
  template: TemplateId;
  range: Range;
  sections: TableSectionModel[];
  headerCells: HeaderCellModel[];
  rows: RowModel[];
  /** Labels of each template version seen in the table, for the template-version rule. */
  versionLabels: { T2019: VersionLabel[]; T2021: VersionLabel[] };
  /** Lines inside the table that could not be read as rows (PDF text), reported rather than guessed. */
  unreadable: Range[];
  /**
   * False when an empty cell leaves no trace in this layout (a copied web page, PDF text, space-separated rows):
   * a short row then cannot tell which of its cells is blank.
   */
  blanksVisible: boolean;
}

export interface ReportModel {
  /** Line count of the text; the last line's length is `lineLengths[lineCount-1]`. */
  lineCount: number;
  title: Heading | null;
  /** The report year: from the title, else the 统计期限, else null. */
  year: number | null;
  yearSource: 'title' | 'period' | null;
  /** The template the report is checked against, and why. */
  template: TemplateId | null;
  /** 'assumed': neither a year nor version-specific labels: the current format (T2021) is assumed. */
  templateSource: 'override' | 'year' | 'labels' | 'assumed' | null;
  /** True when the year is before 2019: the report follows the pre-2019 structure and is not checked as T2021. */
  preTemplate: boolean;
  period: Period | null;
  /**
   * Why `period` is null although the report should state one: a 统计期限 sentence whose dates cannot be read
   * ("自202111日起至20211230日止"), or no period stated anywhere. Null when a period is stated.
   */
  periodProblem: { kind: 'malformed'; range: Range } | { kind: 'absent' } | null;
  parts: Part[];
  tables: TableModel[];
}

export interface Period {
  range: Range;
  from: { year: number; month: number; day: number };
  to: { year: number; month: number; day: number };
}

export interface LintResult {
  report: ReportModel;
  findings: Finding[];
  /** Rules that threw (each is also an info finding at the document start): for the adapters' logs. */
  failures: RuleFailure[];
  /** With LintOptions.facts or .previous: what the year-against-year rules read of this report. */
  facts?: YearFacts;
  /** With LintOptions.previous: last year's figures beside this year's cells, for hovers. */
  yearNotes?: YearNote[];
}

// ---------------------------------------------------------------- year against year

/** A cell as the year-against-year rules read it: its value (null when blank or invalid) and where it is. */
export interface CellFact { column: string; value: number | null; range: Range }

/** A sentence of the prose, for the text-reuse rule: a hash of its normalised words, its size and place. */
export interface SentenceFact { hash: number; chars: number; range: Range; head: string }

/**
 * What the year-against-year rules need of one report, small enough to keep for every file of a folder: who
 * published it and for which year, the cells that continue from one year to the next, and its sentences; and what a
 * view of a folder shows of it (its title and parts).
 */
export interface YearFacts {
  title: string | null;
  parts: { number: number; heading: string; range: Range }[];
  /** The office named in the title, normalised for matching (years, spaces, punctuation dropped); null if none. */
  office: string | null;
  /** The office as the title writes it, for display. */
  officeName: string | null;
  year: number | null;
  template: TemplateId | null;
  organ: OrganKind | null;
  /** Table 三: 二、上年结转 and 四、结转下年度继续办理, by column; null when the table or row is absent. */
  carriedOver: CellFact[] | null;
  carriedForward: CellFact[] | null;
  /** Table 二 第二十条第（一）项 (2021 format): made, repealed, in force, for 规章 and 行政规范性文件. */
  documents: { row: string; made: CellFact | null; repealed: CellFact | null; inForce: CellFact | null }[];
  sentences: SentenceFact[];
  /** Where a finding about the whole report is shown (the title, else the first line). */
  anchor: Range;
}

/** A line for the hover of a cell: last year's figure beside this year's. */
export interface YearNote { range: Range; markdown: string }

export interface RuleFailure { rule: string; error: string }

/** Metadata every rule module exports; the registry is the list of these. */
export interface RuleMeta {
  id: string;
  /** What a person calls the check (空白单元格): rule pages, settings and messages name rules by it, never by id. */
  name: { 'zh-CN': string; en: string };
  severity: Severity;
  /** Findings of the rule at another level than `severity`, as the rules table says so: 缺少编号：信息. */
  otherLevels?: { 'zh-CN': string; en: string };
  description: { 'zh-CN': string; en: string };
  /** Documentation page, relative to the repository (docs/rules/<id>.md). */
  docs: string;
  /** What its fixes are: safe (applied by --fix and fix-all), suggestions (need confirmation), or none. */
  fixable: false | 'safe' | 'suggestion';
}
