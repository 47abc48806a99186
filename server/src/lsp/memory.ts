// Imported first by server.ts: V8 settings for a long-running, mostly idle editor process, where peak memory
// matters more than the last few percent of throughput. Measured with `npm run bench` (peak RSS with 20
// reports open; didChange → diagnostics latency; a folder in the background): see docs/performance.md.
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

// The young generation grows from 1 MB to 32 MB (two 16 MB semi-spaces) under the allocation bursts of a lint: the
// largest single part of the peak. Kept at 1 MB, a lint of a typical report takes a scavenge or two, and under load
// the scavenges were a third of an edit's time (p50 5.2 → 1.3 ms with 8 MB, 2026-11-30). So it may grow to
// YOUNG_CAP, no more: `--max-semi-space-size` cannot change once the heap exists, but the growth factor is read at
// each resize, so after each collection growth is switched off at the cap (and on again if V8 shrank it).
export const YOUNG_CAP = 8 * 1048576;
let growing = true;
function capYoungGeneration(): void {
  const size = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
  const grow = size < YOUNG_CAP;
  if (grow === growing) return;
  growing = grow;
  setFlagsFromString(`--semi-space-growth-factor=${grow ? 2 : 1}`);
}
new PerformanceObserver(capYoungGeneration).observe({ entryTypes: ['gc'] });
// TurboFan's working memory for the engine's large functions is the next part; a smaller inlining budget
// makes the optimised code slightly bigger per call but compiles with less memory (and sooner).
setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');
