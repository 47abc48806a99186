// .pdf input: the text layer of a PDF, read with pdf.js (loaded on first use, see pdfjs.ts) and laid out as
// `pdftotext -layout` lays it out (pdfLayout.ts). Nothing is fetched (no worker file, fonts or network);
// the CMaps of Chinese fonts named without embedding come from the caller.
// Pure: pdf.js runs in this thread ("fake worker"). It never yields to timers while it works, so time is
// checked between pages only, and one page can inflate streams without bound: pdfThread.ts runs this reader
// in a worker thread that it stops at the deadline or when memory grows past the limit.
import { joinPages, layoutPage, type TextRun } from './pdfLayout';
import { loadPdfjs, type Pdfjs } from './pdfjs';
import { FormatError, type Extracted, type ReadLimits } from './types';

type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
type TextContent = Awaited<ReturnType<PdfPage['getTextContent']>>;

/**
 * The CMap of a CJK font that a PDF names without embedding it (STSong-Light with UniGB-UCS2-H, as iText and
 * older Acrobat write them): pdfjs-dist's packed .bcmap file of that name. Without it, such text is lost.
 */
export type CMapSource = (name: string) => Promise<Uint8Array>;

/**
 * `source` read once per name for the life of the thread (a CMap file is read and unpacked whole for each PDF that
 * names it otherwise). Each caller gets a copy, as pdf.js may take over the buffer it is given; a failed read is
 * not kept.
 */
export function cachedCMaps(source: CMapSource): CMapSource {
  const read = new Map<string, Promise<Uint8Array>>();
  return async (name) => {
    let bytes = read.get(name);
    if (!bytes) {
      bytes = source(name);
      read.set(name, bytes);
      bytes.catch(() => read.delete(name));
    }
    return (await bytes).slice();
  };
}

/** A page with fewer non-space characters than this holds no text to speak of (a page number, a stamp). */
const MIN_PAGE_CHARS = 20;

/** The report text of a PDF's text layer. Throws FormatError for a scan, a password, a broken file or a limit. */
export async function readPdf(bytes: Uint8Array, limits: ReadLimits, cmaps?: CMapSource): Promise<Extracted> {
  checkEnvelope(bytes, limits);
  const deadline = Date.now() + limits.maxMillis;
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: bytes.slice(), // pdf.js takes the buffer over (it is transferred to its worker)
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    CMapReaderFactory: cmapReader(cmaps),
    cMapPacked: true,
    verbosity: 0, // pdf.js logs warnings on console.log: the CLI's output and the language server's log
  });
  try {
    const doc = await task.promise;
    checkClock(deadline);
    const pages = await readPages(pdfjs, doc, limits, deadline);
    if (!pages.some((p) => nonSpaceChars(p) >= MIN_PAGE_CHARS)) {
      throw new FormatError('noText', `no text layer in ${doc.numPages} page(s): a scanned document, which needs OCR (text recognition) first`);
    }
    return { kind: 'pdf', text: joinPages(pages), source: null, encoding: null, tableFields: 'pasted' };
  } catch (e) {
    throw asFormatError(e);
  } finally {
    await task.destroy();
  }
}

/** The lines of each page, in order; the clock and the text length are checked after each page. */
async function readPages(pdfjs: Pdfjs, doc: PdfDocument, limits: ReadLimits, deadline: number): Promise<string[][]> {
  const pages: string[][] = [];
  let chars = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const lines = layoutPage(toRuns(pdfjs, page, await page.getTextContent()));
    page.cleanup();
    checkClock(deadline);
    chars += lines.reduce((sum, l) => sum + l.length + 1, 0);
    if (chars > limits.maxTextChars) throw new FormatError('tooLarge', `more than ${limits.maxTextChars} characters of text`);
    pages.push(lines);
  }
  return pages;
}

