// The worker thread that pdfThread.ts starts: it reads one PDF per message with readPdf and answers with the
// text or the FormatError. Built apart as server/out/pdf-worker.js (pdf.js itself stays in pdfjs.js beside it,
// and the CMaps of Chinese fonts named without embedding in cmaps/, copied there by the build).
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { cachedCMaps, readPdf } from './pdf';
import { FormatError, type ReadLimits } from './types';

export interface PdfRequest { bytes: Uint8Array; limits: ReadLimits }
export type PdfReply = { ok: true; text: string } | { ok: false; code: FormatError['code']; detail: string };

const CMAP_NAME = /^[\w.-]+$/;
const readCMap = async (name: string): Promise<Uint8Array> => {
  if (!CMAP_NAME.test(name)) throw new Error(`not a CMap name: ${name}`);
  return new Uint8Array(await readFile(path.join(__dirname, 'cmaps', `${name}.bcmap`)));
};
const cmaps = cachedCMaps(readCMap);

const port = parentPort;
if (port) {
  port.on('message', (req: PdfRequest) => {
    // Each request is answered by a message, not by this handler's result.
    void readPdf(req.bytes, req.limits, cmaps).then(
      (r): PdfReply => ({ ok: true, text: r.text }),
      (e: unknown): PdfReply => (e instanceof FormatError ? { ok: false, code: e.code, detail: e.detail } : { ok: false, code: 'malformed', detail: String(e) }),
    ).then((reply) => port.postMessage(reply));
  });
}
