// The server's young generation grows to YOUNG_CAP and no further (lsp/memory.ts), in a process of its own: V8
// flags are per process, and the cap must not change the test runner's heap.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../support/paths';

/**
 * The largest young generation (bytes) of a process that keeps much of what it allocates, with or without the cap,
 * and the cap (YOUNG_CAP, read in that process: importing memory.ts here would set the flags of the test runner).
 */
function youngGenerationPeak(capped: boolean): { peak: number; cap: number } {
  const memory = pathToFileURL(path.join(repoRoot, 'server/src/lsp/memory.ts')).href;
  const script = `const cap = ${capped ? `await import(${JSON.stringify(memory)}).then((m) => m.YOUNG_CAP ?? m.default.YOUNG_CAP)` : '0'};
    const { getHeapSpaceStatistics } = await import('node:v8');
    const young = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    const keep = []; let peak = 0;
    for (let round = 0; round < 60; round++) {
      for (let i = 0; i < 20000; i++) keep.push({ i, s: 'x' + i });
      if (keep.length > 300000) keep.splice(0, 150000);
      await new Promise((resolve) => setImmediate(resolve));
      peak = Math.max(peak, young());
    }
    console.log(JSON.stringify({ peak, cap }));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { peak: number; cap: number };
}

describe('language server: memory settings', function () {
  this.timeout(60000);
  it('the young generation stops growing at the cap (within one doubling), where V8 alone lets it reach 32 MB', function () {
    const { peak: capped, cap } = youngGenerationPeak(true);
    const { peak: free } = youngGenerationPeak(false);
    assert.ok(cap > 0);
    assert.ok(free > 2 * cap, `without the cap the young generation grows past ${2 * cap}: ${free}`);
    assert.ok(capped <= 2 * cap, `with the cap: ${capped} bytes, cap ${cap}`);
    assert.ok(capped >= cap / 2, `it still grows from 1 MB: ${capped}`);
  });
});
