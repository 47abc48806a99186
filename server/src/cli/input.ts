// Reading a file's bytes, bounded: only regular files, at most MAX_INPUT_BYTES. Decoding and linting are
// elsewhere (lintFile.ts), so a new input format only adds a decoder.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { MAX_INPUT_BYTES } from './limits';

export type ReadProblem =
  | { code: 'notFound' | 'permission' | 'isDirectory' | 'notRegular' }
  | { code: 'tooLarge'; size: number; limit: number }
  | { code: 'readFailed'; detail: string };

export type ReadResult = { ok: true; bytes: Buffer; stat: fs.Stats } | { ok: false; problem: ReadProblem };

export function readProblem(err: unknown): ReadProblem {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return { code: 'notFound' };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'permission' };
  if (code === 'EISDIR') return { code: 'isDirectory' };
  return { code: 'readFailed', detail: errorDetail(err) };
}

/** "EFBIG: file too large, write" → the code and its short text, for messages. */
export function errorDetail(err: unknown): string {
  const e = err as Partial<NodeJS.ErrnoException> | undefined;
  if (e?.code && typeof e.message === 'string') return e.message.replace(/,[^,]*$/, '');
  return String(e?.message ?? err);
}

/**
 * The bytes of `file`, which must be a regular file of at most `limit` bytes. Opened without blocking (a FIFO
 * put in a report's place cannot hang the run) and checked on the open descriptor, so what is checked is what
 * is read; a file that grows past the limit while being read is refused too.
 */
export function readRegularFile(file: string, limit = MAX_INPUT_BYTES): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (err) {
    return { ok: false, problem: readProblem(err) };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, problem: { code: 'isDirectory' } };
    if (!stat.isFile()) return { ok: false, problem: { code: 'notRegular' } };
    if (stat.size > limit) return { ok: false, problem: { code: 'tooLarge', size: stat.size, limit } };
    // One byte more than expected, to notice growth; grown further (up to limit + 1) if the file is growing.
    let buf = Buffer.allocUnsafe(stat.size + 1);
    let got = 0;
    for (;;) {
      if (got === buf.length) {
        if (got > limit) return { ok: false, problem: { code: 'tooLarge', size: got, limit } };
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, limit + 1));
        buf.copy(bigger, 0, 0, got);
        buf = bigger;
      }
      const n = fs.readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
    }
    return { ok: true, bytes: buf.subarray(0, got), stat };
  } catch (err) {
    return { ok: false, problem: readProblem(err) };
  } finally {
    fs.closeSync(fd);
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
