// The expectations of the shared corpora, kept in test/fixtures/corpus-expected.json (one data file that the mocha
// tests, the e2e suite and the Neovim test all read), with their types.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding, TableLayout, TemplateId } from '../../server/src/engine';
import { repoRoot } from './paths';

export interface CorpusReport {
  note: string;
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

/** Where a finding of a corpus-wild report must be, in any of its text forms (their line numbers differ). */
export type At =
  | { line: string } // the finding's first line contains this text
  | { cell: [table: string, row: string, column: string] } // on this cell of the parsed model
  | { row: [table: string, row: string] } // on this row's label
  | { table: string }; // inside this table

export interface WildFinding { rule: string; severity: Finding['severity']; at: At }

interface Data {
  corpus: Record<string, CorpusReport>;
  wild: Record<string, WildFinding[]>;
  wildRanges: Record<string, Record<string, string[]>>;
  wild018Period: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; from: { year: number; month: number; day: number }; to: { year: number; month: number; day: number } };
}

const data = JSON.parse(readFileSync(path.join(repoRoot, 'test', 'fixtures', 'corpus-expected.json'), 'utf8')) as Data;

/** ../shared/corpus: five tidy reports, by their three-digit prefix. */
export const CORPUS = data.corpus;
/** ../shared/corpus-wild, per report: every finding at error or warning, and the infos named. */
export const WILD = data.wild;
/** Exact ranges ("line:char-line:char") of some findings in particular text forms, by file and rule. */
export const WILD_RANGES = data.wildRanges;
/** The 统计期限 of 018's PDF text, wrapped over two lines. */
export const WILD_018_PERIOD = data.wild018Period;
