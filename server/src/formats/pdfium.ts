// PDFium compiled to WebAssembly (@embedpdf/pdfium), loaded on the first PDF of a thread. Its Emscripten glue
// reads pdfium.wasm from disk beside itself: in the built bundle that is server/out/pdfium.wasm (copied there
// by scripts/build.mjs), run from the sources the package's own dist/. Nothing is fetched.
// The package's wrappers check their arguments on every call (an Emscripten build with assertions), which costs
// more than the call itself when asked per character: pdf.ts calls the wasm exports directly.
import { init } from '@embedpdf/pdfium';

/** The exports of pdfium.wasm that pdf.ts calls: pointers and handles are numbers (wasm32). */
export interface PdfiumExports {
  malloc(size: number): number;
  free(ptr: number): void;
  FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  FPDF_CloseDocument(doc: number): void;
  FPDF_GetLastError(): number;
  FPDF_GetPageCount(doc: number): number;
  FPDF_LoadPage(doc: number, index: number): number;
  FPDF_ClosePage(page: number): void;
  FPDFText_LoadPage(page: number): number;
  FPDFText_ClosePage(textPage: number): void;
  FPDFText_CountChars(textPage: number): number;
  FPDFText_GetUnicode(textPage: number, i: number): number;
  FPDFText_IsGenerated(textPage: number, i: number): number;
  FPDFText_GetCharAngle(textPage: number, i: number): number;
  FPDFText_GetCharOrigin(textPage: number, i: number, x: number, y: number): number;
  FPDFText_GetFontSize(textPage: number, i: number): number;
  FPDFText_GetMatrix(textPage: number, i: number, matrix: number): number;
  FPDFText_GetLooseCharBox(textPage: number, i: number, rect: number): number;
}

/** The module: its exports and views of its memory (new views after the memory grows: read them each time). */
export interface Pdfium {
  wasmExports: PdfiumExports;
  HEAPU8: Uint8Array;
  HEAPF32: Float32Array;
  HEAPF64: Float64Array;
}

let loading: Promise<Pdfium> | null = null;

export function loadPdfium(): Promise<Pdfium> {
  loading ??= load();
  loading.catch(() => { loading = null; });
  return loading;
}

/**
 * Forget the module after a failure inside it (an Emscripten abort, memory exhausted): its state is then
 * unknown, and the next PDF gets a new one.
 */
export function dropPdfium(): void {
  loading = null;
}

/** Bytes of WebAssembly memory the loaded module holds (it grows and never shrinks), 0 if none is loaded. */
export async function pdfiumMemoryBytes(): Promise<number> {
  if (!loading) return 0;
  try { return (await loading).HEAPU8.length; } catch { return 0; }
}

async function load(): Promise<Pdfium> {
  // PDFium's own messages would go to console.log: the CLI's output and the language server's log.
  const quiet = () => undefined;
  const wrapped = await init({ print: quiet, printErr: quiet });
  wrapped.FPDF_InitLibrary();
  return wrapped.pdfium as unknown as Pdfium;
}
