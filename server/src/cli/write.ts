// Replacing a report with its fixed bytes, or leaving it exactly as it was. The new content goes to a
// temporary file in the same directory, written in full, flushed, read back and compared, given the
// original's owner, group and permission bits, and renamed over the original only if the original still
// holds what was read. Any failure removes the temporary file and leaves the original untouched.
//
// What cannot be helped: a program that writes the original in the microseconds between the final check and
// the rename, or one that keeps the file open and writes after the rename (its write goes to the replaced
// file), loses that write. No lock is honoured by every editor, so none is taken.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorDetail, readRegularFile, sha256 } from './input';
import { pauseBeforeRename } from './testFaults';

/** What was read: the stat of the open file and the hash of its bytes. */
export interface Original { stat: fs.Stats; sha256: string }

export type WriteProblem =
  | { code: 'fixChanged' | 'fixReadOnly' }
  | { code: 'fixHardLinks'; links: number }
  | { code: 'fixWriteFailed'; detail: string };

const TMP_SUFFIX = '.tmp';
/** `.NAME.gov-report-PID-RANDOM.tmp`: the pid lets this process find its own temporary files after a signal. */
function tmpPrefix(target: string): string {
  return `.${path.basename(target)}.gov-report-${process.pid}-`;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Refusals decided before anything is written: hard links would be split, read-only files rewritten. */
function refusal(target: string, now: fs.Stats): WriteProblem | null {
  if (now.nlink > 1) return { code: 'fixHardLinks', links: now.nlink };
  if ((now.mode & 0o222) === 0) return { code: 'fixReadOnly' };
  try { fs.accessSync(target, fs.constants.W_OK); } catch { return { code: 'fixReadOnly' }; }
  return null;
}

function sameFile(a: fs.Stats, b: fs.Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

/** Write all of `data` at the start of `fd`: writeSync may write less than asked (a full disk, ulimit -f). */
function writeFully(fd: number, data: Buffer): void {
  let done = 0;
  while (done < data.length) {
    const n = fs.writeSync(fd, data, done, data.length - done, done);
    if (n <= 0) throw new Error(`short write: ${done} of ${data.length} bytes`);
    done += n;
  }
}

/** The temporary file must hold exactly `data`. */
function verify(fd: number, data: Buffer): void {
  const size = fs.fstatSync(fd).size;
  if (size !== data.length) throw new Error(`short write: ${size} of ${data.length} bytes`);
  const back = Buffer.allocUnsafe(data.length);
  let got = 0;
  while (got < back.length) {
    const n = fs.readSync(fd, back, got, back.length - got, got);
    if (n === 0) break;
    got += n;
  }
  if (got !== data.length || !back.equals(data)) throw new Error('the written file differs from the fixed text');
}

/** Owner and group of the original (EPERM ignored unless root), its permission bits without setuid/setgid/sticky. */
function copyOwnership(fd: number, from: fs.Stats): void {
  try {
    fs.fchownSync(fd, from.uid, from.gid);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM' || isRoot()) throw err;
  }
  fs.fchmodSync(fd, from.mode & 0o777);
}

/** Replace `file` (through a symlink: its target) with `data`; null on success. */
export function replaceFile(file: string, data: Buffer, original: Original): WriteProblem | null {
  let target: string;
  let now: fs.Stats;
  try {
    target = fs.realpathSync(file);
    now = fs.statSync(target);
  } catch (err) {
    return { code: 'fixWriteFailed', detail: errorDetail(err) };
  }
  if (!sameFile(now, original.stat)) return { code: 'fixChanged' };
  const refused = refusal(target, now);
  if (refused) return refused;

  const tmp = path.join(path.dirname(target), `${tmpPrefix(target)}${Math.random().toString(36).slice(2, 10)}${TMP_SUFFIX}`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, 'wx+', 0o600);
    writeFully(fd, data);
    fs.fsyncSync(fd);
    verify(fd, data);
    copyOwnership(fd, original.stat);
    fs.closeSync(fd);
    fd = null;
    if (changedSince(target, original)) { fs.unlinkSync(tmp); return { code: 'fixChanged' }; }
    fs.renameSync(tmp, target);
    return null;
  } catch (err) {
    if (fd !== null) try { fs.closeSync(fd); } catch { /* already failing */ }
    try { fs.unlinkSync(tmp); } catch { /* not created */ }
    return { code: 'fixWriteFailed', detail: errorDetail(err) };
  }
}

/** The original's content first (slow for a big file), then its stat immediately before the rename. */
function changedSince(target: string, original: Original): boolean {
  const again = readRegularFile(target);
  if (!again.ok || sha256(again.bytes) !== original.sha256) return true;
  pauseBeforeRename(target);
  return !sameFile(fs.statSync(target), original.stat);
}

/** Remove the temporary files this process left beside `file` (after a worker was stopped mid-write). */
export function removeTemporaries(file: string): void {
  let target: string;
  try { target = fs.realpathSync(file); } catch { return; }
  const dir = path.dirname(target);
  const prefix = tmpPrefix(target);
  let names: string[];
  try { names = fs.readdirSync(dir); } catch { return; }
  for (const n of names) if (n.startsWith(prefix) && n.endsWith(TMP_SUFFIX)) try { fs.unlinkSync(path.join(dir, n)); } catch { /* gone */ }
}
