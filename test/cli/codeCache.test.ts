// The CLI's V8 code cache (server/src/cli/codeCache.ts): used only when made from the same bytes by the same
// Node; a stale, foreign, truncated or missing cache is ignored and the bundle compiled as usual. And the built
// command gives the same output with its cache, without it, and with a cache that does not fit.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { cacheFileOf, compileBundle, runBundle, writeCache } from '../../server/src/cli/codeCache';
import { CLI, ensureBuilt, repoRoot } from './helpers';

const BUNDLE = 'exports.twice = function (n) { return 2 * n; };\nexports.name = __filename;\n';

function tempBundle(source = BUNDLE): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-report-cache-'));
  const file = path.join(dir, 'b.js');
  fs.writeFileSync(file, source);
  return file;
}

/** Compile and run `file`; its exports and whether the cache was used. */
function load(file: string) {
  const { script, use } = compileBundle(file);
  const m = { exports: {} } as NodeJS.Module & { exports: { twice(n: number): number; name: string } };
  runBundle(script, file, m, require);
  return { use, exports: m.exports, script };
}

describe('CLI code cache', () => {
  it('is used when made from the same bundle by this Node, and the bundle runs as a module', () => {
    const file = tempBundle();
    const first = load(file);
    assert.equal(first.use, 'absent');
    assert.equal(first.exports.twice(3), 6);
    writeCache(first.script, file);
    const second = load(file);
    assert.equal(second.use, 'used');
    assert.equal(second.exports.twice(4), 8);
    assert.equal(second.exports.name, file);
  });

  it('is ignored when the bundle changed, even to the same length (V8 would only compare lengths)', () => {
    const file = tempBundle();
    writeCache(load(file).script, file);
    fs.writeFileSync(file, BUNDLE.replace('2 * n', '3 * n'));
    const r = load(file);
    assert.equal(r.use, 'stale');
    assert.equal(r.exports.twice(4), 12);
  });

  // Damaged bytecode under a good header is V8's to refuse, in a process that has not compiled the bundle yet
  // (V8 reuses what it compiled in the same process without looking at a cache): see the command's test below.
  it('is ignored when made by another Node or V8, or when its header is damaged', () => {
    const file = tempBundle();
    writeCache(load(file).script, file);
    const good = fs.readFileSync(cacheFileOf(file));
    const end = good.indexOf(0x0a);
    const header = JSON.parse(good.subarray(0, end).toString()) as Record<string, string>;
    const withHeader = (h: object) => Buffer.concat([Buffer.from(JSON.stringify(h) + '\n'), good.subarray(end + 1)]);
    const cases: [Buffer, string][] = [
      [withHeader({ ...header, node: 'v18.0.0' }), 'stale'],
      [withHeader({ ...header, v8: '10.2.154.26' }), 'stale'],
      [Buffer.from('not a header\n'), 'stale'],
      [good.subarray(0, end), 'stale'],
    ];
    for (const [bytes, use] of cases) {
      fs.writeFileSync(cacheFileOf(file), bytes);
      const r = load(file);
      assert.equal(r.use, use);
      assert.equal(r.exports.twice(5), 10);
    }
  });

  it('the command prints the same with its cache, without it, with a stale one and with damaged bytecode', function () {
    this.timeout(60_000);
    ensureBuilt();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-report-cache-cli-'));
    for (const f of ['cli.js', 'cli-main.js', 'cli-main.cache']) fs.copyFileSync(path.join(path.dirname(CLI), f), path.join(dir, f));
    assert.ok(fs.statSync(path.join(dir, 'cli-main.cache')).size > 100_000, 'the build writes the cache');
    const examples = ['clean-2020-cell-per-line.txt', 'defects-2022-pipe.md'].map((f) => path.join(repoRoot, 'examples', f));
    const run = () => spawnSync(process.execPath, [path.join(dir, 'cli.js'), '--format', 'json', '--no-config', ...examples], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GOV_REPORT_LINT_JOBS: '' } });
    const cached = run();
    assert.equal(cached.status, 1, cached.stderr);
    const cacheFile = path.join(dir, 'cli-main.cache');
    const good = fs.readFileSync(cacheFile);
    const end = good.indexOf(0x0a);
    fs.writeFileSync(cacheFile, Buffer.concat([good.subarray(0, end + 1), Buffer.alloc(good.length - end - 1, 7)]));
    const damaged = run();
    fs.writeFileSync(cacheFile, good);
    fs.appendFileSync(path.join(dir, 'cli-main.js'), '\n');
    const stale = run();
    fs.rmSync(cacheFile);
    const none = run();
    for (const r of [damaged, stale, none]) assert.deepEqual([r.status, r.stdout, r.stderr], [cached.status, cached.stdout, cached.stderr]);
  });
});
