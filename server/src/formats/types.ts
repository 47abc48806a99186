// The shapes shared by the readers of published file formats (saved web pages, Word, PDF). A reader turns a
// file's bytes into report text that the engine lints like any pasted report; findings then point either into
// that text (Word, PDF: `gov-report-lint --extract FILE` prints it) or, through `toSource`, back into the file
// itself (HTML, whose source a user can open at the place).
// Pure: no `node:` imports, so the language server, the CLI and the tests all use the same readers.

export type FormatKind = 'html' | 'docx' | 'pdf';

export interface Extracted {
  kind: FormatKind;
  /**
   * The report text: paragraphs one per line; each table row one line, its cells separated by tabs, an empty
   * cell an empty field (a blank is kept, never dropped or guessed).
   */
  text: string;
  /**
   * For formats whose source is text (HTML): the decoded source and a map from offsets in `text` to offsets in
   * `source`, so that findings can be shown in the file itself. Null when findings refer to `text` (Word, PDF).
   */
  source: { text: string; toSource(offset: number): number } | null;
  /** The character encoding the bytes were read in (HTML: from the BOM, the page's charset, or sniffed). */
  encoding: string | null;
  /**
   * How to read the tables of `text` (the engine's LintOptions.tableFields): 'exact' when they come from the
   * document's own table structure (Word, HTML: every field a cell), 'pasted' when from positioned text (PDF).
   */
  tableFields: 'exact' | 'pasted';
}

/** A PDF's text as the readers give it (pdf.ts reads it; pdfThread.ts gets it from the reader thread). */
export function pdfExtracted(text: string): Extracted {
  // positioned text: a table's fields are told apart by gaps, not by cells
  return { kind: 'pdf', text, source: null, encoding: null, tableFields: 'pasted' };
}

/** Limits on what reading one file may cost. Every reader enforces the ones that apply to it. */
export interface ReadLimits {
  /** Largest input file, in bytes. */
  maxInputBytes: number;
  /** Largest total of decompressed data (zip entries, PDF streams), in bytes. */
  maxInflatedBytes: number;
  /** Longest extracted text, in characters. */
  maxTextChars: number;
  /** Wall-clock budget for one file, in milliseconds. */
  maxMillis: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxInputBytes: 20 * 1024 * 1024,
  maxInflatedBytes: 64 * 1024 * 1024,
  maxTextChars: 5 * 1024 * 1024,
  maxMillis: 10_000,
};

/**
 * Why a file could not be read: each is a clear one-line message in the CLI (exit 2) and the editor, never a
 * crash or a hang. `detail` is technical context for the message (a library's error, a size).
 */
export type FormatErrorCode =
  | 'tooLarge'        // input, inflated data or text over a limit
  | 'timeout'         // over maxMillis
  | 'malformed'       // not a valid file of its kind (broken zip, unreadable PDF)
  | 'truncated'       // cut short (a partial download)
  | 'encrypted'       // password-protected or encrypted (Word, PDF)
  | 'legacyFormat'    // a Word 97–2003 .doc or another format this reader does not read
  | 'noText'          // nothing to read: a scanned PDF without a text layer, an empty document
  | 'notReport';      // readable, but holds nothing that looks like a report (no text, no table)

export class FormatError extends Error {
  constructor(readonly code: FormatErrorCode, readonly detail = '') {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'FormatError';
  }
}
