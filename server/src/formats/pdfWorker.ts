// The worker thread that pdfThread.ts starts: it reads one PDF per message with readPdf and answers with the
// text or the FormatError, and with the size of PDFium's memory, which never shrinks (the thread that holds a
// large one is ended rather than kept). Built apart as server/out/pdf-worker.js, PDFium's glue inside it and
// pdfium.wasm beside it (copied there by the build).
import { parentPort } from 'node:worker_threads';
import { readPdf } from './pdf';
import { pdfiumMemoryBytes } from './pdfium';
import { FormatError, type ReadLimits } from './types';

export interface PdfRequest { bytes: Uint8Array; limits: ReadLimits }
type PdfResult = { ok: true; text: string } | { ok: false; code: FormatError['code']; detail: string };
export type PdfReply = PdfResult & { wasmBytes: number };

const port = parentPort;
if (port) {
  port.on('message', (req: PdfRequest) => {
    // Each request is answered by a message, not by this handler's result.
    void readPdf(req.bytes, req.limits).then(
      (r): PdfResult => ({ ok: true, text: r.text }),
      (e: unknown): PdfResult => (e instanceof FormatError ? { ok: false, code: e.code, detail: e.detail } : { ok: false, code: 'malformed', detail: String(e) }),
    ).then(async (result) => port.postMessage({ ...result, wasmBytes: await pdfiumMemoryBytes() } satisfies PdfReply));
  });
}
