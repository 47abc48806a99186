// Imported first by server.ts: V8 settings for a long-running, mostly idle editor process, where peak memory
// matters more than the last few percent of throughput. Measured with `npm run bench` (peak RSS with 20
// reports open; didChange → diagnostics latency): see docs/performance.md.
import { setFlagsFromString } from 'node:v8';

// The young generation normally grows from 1 MB to 16 MB semi-spaces (up to 48 MB of new space in all) under
// the allocation bursts of a lint; it is the largest single part of the peak. `--max-semi-space-size` cannot
// be changed once the heap exists, but the growth factor is read at each resize: 1 keeps the initial size.
// Scavenges get more frequent but stay well under a millisecond for a report.
setFlagsFromString('--semi-space-growth-factor=1');
// TurboFan's working memory for the engine's large functions is the next part; a smaller inlining budget
// makes the optimised code slightly bigger per call but compiles with less memory (and sooner).
setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');
