// Prose outside the tables, as paragraphs with their wrapped lines joined: what narrative-mismatch reads.
import type { ParsedReport } from '../parse/report';
import { normalize, PAGE_NUMBER } from '../text';

/** A paragraph of prose, its wrapped lines joined (PDF text and hard-wrapped text break sentences over lines). */
export interface Paragraph {
  /** The normalised text (whitespace dropped, full-width forms folded). */
  text: string;
  /** offsets[i] is the offset in the report text of text[i]. */
  offsets: number[];
}

/** A numbered line ("（二）依申请公开情况", "一、", "1.") starts a paragraph. */
const NUMBERED = /^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、．])/;
const SENTENCE_FINAL = '。！？!?；;：:';
/** Figures aligned in columns by runs of spaces (a table line of PDF text): a line of its own. */
const ALIGNED = /\S(?: {3,}|\u3000{2,})\S/;
const MAX_PARAGRAPH = 5000;

const LineKind = { Prose: 0, NotProse: 1, Alone: 2 } as const;

/**
 * The paragraphs of prose outside the tables whose text matches `keywords`. A line continues the paragraph above
 * unless that one ends a sentence, or this one is numbered, indented deeper, blank, a heading or a table line
 * (in a table, or holding a tab, a pipe or figures aligned by spaces): so wrapped lines join, and headings and
 * table lines never join prose.
 */
export function paragraphs(parsed: ParsedReport, keywords: RegExp): Paragraph[] {
  const kinds = lineKinds(parsed);
  const { index } = parsed;
  const out: Paragraph[] = [];
  let lines: number[] = [];
  let size = 0;
  const flush = () => {
    if (!lines.length) return;
    // Most paragraphs hold no keyword: test the raw lines before normalising them.
    const raw = lines.length === 1 ? index.line(lines[0]) : lines.map((l) => index.line(l).trim()).join('');
    if (keywords.test(raw)) out.push(joinLines(parsed, lines));
    lines = [];
    size = 0;
  };
  for (let i = 0; i < index.lineCount; i++) {
    const raw = index.line(i);
    if (kinds[i] === LineKind.NotProse || raw.length > MAX_PARAGRAPH || raw.includes('\t') || !raw.trim()) { flush(); continue; }
    if (raw.length <= 40 && PAGE_NUMBER.test(raw)) continue;
    const alone = kinds[i] === LineKind.Alone || raw.includes('|') || ((raw.includes('   ') || raw.includes('\u3000\u3000')) && ALIGNED.test(raw.trim()));
    if (alone || (lines.length && startsParagraph(index.line(lines[lines.length - 1]), raw, size))) flush();
    lines.push(i);
    size += raw.length;
    if (alone) flush();
  }
  flush();
  return out;
}

/** Table lines are not prose; the title and headings (without running text) stand alone. */
function lineKinds(parsed: ParsedReport): Uint8Array {
  const { index, report } = parsed;
  const kinds = new Uint8Array(index.lineCount);
  for (const t of report.tables) kinds.fill(LineKind.NotProse, t.range.start.line, t.range.end.line + 1);
  if (report.title) kinds.fill(LineKind.Alone, report.title.range.start.line, report.title.range.end.line + 1);
  for (const h of parsed.headings) kinds[h.line] = LineKind.Alone;
  for (const part of report.parts) {
    for (const h of part.subHeadings) {
      const l = h.range.start.line;
      if (index.line(l).trimEnd().length <= h.range.end.character) kinds[l] = LineKind.Alone;
    }
  }
  return kinds;
}

function startsParagraph(previous: string, line: string, size: number): boolean {
  const end = previous.trimEnd();
  return (end.length > 0 && SENTENCE_FINAL.includes(end[end.length - 1])) || size + line.length > MAX_PARAGRAPH
    || indent(line) > indent(previous) || NUMBERED.test(line);
}

function indent(line: string): number {
  return line.length - line.trimStart().length;
}

function joinLines(parsed: ParsedReport, lines: number[]): Paragraph {
  const texts: string[] = [];
  const offsets: number[] = [];
  for (const l of lines) {
    // A form feed (a PDF page break) opens the line; normalize keeps it.
    const raw = parsed.index.line(l);
    const skip = raw.startsWith('\f') ? 1 : 0;
    const n = normalize(skip ? raw.slice(skip) : raw);
    const start = parsed.index.starts[l] + skip;
    texts.push(n.text);
    for (let k = 0; k < n.text.length; k++) offsets.push(start + n.map[k]);
  }
  return { text: texts.join(''), offsets };
}

const SENTENCE_END = /[。；;!?！？]/;

/** The sentence of `text` around a match (bounded both ways: a text without full stops is not scanned whole). */
export function sentenceAround(text: string, m: RegExpMatchArray): string {
  let from = m.index!;
  while (from > 0 && m.index! - from < 400 && !SENTENCE_END.test(text[from - 1])) from--;
  let to = m.index! + m[0].length;
  while (to < text.length && to - m.index! < 400 && !SENTENCE_END.test(text[to])) to++;
  return text.slice(from, to);
}
