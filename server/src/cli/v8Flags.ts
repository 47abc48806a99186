// The V8 flags of the CLI, set before its bundle is compiled (a code cache is only accepted under the flags it
// was made with) and again by the bundle itself when it is run directly.
import { setFlagsFromString } from 'node:v8';

/**
 * A run is short: most of a thread's time goes to its first few hundred files, while V8 is still compiling
 * the engine. A smaller TurboFan inlining budget compiles sooner and with less work, so a run of a few
 * hundred files is ≈ 25 % faster (and the compiler threads leave more of the other cores to the workers).
 * V8 flags are per process: the workers get it too. See docs/performance.md.
 */
export const CLI_V8_FLAGS = '--max-inlined-bytecode-size-cumulative=100';

export function setCliV8Flags(): void {
  setFlagsFromString(CLI_V8_FLAGS);
}
