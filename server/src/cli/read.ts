// A file's bytes → the report text the engine lints: a published document (saved web page, Word, PDF) through
// its reader, anything else through the text decoder. Shared by linting and --extract, so that --extract prints
// exactly the text that the findings refer to.
import { documentKind } from '../formats/kind';
import type { Extracted } from '../formats/types';
import { decode, type EncodingId } from './encoding';
import type { FileProblem } from './lintFile';

export type ReadResult =
  | { ok: true; text: string; encoding: EncodingId | null; document: Extracted | null }
  | { ok: false; problem: FileProblem; encoding: EncodingId | null };

type Readers = typeof import('../formats');
let readers: Readers | null = null;
let threads = 1;

/** Linting threads of this process that may read documents at once (the pool's workers); 1 by default. */
export function setReadingThreads(n: number): void {
  threads = n;
  readers?.setConcurrentReaders(n);
}

/**
 * The readers and their libraries (parse5, fflate, saxes: two thirds of the CLI's code) load on the first
 * document only, so a run over text files starts as fast as before. The build makes them a bundle of their
 * own beside cli.js (server/out/formats.js).
 */
function formats(): Readers {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (!readers) {
    readers = require('../formats') as Readers;
    readers.setConcurrentReaders(threads);
  }
  return readers;
}

export async function readReport(file: string, bytes: Uint8Array): Promise<ReadResult> {
  const format = documentKind(bytes, file);
  if (format !== null) {
    const { FormatError, readDocument } = formats();
    try {
      const document = await readDocument(bytes, file);
      return { ok: true, text: document.text, encoding: null, document };
    } catch (err) {
      // A reader's library failing on a file it cannot make sense of: a damaged file, like the ones it names.
      const e = err instanceof FormatError ? err : new FormatError('malformed', String((err as Error)?.message ?? err));
      return { ok: false, problem: { code: 'unreadableDocument', format, error: e.code, detail: e.detail }, encoding: null };
    }
  }
  const decoded = decode(bytes);
  if (decoded.ok) return { ok: true, text: decoded.text, encoding: decoded.encoding, document: null };
  const problem: FileProblem = decoded.reason === 'invalid-utf16'
    ? { code: 'invalidUtf16', encoding: decoded.encoding ?? 'utf-16le' }
    : { code: decoded.reason === 'binary' ? 'binary' : 'invalidText' };
  return { ok: false, problem, encoding: decoded.encoding ?? null };
}
