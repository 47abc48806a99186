// .pdf input: the text layer of a PDF, read with PDFium (WebAssembly, loaded on first use, see pdfium.ts) and
// laid out as `pdftotext -layout` lays it out (pdfLayout.ts). Nothing is fetched: PDFium carries the CMaps of
// Chinese fonts named without embedding.
// PDFium gives a page's characters with their Unicode, origin, advance and size; pdfRuns.ts groups them into
// runs of text as the layout wants them. PDFium never yields while it works, so time and memory are checked
// between pages only, and one page can inflate a stream without bound: pdfThread.ts runs this reader in a worker
// thread that it stops at the deadline or when memory grows past the limit.
import { indexOfAscii, isPdf } from './kind';
import { joinPages, layoutPage } from './pdfLayout';
import { dropPdfium, loadPdfium, type Pdfium } from './pdfium';
import { pageRuns } from './pdfRuns';
import { FormatError, pdfExtracted, type Extracted, type ReadLimits } from './types';

/** A page with fewer non-space characters than this holds no text to speak of (a page number, a stamp). */
const MIN_PAGE_CHARS = 20;

/** The report text of a PDF's text layer. Throws FormatError for a scan, a password, a broken file or a limit. */
export async function readPdf(bytes: Uint8Array, limits: ReadLimits): Promise<Extracted> {
  checkEnvelope(bytes, limits);
  const deadline = Date.now() + limits.maxMillis;
  const pdfium = await loadPdfium();
  try {
    const pages = readDocument(pdfium, bytes, limits, deadline);
    if (!pages.some((p) => nonSpaceChars(p) >= MIN_PAGE_CHARS)) {
      throw new FormatError('noText', `no text layer in ${pages.length} page(s): a scanned document, which needs OCR (text recognition) first`);
    }
    return pdfExtracted(joinPages(pages));
  } catch (e) {
    if (e instanceof FormatError) throw e;
    dropPdfium(); // a failure inside the wasm (an abort, no memory left): the module's state is unknown
    throw new FormatError('malformed', `the PDF reader failed: ${(e as Error)?.message ?? String(e)}`);
  }
}

/** The lines of each page, in order: the document is opened from a copy in wasm memory and closed after. */
function readDocument(pdfium: Pdfium, bytes: Uint8Array, limits: ReadLimits, deadline: number): string[][] {
  const X = pdfium.wasmExports;
  const data = X.malloc(Math.max(1, bytes.length));
  if (!data) throw new FormatError('tooLarge', `${bytes.length} bytes do not fit in the PDF reader's memory`);
  pdfium.HEAPU8.set(bytes, data);
  const doc = X.FPDF_LoadMemDocument(data, bytes.length, 0);
  try {
    if (!doc) throw loadError(X.FPDF_GetLastError());
    checkClock(deadline);
    return readPages(pdfium, doc, limits, deadline);
  } finally {
    if (doc) X.FPDF_CloseDocument(doc);
    X.free(data);
  }
}

/** The lines of each page; the clock, the text length and the growth of wasm memory are checked after each. */
function readPages(pdfium: Pdfium, doc: number, limits: ReadLimits, deadline: number): string[][] {
  const X = pdfium.wasmExports;
  const memoryAtStart = pdfium.HEAPU8.length;
  const pages: string[][] = [];
  let chars = 0;
  for (let n = 0, count = X.FPDF_GetPageCount(doc); n < count; n++) {
    const page = X.FPDF_LoadPage(doc, n);
    if (!page) throw new FormatError('malformed', `page ${n + 1} cannot be read`);
    let lines: string[];
    try {
      lines = layoutPage(pageRuns(pdfium, page));
    } finally {
      X.FPDF_ClosePage(page);
    }
    checkClock(deadline);
    if (pdfium.HEAPU8.length - memoryAtStart > limits.maxInflatedBytes) {
      throw new FormatError('tooLarge', `reading the PDF took more than ${Math.round(limits.maxInflatedBytes / 1048576)} MB of memory`);
    }
    chars += lines.reduce((sum, l) => sum + l.length + 1, 0);
    if (chars > limits.maxTextChars) throw new FormatError('tooLarge', `more than ${limits.maxTextChars} characters of text`);
    pages.push(lines);
  }
  if (pages.length === 0) throw new FormatError('malformed', 'the PDF has no pages');
  return pages;
}

/** FPDF_GetLastError's codes (fpdfview.h: FPDF_ERR_*). */
function loadError(code: number): FormatError {
  switch (code) {
    case 4: return new FormatError('encrypted', 'the PDF is protected by a password');
    case 5: return new FormatError('encrypted', 'the PDF is encrypted with a security handler that cannot be read');
    case 3: return new FormatError('malformed', 'not a PDF file, or a damaged one');
    default: return new FormatError('malformed', `the PDF cannot be opened (PDFium error ${code})`);
  }
}

/** What can be told from the bytes alone, before PDFium is loaded: the size, the header and the end. */
function checkEnvelope(bytes: Uint8Array, limits: ReadLimits): void {
  if (bytes.length > limits.maxInputBytes) throw new FormatError('tooLarge', `${bytes.length} bytes, more than ${limits.maxInputBytes}`);
  if (!isPdf(bytes)) throw new FormatError('malformed', 'not a PDF file (no %PDF- header)');
  // Every complete PDF ends with %%EOF (trailing padding aside): without it the file was cut short, and PDFium
  // would repair and read what is left of it as if it were all.
  if (indexOfAscii(bytes, '%%EOF', Math.max(0, bytes.length - 4096), bytes.length) < 0) {
    throw new FormatError('truncated', `no %%EOF at the end of ${bytes.length} bytes: the file is incomplete`);
  }
}

function checkClock(deadline: number): void {
  if (Date.now() > deadline) throw new FormatError('timeout', 'reading the PDF took too long');
}

function nonSpaceChars(lines: string[]): number {
  let n = 0;
  for (const l of lines) for (const c of l) if (c !== ' ') n++;
  return n;
}
