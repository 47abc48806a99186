// The document readers for the adapters (CLI, language server), loaded on the first document. The readers and
// their libraries (parse5, fflate, saxes) are most of the CLI's code and would double the language server's: the
// build makes them a bundle of their own, server/out/formats.js, which this `require` names (scripts/build.mjs),
// so a run over text files and a server that never meets a document start as fast as before.
type Readers = typeof import('./index');

let readers: Readers | null = null;
let threads = 1;

/** Threads of this process that may read documents at once (the CLI pool's workers); 1 by default. */
export function setReadingThreads(n: number): void {
  threads = n;
  readers?.setConcurrentReaders(n);
}

export function formatReaders(): Readers {
  if (!readers) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, lazy load of the separate formats bundle (see above)
    readers = require('./index') as Readers;
    readers.setConcurrentReaders(threads);
  }
  return readers;
}
