// The worker thread that pdfThread.ts starts: it reads one PDF per message with readPdf and answers with the
// text or the FormatError. Built apart as server/out/pdf-worker.js (pdf.js itself stays in pdfjs.js beside it).
import { parentPort } from 'node:worker_threads';
import { readPdf } from './pdf';
import { FormatError, type ReadLimits } from './types';

export interface PdfRequest { bytes: Uint8Array; limits: ReadLimits }
export type PdfReply = { ok: true; text: string } | { ok: false; code: FormatError['code']; detail: string };

const port = parentPort;
if (port) {
  port.on('message', (req: PdfRequest) => {
    readPdf(req.bytes, req.limits).then(
      (r): PdfReply => ({ ok: true, text: r.text }),
      (e): PdfReply => (e instanceof FormatError ? { ok: false, code: e.code, detail: e.detail } : { ok: false, code: 'malformed', detail: String(e) }),
    ).then((reply) => port.postMessage(reply));
  });
}
