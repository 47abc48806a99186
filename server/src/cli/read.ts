// A file's bytes → the report text the engine lints: a published document (saved web page, Word, PDF) through
// its reader, anything else through the text decoder. Shared by linting and --extract, so that --extract prints
// exactly the text that the findings refer to.
import { documentKind } from '../formats/kind';
import { formatReaders } from '../formats/load';
import type { Extracted } from '../formats/types';
import { decode, type EncodingId } from './encoding';
import type { FileProblem } from './lintFile';

export type ReadResult =
  | { ok: true; text: string; encoding: EncodingId | null; document: Extracted | null }
  | { ok: false; problem: FileProblem; encoding: EncodingId | null };

export async function readReport(file: string, bytes: Uint8Array): Promise<ReadResult> {
  const format = documentKind(bytes, file);
  if (format !== null) {
    const { FormatError, readDocument } = formatReaders();
    try {
      const document = await readDocument(bytes, file);
      return { ok: true, text: document.text, encoding: null, document };
    } catch (err) {
      // A reader's library failing on a file it cannot make sense of: a damaged file, like the ones it names.
      const e = err instanceof FormatError ? err : new FormatError('malformed', String((err as Partial<Error> | undefined)?.message ?? err));
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
