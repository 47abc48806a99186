// Reading a report from the file it was published as: a saved web page, a Word document or a PDF. The reader is
// chosen by what the bytes are (their signature) and, failing that, by the file name's extension, so a .doc that
// is really a web page (as many sites serve) is read as one, and a Word 97–2003 .doc gets a clear message.
import { LineIndex } from '../engine/text';
import type { Range } from '../engine/types';
import { Budget } from './budget';
import { isCfb, isZip, readDocx } from './docx';
import { readHtml } from './html';
import { FormatError, type Extracted, type FormatKind, type ReadLimits } from './types';

export { FormatError, DEFAULT_LIMITS } from './types';
export type { Extracted, FormatErrorCode, FormatKind, ReadLimits } from './types';

/** Extensions of the files these readers are for (a directory given to the CLI is searched for them too). */
export const DOCUMENT_EXTENSIONS: Readonly<Record<string, FormatKind>> = {
  '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.docx': 'docx', '.doc': 'docx', '.pdf': 'pdf',
};

/** The kind of document `bytes` hold, or null for plain text (read by the CLI's text decoder instead). */
export function documentKind(bytes: Uint8Array, fileName: string): FormatKind | null {
  if (isZip(bytes) || isCfb(bytes)) return 'docx';
  if (isPdf(bytes)) return 'pdf';
  if (looksLikeHtml(bytes)) return 'html';
  return DOCUMENT_EXTENSIONS[extension(fileName)] ?? null;
}

export async function readDocument(bytes: Uint8Array, fileName: string, limits: Partial<ReadLimits> = {}): Promise<Extracted> {
  new Budget(limits).checkInput(bytes.length);
  switch (documentKind(bytes, fileName)) {
    case 'docx': return readDocx(bytes, limits);
    case 'html': return readHtml(bytes, limits);
    case 'pdf':
      // ---- PDF: the reader (pdf.ts, pdf.js) is written on another branch; until it lands, say so clearly.
      throw new FormatError('legacyFormat', 'PDF files cannot be read yet');
    default:
      if (bytes.length === 0) throw new FormatError('noText', 'empty file');
      throw new FormatError('legacyFormat', `not a saved web page, Word or PDF document: ${fileName}`);
  }
}

function extension(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

function isPdf(b: Uint8Array): boolean {
  // "%PDF-" within the first KB (some producers put bytes before it, which readers accept).
  const head = String.fromCharCode(...b.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** Markup at the start, after a byte-order mark and white space: a web page whatever its name (.doc, .txt). */
function looksLikeHtml(b: Uint8Array): boolean {
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && i < 1024 && (b[i] === 0x20 || (b[i] >= 0x09 && b[i] <= 0x0d))) i++;
  const head = String.fromCharCode(...b.subarray(i, i + 15)).toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<meta') || head.startsWith('<head');
}

/**
 * Maps a range in an HTML page's extracted text to the page's source (the file a user opens), so that a finding
 * on a cell points at that cell's text, and on an empty cell at its <td>. Null for formats whose findings refer
 * to the extracted text (Word, PDF).
 */
export function sourceRanges(doc: Extracted): ((r: Range) => Range) | null {
  const source = doc.source;
  if (!source) return null;
  const text = new LineIndex(doc.text);
  const page = new LineIndex(source.text);
  return (r) => {
    const a = text.offsetAt(r.start);
    const b = text.offsetAt(r.end);
    const start = source.toSource(a);
    const end = b > a ? Math.max(start, source.toSource(b - 1) + 1) : start;
    return { start: page.positionAt(start), end: page.positionAt(end) };
  };
}
