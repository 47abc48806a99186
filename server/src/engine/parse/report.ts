// The report parser, in the order the model is built: headings and parts, title, period and year; the tables of
// parts 二, 三 and 四 read with the layout readers; the template version (set, from the year, or by the tables'
// labels); then each table assembled against that version.
import { otherVersion, tableForPart, templateForYear } from '../template';
import { LineIndex } from '../text';
import type { LintOptions, Part, ReportModel, TableModel, TemplateId } from '../types';
import { buildParts, findHeadings, type FoundHeading } from './headings';
import { detectLayout, readTable, type TableText } from './layout';
import { ALIGNED, assembleTable, voteVersions } from './table';
import { joinWrappedLines } from './wrapped';
import { findPeriod, findTitle, reportYear } from './title';

export type { FoundHeading } from './headings';

/** What the rules receive: the model plus the text's line index. */
export interface ParsedReport {
  text: string;
  index: LineIndex;
  report: ReportModel;
  /** Headings found in text order (a part may appear twice or out of order). */
  headings: FoundHeading[];
}

export function parseReport(text: string, options: LintOptions = {}): ParsedReport {
  const index = new LineIndex(text);
  const headings = findHeadings(index);
  const parts = buildParts(index, headings);
  const title = findTitle(index, headings.length ? headings[0].line : index.lineCount);
  const introEnd = headings.find((h) => h.part >= 2)?.line ?? Math.min(index.lineCount, 60);
  const { period, problem: periodProblem } = findPeriod(index, introEnd);
  const { year, yearSource } = reportYear(title, period);
  // Read the tables first: their labels decide the version when the year does not.
  const texts = readTableTexts(index, parts, options);
  const { template, templateSource, preTemplate } = chooseTemplate(options, year, texts);
  const tables = assembleTables(index, parts, texts, template ?? 'T2021');
  const report: ReportModel = {
    lineCount: index.lineCount, title, year, yearSource, template, templateSource, preTemplate, period, periodProblem, parts, tables,
  };
  return { text, index, report, headings };
}

/** The table text of each part 二–四, read with the layout its body shows. A repeated part reads its own body. */
function readTableTexts(index: LineIndex, parts: Part[], options: LintOptions): Map<Part, TableText> {
  const texts = new Map<Part, TableText>();
  for (const p of parts) {
    // A part whose body is empty (its heading at once followed by the next) holds no table.
    if (p.number < 2 || p.number > 4 || p.bodyRange.start.line === p.heading.range.start.line) continue;
    const from = p.bodyRange.start.line;
    const to = p.bodyRange.end.line + 1;
    const layout = detectLayout(index, from, to);
    if (!layout) continue;
    const exact = options.tableFields === 'exact' && layout === 'row-per-line';
    const tt = readTable(index, from, to, layout, exact);
    if (ALIGNED.has(layout)) joinWrappedLines(index, tt, p.number);
    tt.exactFields = exact;
    texts.set(p, tt);
  }
  return texts;
}

type TemplateChoice = Pick<ReportModel, 'template' | 'templateSource' | 'preTemplate'>;

/** The version to check against: as set, else the year's, else the one the tables' labels vote for. */
function chooseTemplate(options: LintOptions, year: number | null, texts: Map<Part, TableText>): TemplateChoice {
  if (options.template && options.template !== 'auto') return { template: options.template, templateSource: 'override', preTemplate: false };
  const forYear = year !== null ? templateForYear(year) : null;
  if (forYear !== null) return { template: forYear, templateSource: 'year', preTemplate: false };
  const preTemplate = year !== null && year < 2019;
  const votes = { T2019: 0, T2021: 0 };
  for (const [part, tt] of texts) {
    const v = voteVersions(tt, tableForPart('T2021', part.number)!);
    votes.T2019 += v.T2019.length; votes.T2021 += v.T2021.length;
  }
  if (votes.T2019 + votes.T2021 > 0) return { template: votes.T2019 > votes.T2021 ? 'T2019' : 'T2021', templateSource: 'labels', preTemplate };
  // Nothing tells the version: check against the current format rather than skip every table rule.
  if (!preTemplate) return { template: 'T2021', templateSource: 'assumed', preTemplate };
  return { template: null, templateSource: null, preTemplate };
}

/** Each part's table model; a table written in the other version's structure is read with that structure. */
function assembleTables(index: LineIndex, parts: Part[], texts: Map<Part, TableText>, base: TemplateId): TableModel[] {
  const tables: TableModel[] = [];
  for (const p of parts) {
    const tt = texts.get(p);
    if (!tt) continue;
    const v = voteVersions(tt, tableForPart(base, p.number)!);
    // template-version reports such a table once.
    const tableVersion = v[otherVersion(base)].length > v[base].length ? otherVersion(base) : base;
    const def = tableForPart(tableVersion, p.number)!;
    const other = tableForPart(otherVersion(tableVersion), p.number)!;
    p.table = assembleTable(index, tt, def, other, tableVersion);
    tables.push(p.table);
  }
  return tables;
}
