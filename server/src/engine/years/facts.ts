// The facts of one report that the year-against-year rules compare (types.ts: YearFacts), read off the parsed
// report once. Small on purpose: an adapter keeps them for every report of a folder to pair and compare them.
import type { ParsedReport } from '../parse/report';
import { cellRange, findRow } from '../lookup';
import { paragraphs } from '../rules/prose';
import { templates } from '../template';
import type { CellFact, Range, SentenceFact, TableModel, YearFacts } from '../types';
import { officeOf, organKindOf } from './identity';

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
/** What a report carries from last year's (the template's carry links): table 三's row, and table 二's stocks. */
const APPLICATIONS = templates.T2021.carry.find((c) => c.table === 'applications')!;
const DOCUMENT_ROWS = templates.T2021.carry.filter((c) => c.table === 'active' && c.from === c.to).map((c) => c.to);

export function factsOf(parsed: ParsedReport): YearFacts {
  const { report } = parsed;
  const office = report.title ? officeOf(report.title.text) : null;
  const apps = report.tables.find((t) => t.id === 'applications');
  const active = report.tables.find((t) => t.id === 'active');
  return {
    title: report.title?.text ?? null,
    parts: report.parts.map((p) => ({ number: p.number, heading: p.heading.text, range: p.heading.range })),
    office: office?.key ?? null,
    officeName: office?.name ?? null,
    year: report.year,
    template: report.preTemplate ? null : report.template,
    organ: office ? organKindOf(office.key) : null,
    carriedOver: apps ? rowFacts(apps, APPLICATIONS.to) : null,
    carriedForward: apps ? rowFacts(apps, APPLICATIONS.from) : null,
    documents: active?.template === 'T2021' ? DOCUMENT_ROWS.filter((id) => findRow(active, id)).map((row) => ({
      row,
      made: cellFact(active, row, 'made'),
      repealed: cellFact(active, row, 'repealed'),
      inForce: cellFact(active, row, 'in-force'),
    })) : [],
    sentences: sentencesOf(parsed),
    anchor: report.title?.range ?? START,
  };
}

/** The cells of a row, when the row has as many as its template row (else which cell is which is not known). */
function rowFacts(table: TableModel, rowId: string): CellFact[] | null {
  const row = findRow(table, rowId);
  if (!row || row.foundCells !== row.expectedCells) return null;
  return row.cells.map((c) => ({ column: c.columnId, value: c.kind === 'number' ? c.value : null, range: cellRange(c) }));
}

function cellFact(table: TableModel, rowId: string, column: string): CellFact | null {
  return rowFacts(table, rowId)?.find((c) => c.column === column) ?? null;
}

// ------------------------------------------------------------------ sentences

/** Sentences shorter than this (normalised) are left out: "无。", "特此报告。" repeat in every report. */
export const MIN_SENTENCE = 10;
const SENTENCE_END = /[。！？；!?;]/;
/** The year a sentence names changes every year: "2023年，我局…" and "2024年，我局…" are the same sentence. */
const YEAR = /(?:19|20)\d{2}(?=年)/g;
const HEAD = 16;

/** The prose's sentences (tables, the title and headings left out), each hashed after normalisation. */
function sentencesOf(parsed: ParsedReport): SentenceFact[] {
  const skip = standaloneLines(parsed);
  const out: SentenceFact[] = [];
  for (const p of paragraphs(parsed, /\S/)) {
    if (!p.text || skip.has(parsed.index.positionAt(p.offsets[0]).line)) continue;
    let from = 0;
    for (let i = 0; i <= p.text.length; i++) {
      if (i < p.text.length && !SENTENCE_END.test(p.text[i])) continue;
      const to = Math.min(i + 1, p.text.length);
      const text = p.text.slice(from, to);
      if (text.length >= MIN_SENTENCE) {
        out.push({
          hash: hash(text.replace(YEAR, '#')),
          chars: text.length,
          range: { start: parsed.index.positionAt(p.offsets[from]), end: parsed.index.positionAt(p.offsets[to - 1] + 1) },
          head: text.slice(0, HEAD),
        });
      }
      from = i + 1;
    }
  }
  return out;
}

/** The lines of the title and of the headings that stand alone: the template's words, the same every year. */
function standaloneLines(parsed: ParsedReport): Set<number> {
  const lines = new Set<number>();
  const { report, index } = parsed;
  if (report.title) for (let l = report.title.range.start.line; l <= report.title.range.end.line; l++) lines.add(l);
  for (const h of parsed.headings) lines.add(h.line);
  for (const part of report.parts) {
    for (const h of part.subHeadings) {
      const l = h.range.start.line;
      if (index.line(l).trimEnd().length <= h.range.end.character) lines.add(l);
    }
  }
  return lines;
}

/** Two 32-bit string hashes (FNV-1a and djb2) in one safe integer: collisions are out of the question here. */
export function hash(s: string): number {
  let a = 0x811c9dc5;
  let b = 5381;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = (Math.imul(b, 33) + c) | 0;
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/** The facts with every range moved (a web page's findings point into its source, not its extracted text). */
export function mapFactRanges(facts: YearFacts, map: (r: Range) => Range): YearFacts {
  const cell = (c: CellFact | null) => (c ? { ...c, range: map(c.range) } : null);
  const cells = (list: CellFact[] | null) => list?.map((c) => ({ ...c, range: map(c.range) })) ?? null;
  return {
    ...facts,
    carriedOver: cells(facts.carriedOver),
    carriedForward: cells(facts.carriedForward),
    documents: facts.documents.map((d) => ({ row: d.row, made: cell(d.made), repealed: cell(d.repealed), inForce: cell(d.inForce) })),
    sentences: facts.sentences.map((s) => ({ ...s, range: map(s.range) })),
    parts: facts.parts.map((p) => ({ ...p, range: map(p.range) })),
    anchor: map(facts.anchor),
  };
}