/** What can be told from the bytes alone, before pdf.js is loaded: the size, the header and the end. */
function checkEnvelope(bytes: Uint8Array, limits: ReadLimits): void {
  if (bytes.length > limits.maxInputBytes) throw new FormatError('tooLarge', `${bytes.length} bytes, more than ${limits.maxInputBytes}`);
  // The header may follow some junk, within the first 1024 bytes (PDF 32000-1 annex H).
  if (indexOf(bytes, '%PDF-', 0, 1024) < 0) throw new FormatError('malformed', 'not a PDF file (no %PDF- header)');
  // Every complete PDF ends with %%EOF (trailing padding aside): without it the file was cut short, and pdf.js
  // would read what is left of it as if it were all.
  if (indexOf(bytes, '%%EOF', Math.max(0, bytes.length - 4096), bytes.length) < 0) {
    throw new FormatError('truncated', `no %%EOF at the end of ${bytes.length} bytes: the file is incomplete`);
  }
}

function indexOf(bytes: Uint8Array, ascii: string, from: number, to: number): number {
  const end = Math.min(to, bytes.length) - ascii.length;
  outer: for (let i = from; i <= end; i++) {
    for (let k = 0; k < ascii.length; k++) if (bytes[i + k] !== ascii.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** pdf.js asks this class (on this thread) for the CMaps it needs. */
function cmapReader(cmaps: CMapSource | undefined) {
  return class {
    async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
      if (!cmaps) throw new Error(`no CMap data for ${name}`);
      return { cMapData: await cmaps(name), isCompressed: true };
    }
  };
}

function checkClock(deadline: number): void {
  if (Date.now() > deadline) throw new FormatError('timeout', 'reading the PDF took too long');
}

function asFormatError(e: unknown): FormatError {
  if (e instanceof FormatError) return e;
  const name = (e as { name?: string })?.name;
  const message = (e as { message?: string })?.message ?? String(e);
  if (name === 'PasswordException') return new FormatError('encrypted', 'the PDF is protected by a password');
  return new FormatError('malformed', message);
}

function nonSpaceChars(lines: string[]): number {
  let n = 0;
  for (const l of lines) for (const c of l) if (c !== ' ') n++;
  return n;
}

/** pdf.js text items as runs in the page's reading frame: rotated pages turned upright, diagonal text dropped. */
function toRuns(pdfjs: Pdfjs, page: PdfPage, content: TextContent): TextRun[] {
  const viewport = page.getViewport({ scale: 1 });
  const placed: { run: TextRun; quarter: number }[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const text = item.str.trim();
    if (text === '') continue;
    const tx = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
    const quarter = quarterTurn(Math.atan2(tx[1], tx[0]));
    if (quarter < 0) continue;
    const size = Math.hypot(tx[2], tx[3]);
    const lead = item.str.length - item.str.trimStart().length;
    const perChar = item.str.length ? item.width / item.str.length : 0;
    // Vertical writing (a label down a merged cell) is read as one horizontal run where it starts.
    const vertical = content.styles[item.fontName]?.vertical;
    const width = vertical ? text.length * size : item.width - perChar * (item.str.length - text.length);
    placed.push({ run: { text, x: tx[4] + lead * perChar, y: tx[5], width, size }, quarter });
  }
  const upright = dominantQuarter(placed);
  return placed.filter((p) => p.quarter === upright).map((p) => turn(p.run, upright));
}

/** 0–3 quarter turns of a baseline's angle, or -1 for text at another angle (a diagonal watermark). */
function quarterTurn(angle: number): number {
  const q = Math.round(angle / (Math.PI / 2));
  return Math.abs(angle - q * (Math.PI / 2)) < 0.05 ? ((q % 4) + 4) % 4 : -1;
}

function dominantQuarter(placed: { run: TextRun; quarter: number }[]): number {
  const chars = [0, 0, 0, 0];
  for (const p of placed) chars[p.quarter] += p.run.text.length;
  return chars.indexOf(Math.max(...chars));
}

/** Turn a run's origin by `quarter` quarter turns back, so that its baseline runs left to right. */
function turn(run: TextRun, quarter: number): TextRun {
  const { x, y } = run;
  switch (quarter) {
    case 1: return { ...run, x: y, y: -x };
    case 2: return { ...run, x: -x, y: -y };
    case 3: return { ...run, x: -y, y: x };
    default: return run;
  }
}
