// The worker pool as the language server's background pass uses it (cli/pool.ts): pause() holds the workers
// between files and keeps their results back until resume() (or the pause runs out), so that an edit of the open
// report is neither waiting for a file nor for the results the server would have to take in.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startPool } from '../../server/src/cli/pool';
import { DEFAULT_SETTINGS } from '../../server/src/config/types';
import type { TaskOptions } from '../../server/src/cli/worker';
import { example, repoRoot } from '../support/paths';

const WORKER_SCRIPT = path.join(repoRoot, 'server/out/cli.js');

describe('CLI: the worker pool paused and resumed (the background pass while the user types)', function () {
  this.timeout(60000);
  let dir: string;
  before(function () {
    if (!fs.existsSync(WORKER_SCRIPT)) this.skip(); // built by npm test before mocha
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-report-pool-'));
    for (let k = 0; k < 200; k++) fs.writeFileSync(path.join(dir, `r${k}.md`), example('defects-2022-pipe.md'));
  });
  after(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  it('no result arrives while paused; all of them, in order, after resume()', async () => {
    const options: TaskOptions = { lint: { locale: 'zh-CN', fix: false, suggestions: false }, settings: { base: DEFAULT_SETTINGS, config: null }, threads: 1, background: true };
    const pool = startPool(1, WORKER_SCRIPT, options, 30000);
    const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
    const arrivals: { index: number; at: number }[] = [];
    let pausedAt = 0;
    let resumedAt = 0;
    const run = pool.run(files, 1, {
      result: (index) => {
        arrivals.push({ index, at: performance.now() });
        if (arrivals.length === 1) {
          // A user typing: every keystroke pauses the pool for a while (a pause lasts at most MAX_HOLD_MS).
          pausedAt = performance.now();
          pool.pause(200);
          const typing = setInterval(() => pool.pause(200), 50);
          setTimeout(() => { clearInterval(typing); resumedAt = performance.now(); pool.resume(); }, 1500);
        }
      },
    });
    await run;
    assert.deepEqual(arrivals.map((a) => a.index), files.map((_, i) => i), 'every result, in order');
    // What was already finished or sent when the pause began may still come; then nothing until resume().
    const held = arrivals.filter((a) => a.at > pausedAt + 300 && a.at < resumedAt);
    assert.ok(resumedAt > pausedAt + 1000, 'the run lasted past the pause');
    assert.deepEqual(held, [], `results while paused: ${held.length}`);
    assert.ok(arrivals.some((a) => a.at >= resumedAt), 'the rest came after resume()');
  });
});
