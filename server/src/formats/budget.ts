// What reading one file may still cost: the readers call in here as they go, so that a hostile or broken file
// stops with a FormatError instead of running on (time) or growing without end (nodes, text).
import { DEFAULT_LIMITS, FormatError, type ReadLimits } from './types';

/**
 * The most elements (a page's tags; the paragraphs, rows and cells read) one document may hold. Each costs a
 * small object while the document is read; a real report has a few thousand, and this bounds the memory and
 * time of a file made of nothing but empty tags or cells.
 */
export const MAX_NODES = 200_000;

export class Budget {
  readonly limits: ReadLimits;
  private readonly deadline: number;
  private nodes = 0;
  private chars = 0;

  constructor(limits: Partial<ReadLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.deadline = performance.now() + this.limits.maxMillis;
  }

  checkInput(bytes: number): void {
    if (bytes > this.limits.maxInputBytes) throw new FormatError('tooLarge', `file of ${bytes} bytes, over ${this.limits.maxInputBytes}`);
  }

  checkTime(): void {
    if (performance.now() > this.deadline) throw new FormatError('timeout', `over ${this.limits.maxMillis} ms`);
  }

  /** One more element; checks the clock now and then, as elements are what take the time. */
  node(): void {
    if (++this.nodes > MAX_NODES) throw new FormatError('tooLarge', `more than ${MAX_NODES} elements (tags, paragraphs, cells)`);
    if ((this.nodes & 1023) === 0) this.checkTime();
  }

  text(n: number): void {
    this.chars += n;
    if (this.chars > this.limits.maxTextChars) throw new FormatError('tooLarge', `text over ${this.limits.maxTextChars} characters`);
  }
}
