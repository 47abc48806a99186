// Many files: worker threads give the same output, in the same order, as linting in one thread.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyReport, corpusDir, ensureBuilt, requireCorpus, run, runJson, tempDir } from './helpers';

describe('cli: many files', function () {
  let dir = '';
  let files: string[] = [];

  before(function () {
    this.timeout(120000);
    requireCorpus(this);
    ensureBuilt();
    dir = tempDir();
    const corpus = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
    for (let i = 0; i < 230; i++) {
      const sub = path.join(dir, `d${Math.floor(i / 50)}`);
      fs.mkdirSync(sub, { recursive: true });
      const src = corpus[i % corpus.length];
      copyReport(path.join(corpusDir, src), path.join(sub, `${String(i).padStart(3, '0')}_${src}`));
    }
    files = fs.readdirSync(dir).sort().flatMap((d) => fs.readdirSync(path.join(dir, d)).sort().map((f) => path.join(dir, d, f)));
  });

  it('worker threads (GOV_REPORT_LINT_JOBS=2) and one thread give identical json, in path order', function () {
    this.timeout(120000);
    const one = runJson([dir], { env: { GOV_REPORT_LINT_JOBS: '1' } });
    const two = runJson([dir], { env: { GOV_REPORT_LINT_JOBS: '2' } });
    assert.equal(one.entries.length, 230);
    assert.deepEqual(one.entries.map((e) => e.file), files);
    assert.deepEqual(two.entries, one.entries);
    assert.equal(two.run.status, one.run.status);
    assert.equal(two.run.stderr, one.run.stderr);
  });

  it('text output is the same with one thread and with three', function () {
    this.timeout(120000);
    const one = run([dir], { env: { GOV_REPORT_LINT_JOBS: '1' } });
    const three = run([dir], { env: { GOV_REPORT_LINT_JOBS: '3' } });
    assert.equal(three.stdout, one.stdout);
    assert.equal(three.stderr, one.stderr);
    assert.match(one.stdout.trimEnd().split('\n').pop()!, /230 个文件/);
  });

  it('--fix with threads writes each file once, same result as one thread', function () {
    this.timeout(120000);
    const a = tempDir();
    const b = tempDir();
    for (const f of files.slice(0, 40)) {
      copyReport(f, path.join(a, path.basename(f)));
      copyReport(f, path.join(b, path.basename(f)));
    }
    const ra = run(['--fix', a], { env: { GOV_REPORT_LINT_JOBS: '1' } });
    const rb = run(['--fix', b], { env: { GOV_REPORT_LINT_JOBS: '2' } });
    assert.equal(rb.stdout.split(b).join('X'), ra.stdout.split(a).join('X'));
    for (const f of fs.readdirSync(a)) assert.deepEqual(fs.readFileSync(path.join(b, f)), fs.readFileSync(path.join(a, f)), f);
    assert.deepEqual(fs.readdirSync(b).sort(), fs.readdirSync(a).sort());
  });
});
