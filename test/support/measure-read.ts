// Run in a child process (node -r tsx/cjs measure-read.ts FILE): reads FILE with readDocument and prints, as
// JSON, the error code (or null), the time taken and how far the process's peak memory rose while reading.
// A child process of its own, so that the peak is the reader's and not the test runner's.
import { readFileSync } from 'node:fs';
import { FormatError, readDocument } from '../../server/src/formats';

async function main(file: string): Promise<void> {
  const bytes = readFileSync(file);
  const peakBefore = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  let code: string | null = null;
  try {
    await readDocument(bytes, file);
  } catch (err) {
    code = err instanceof FormatError ? err.code : `unexpected: ${(err as Error).message}`;
  }
  const ms = performance.now() - t0;
  const peakGrowthMB = (process.resourceUsage().maxRSS - peakBefore) / 1024;
  process.stdout.write(JSON.stringify({ code, ms, peakGrowthMB }));
}

void main(process.argv[2]);
