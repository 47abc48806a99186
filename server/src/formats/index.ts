// Reading a report from the file it was published as: a saved web page, a Word document or a PDF. The reader is
// chosen by what the bytes are and, failing that, by the file name (kind.ts).
import { Budget } from './budget';
import { readDocx } from './docx';
import { readHtml } from './html';
import { documentKind } from './kind';
import { readPdfInThread } from './pdfThread';
import { DEFAULT_LIMITS, FormatError, type Extracted, type ReadLimits } from './types';

export { documentKind, DOCUMENT_EXTENSIONS } from './kind';
export { setConcurrentReaders } from './pdfThread';
export { readHtml } from './html';
export { sourceRanges } from './source';
export { FormatError, DEFAULT_LIMITS } from './types';
export type { Extracted, FormatErrorCode, FormatKind, ReadLimits } from './types';

export async function readDocument(bytes: Uint8Array, fileName: string, limits: Partial<ReadLimits> = {}): Promise<Extracted> {
  new Budget(limits).checkInput(bytes.length);
  switch (documentKind(bytes, fileName)) {
    case 'docx': return readDocx(bytes, limits);
    case 'html': return readHtml(bytes, limits);
    // PDFium cannot be stopped from inside: it runs in a thread of its own, ended at the limits.
    case 'pdf': return readPdfInThread(bytes, { ...DEFAULT_LIMITS, ...limits });
    default:
      if (bytes.length === 0) throw new FormatError('noText', 'empty file');
      throw new FormatError('legacyFormat', `not a saved web page, Word or PDF document: ${fileName}`);
  }
}
