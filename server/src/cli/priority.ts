// The background pass of the language server runs its worker threads at a lower priority than the server's own
// thread, so that the lint of the report being edited gets a core first (2 cores: the pass's thread, the server's
// and the editor's). Linux sets a priority per thread (setpriority on the thread id, from /proc/thread-self);
// elsewhere the pool still pauses while the user types (pool.pause), which is what a priority adds to.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** Niceness of a background thread (at least): the kernel gives it about a tenth of a core when the edit wants it. */
export const BACKGROUND_NICENESS = 10;

/** Lower the priority of the calling thread (not its process); false where the platform cannot. */
export function lowerThisThreadPriority(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, Math.max(getPriority(tid), BACKGROUND_NICENESS)); // a process started nicer stays so
    return true;
  } catch {
    return false; // a container without /proc, or a process not allowed to change it: run at the usual priority
  }
}
