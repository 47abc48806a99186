// A long report is announced while it is checked (issue 12: an 8.7 MB report was silent for 9 s): the server asks
// for a work-done progress, begins it with the document's name before the lint and ends it after; a report of
// ordinary length is checked without one.
import assert from 'node:assert/strict';
import { LONG_REPORT_CHARS } from '../../server/src/lsp/diagnostics';
import { example } from '../support/paths';
import { TestClient } from './helpers/client';

interface Progress { token: string | number; value: { kind: string; title?: string } }

const CAPABILITIES = { window: { workDoneProgress: true }, workspace: { configuration: true } };

function longReport(): string {
  const one = example('clean-2023-row-per-line.txt');
  return one.repeat(Math.ceil(LONG_REPORT_CHARS / one.length) + 1);
}

describe('language server: a long report says that it is being checked', function () {
  this.timeout(60000);
  let c: TestClient | undefined;
  afterEach(async () => { await c?.stop(); c = undefined; });

  const progress = (cc: TestClient) => cc.notes.filter((n) => n.method === '$/progress').map((n) => n.params as Progress);

  it('begins a progress named after the document and ends it, before the diagnostics', async () => {
    c = await TestClient.start({ capabilities: CAPABILITIES });
    const uri = 'file:///reports/%E9%95%BF%E6%8A%A5%E5%91%8A.txt';
    await c.open(uri, longReport());
    await c.waitVersion(uri, 1, 30000);
    const [begin, end] = progress(c);
    assert.equal(progress(c).length, 2);
    assert.deepEqual(begin.value, { kind: 'begin', title: 'gov-report：正在检查 长报告.txt' });
    assert.equal(end.value.kind, 'end');
    assert.equal(end.token, begin.token);
  });

  it('in the setting\'s language', async () => {
    c = await TestClient.start({ capabilities: CAPABILITIES, settings: { '*': { locale: 'en' } } });
    await c.open('file:///reports/long.txt', longReport());
    await c.waitVersion('file:///reports/long.txt', 1, 30000);
    assert.equal(progress(c)[0]?.value.title, 'gov-report: checking long.txt');
  });

  it('none for a report of ordinary length, nor for a client without work-done progress', async () => {
    c = await TestClient.start({ capabilities: CAPABILITIES });
    await c.open('file:///reports/short.txt', example('clean-2023-row-per-line.txt'));
    await c.waitVersion('file:///reports/short.txt', 1);
    assert.deepEqual(progress(c), []);
    await c.stop();
    c = await TestClient.start({ capabilities: { workspace: { configuration: true } } });
    await c.open('file:///reports/long.txt', longReport());
    await c.waitVersion('file:///reports/long.txt', 1, 30000);
    assert.deepEqual(progress(c), []);
  });
});
