// Published documents in the editor, over two requests of this server's own:
// - govReport/extract {uri}: the text read from a saved web page, Word document or PDF on disk (what
//   `gov-report-lint --extract` prints), which the VS Code client shows as a read-only gov-report document, linted
//   like any report; or, when the file cannot be read, why, in the user's language;
// - govReport/htmlToText {html}: HTML from the clipboard (a copy from a web page or from Word) through the same
//   HTML reader, as report text: tables one row per line, cells apart by tabs, blank cells kept.
// The readers load on the first request (formats/load.ts). A PDF is read in a thread of its own (pdfThread.ts),
// so the server keeps answering while it is read; web pages and Word documents take milliseconds.
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { translator, type Locale } from '../engine';
import { DOCUMENT_EXTENSIONS, documentKind } from '../formats/kind';
import { formatReaders } from '../formats/load';
import { documentProblem, formatMessages } from '../formats/messages';
import { DEFAULT_LIMITS, type ReadLimits } from '../formats/types';
import { EXTRACT_SCHEME, type ExtractProblem, type ExtractResult, type HtmlToTextResult } from '../protocol';


/**
 * How to read the tables of a document the client shows: a Word document's or a web page's cells are exact (an
 * empty last field is a blank cell), as their readers say (Extracted.tableFields); anything else as typed or pasted.
 */
export function tableFieldsOf(uri: string): 'exact' | undefined {
  if (!uri.startsWith(`${EXTRACT_SCHEME}:`)) return undefined;
  const kind = DOCUMENT_EXTENSIONS[path.extname(decodeURIComponent(uri)).toLowerCase()];
  return kind === 'html' || kind === 'docx' ? 'exact' : undefined;
}

/**
 * Clipboard HTML is read on the server's own thread: a page copied whole is a few hundred KB and reads in
 * milliseconds; these bounds only stop a pathological one from holding the server up.
 */
export const PASTE_LIMITS: Partial<ReadLimits> = { maxInputBytes: 8 * 1024 * 1024, maxMillis: 2000 };

const UTF8_BOM = '\uFEFF';

/** The report text of the document at `uri` (a file: URI), or why it cannot be read. Never throws. */
export async function extractReport(uri: string, locale: Locale): Promise<ExtractResult> {
  const t = translator(locale, formatMessages);
  let file: string;
  try {
    file = fileURLToPath(uri);
  } catch {
    return { ok: false, code: 'notDocument', message: t('document.problem', { file: uri, problem: t('document.notDocument') }) };
  }
  const name = path.basename(file);
  const fail = (code: ExtractProblem, problem: string): ExtractResult => ({ ok: false, code, message: t('document.problem', { file: name, problem }) });
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) return fail('unreadable', t('document.notFile'));
    // Over the limit, the file is not read into memory at all.
    const kind = documentKind(new Uint8Array(0), name) ?? 'html';
    if (info.size > DEFAULT_LIMITS.maxInputBytes) return fail('tooLarge', documentProblem(locale, kind, 'tooLarge', `${info.size} bytes`));
    const buffer = await readFile(file);
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength); // the readers take plain bytes, not a Buffer
  } catch (err) {
    const code = (err as NodeJS.ErrnoException)?.code;
    return code === 'ENOENT' ? fail('notFound', t('document.notFound')) : fail('unreadable', t('document.unreadable', { detail: String(code ?? err) }));
  }
  const kind = documentKind(bytes, name);
  if (kind === null) return fail('notDocument', t('document.notDocument'));
  const { FormatError, readDocument } = formatReaders();
  try {
    return { ok: true, kind, text: (await readDocument(bytes, name)).text };
  } catch (err) {
    // A reader's library failing on a file it cannot make sense of: a damaged file (as the CLI says too).
    const e = err instanceof FormatError ? err : new FormatError('malformed', String((err as Partial<Error> | undefined)?.message ?? err));
    return fail(e.code, documentProblem(locale, kind, e.code, e.detail));
  }
}

/** Clipboard HTML → report text, or null when there is no table in it or it cannot be read. */
export function htmlToReportText(html: unknown): HtmlToTextResult {
  if (typeof html !== 'string' || html.length === 0) return null;
  const { FormatError, readHtml } = formatReaders();
  try {
    // A string from the clipboard is already decoded: the byte-order mark overrides whatever charset it declares.
    const text = readHtml(new TextEncoder().encode(UTF8_BOM + html), PASTE_LIMITS).text;
    return { text: text.endsWith('\n') ? text : `${text}\n` };
  } catch (err) {
    if (err instanceof FormatError) return null;
    throw err;
  }
}
