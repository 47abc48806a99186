// The background pass's worker threads run at a lower priority than the server's thread (cli/priority.ts): the
// thread that calls lowerThisThreadPriority gets the niceness, its process's other threads keep theirs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { BACKGROUND_NICENESS } from '../../server/src/cli/priority';
import { repoRoot } from '../support/paths';
import { nicenessOf } from '../support/threads';


describe('CLI: the background pass at a lower priority', function () {
  before(function () { if (process.platform !== 'linux') this.skip(); });

  it('lowers the calling worker thread only, not the thread that started it', async function () {
    this.timeout(30000);
    const main = nicenessOf(readFileSync('/proc/thread-self/stat', 'utf8'));
    const module = path.join(repoRoot, 'server/src/cli/priority.ts');
    const code = `require('tsx/cjs');
      const { parentPort } = require('node:worker_threads');
      const { readFileSync } = require('node:fs');
      const lowered = require(${JSON.stringify(module)}).lowerThisThreadPriority();
      parentPort.postMessage({ lowered, stat: readFileSync('/proc/thread-self/stat', 'utf8') });`;
    const worker = new Worker(code, { eval: true });
    const answer = await new Promise<{ lowered: boolean; stat: string }>((resolve, reject) => { worker.once('message', resolve); worker.once('error', reject); });
    await worker.terminate();
    assert.equal(answer.lowered, true);
    assert.equal(nicenessOf(answer.stat), Math.max(main, BACKGROUND_NICENESS));
    assert.equal(nicenessOf(readFileSync('/proc/thread-self/stat', 'utf8')), main, 'the test runner thread keeps its niceness');
  });
});
