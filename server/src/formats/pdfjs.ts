// pdf.js, loaded on the first PDF. The build bundles this module on its own, as server/out/pdfjs.js next to
// the language server and the CLI (and in the .vsix), so that its 2 MB of code cost nothing to the many who
// never read a PDF. It is pdfjs-dist's modern build: the legacy one carries core-js, which replaces built-ins
// such as Array.prototype.push for the whole process (the engine's pushes then run as slow JavaScript).
export type Pdfjs = typeof import('pdfjs-dist');

let loading: Promise<Pdfjs> | null = null;

export function loadPdfjs(): Promise<Pdfjs> {
  return (loading ??= load());
}

async function load(): Promise<Pdfjs> {
  // While it loads in Node, pdf.js warns on console.log that it has no canvas (text needs none): keep that out
  // of the CLI's output and of the language server's log.
  const log = console.log;
  console.log = () => undefined;
  try {
    addPromiseWithResolvers();
    // pdf.js runs its worker in this thread (its "fake worker") when it finds the worker's code here.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/build/pdf.worker.mjs');
    return await import('pdfjs-dist');
  } finally {
    console.log = log;
  }
}

/** The one standard function pdf.js needs that Node 20 lacks (Node 22 has it): added when missing, as specified. */
function addPromiseWithResolvers(): void {
  const P = Promise as PromiseConstructor & { withResolvers?: unknown };
  if (typeof P.withResolvers === 'function') return;
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers<T>(this: PromiseConstructor) {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new this<T>((res, rej) => { resolve = res; reject = rej; });
      return { promise, resolve, reject };
    },
  });
}
