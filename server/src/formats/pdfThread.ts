// Reading a PDF within bounds. PDFium never yields to timers while it works and inflates a stream whole, so a
// small crafted file can keep the thread busy for many seconds and take gigabytes. readPdfInThread runs
// readPdf (pdf.ts) in a worker thread and ends that thread at the deadline, or as soon as the process has
// grown by more than the inflated-data limit plus what PDFium itself needs. The event loop stays free
// meanwhile (the language server keeps answering). PDFium's WebAssembly memory grows and never shrinks: a
// thread whose memory grew past RETIRE_WASM_BYTES is ended after its read instead of being kept warm. The one
// file of formats/ that needs Node: it is for the adapters (CLI, language server); the reader itself stays pure.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PdfReply, PdfRequest } from './pdfWorker';
import { FormatError, pdfExtracted, type Extracted, type ReadLimits } from './types';

/**
 * What PDFium and the text take besides inflated data (a fresh thread instantiating PDFium grows ~20 MB, its
 * memory ~20 MB more after a report), in bytes.
 */
const PDFIUM_MEMORY = 96 * 1024 * 1024;
/** A reader thread whose PDFium memory is larger than this after a read is ended, not kept for the next PDF. */
const RETIRE_WASM_BYTES = 64 * 1024 * 1024;
/** How often the process's memory is looked at while a PDF is read, in milliseconds. */
const MEMORY_POLL_MS = 10;
/** The worker's own heap: past it the thread fails alone (a heap overflow of the process would end it). */
const WORKER_HEAP_MB = 1024;
/** An idle reader thread (PDFium loaded: tens of MB) is ended after this long, in milliseconds. */
const IDLE_MS = 60_000;

/** Next to the bundle (server/out/pdf-worker.js); run from the sources (tests), the built one in server/out. */
const defaultWorkerFile = (): string => {
  const beside = path.join(__dirname, 'pdf-worker.js');
  return existsSync(beside) ? beside : path.join(__dirname, '..', '..', 'out', 'pdf-worker.js');
};

let idle: Worker | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
/**
 * Threads of this process that may read a PDF at the same time (the CLI's linting threads each start a reader).
 * The memory watched is the whole process's, so each of them sees the others' growth too: the budget is theirs
 * together, or concurrent reads of ordinary PDFs would be stopped as too large.
 */
let readersAtOnce = 1;

/** Reader threads kept warm for the next PDF: 0 or 1. */
export function idleReaderThreads(): number {
  return idle ? 1 : 0;
}

export function setConcurrentReaders(n: number): void {
  readersAtOnce = Math.max(1, Math.floor(n) || 1);
}

function takeWorker(workerFile: string): Worker {
  clearTimeout(idleTimer);
  const worker = idle ?? new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  idle = null;
  worker.ref();
  return worker;
}

/** Keep one reader thread for the next PDF (warm PDFium); it must not keep the process alive. */
function release(worker: Worker): void {
  if (idle) { void worker.terminate(); return; }
  worker.unref();
  idle = worker;
  idleTimer = setTimeout(() => { if (idle === worker) { idle = null; void worker.terminate(); } }, IDLE_MS);
  idleTimer.unref();
}

/** readPdf in a worker thread, stopped at limits.maxMillis or past limits.maxInflatedBytes of growth. */
export function readPdfInThread(bytes: Uint8Array, limits: ReadLimits, workerFile = defaultWorkerFile()): Promise<Extracted> {
  const worker = takeWorker(workerFile);
  const baseline = process.memoryUsage.rss();
  const budget = (limits.maxInflatedBytes + PDFIUM_MEMORY) * readersAtOnce;
  return new Promise<Extracted>((resolve, reject) => {
    // Answer once the thread is gone, its memory with it: the next read's baseline must not count it.
    const stop = (err: FormatError) => { finish(); void worker.terminate().finally(() => reject(err)); };
    const timer = setTimeout(() => stop(new FormatError('timeout', `reading the PDF took more than ${limits.maxMillis} ms`)), limits.maxMillis);
    const poll = setInterval(() => {
      const grown = process.memoryUsage.rss() - baseline;
      if (grown > budget) stop(new FormatError('tooLarge', `reading the PDF took more than ${Math.round(budget / 1048576)} MB of memory`));
    }, MEMORY_POLL_MS);
    const onMessage = (reply: PdfReply) => {
      finish();
      const answer = () => (reply.ok
        ? resolve(pdfExtracted(reply.text))
        : reject(new FormatError(reply.code, reply.detail)));
      if (reply.wasmBytes <= RETIRE_WASM_BYTES) { release(worker); answer(); return; }
      void worker.terminate().finally(answer);
    };
    const onError = (e: Error & { code?: string }) => stop(e.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? new FormatError('tooLarge', `reading the PDF took more than ${WORKER_HEAP_MB} MB of heap`)
      : new FormatError('malformed', `the PDF reader failed: ${e.message}`));
    function finish(): void {
      clearTimeout(timer);
      clearInterval(poll);
      worker.off('message', onMessage);
      worker.off('error', onError);
    }
    worker.on('message', onMessage);
    worker.on('error', onError);
    // Transferred to the thread, so a copy of its own: a Buffer's slice() is a view of the caller's memory (often a
    // pool shared with other Buffers), which the transfer would detach.
    const copy = Uint8Array.prototype.slice.call(bytes);
    worker.postMessage({ bytes: copy, limits } satisfies PdfRequest, [copy.buffer]);
  });
}
