// --fix / --fix-suggestions: what is written, what is left alone, encodings and line ends kept.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll, lint } from '../../server/src/engine';
import { copyReport, corpusDir, corpusFile, ensureBuilt, hasIconv, requireCorpus, run, runJson, tempDir, toGb18030 } from './helpers';

const TRUNCATED = '三、收到和处理政府信息公开申请情';
const RESTORED = '三、收到和处理政府信息公开申请情况';

function snapshot(file: string): { bytes: Buffer; mtimeMs: number; ino: number } {
  const s = fs.statSync(file);
  return { bytes: fs.readFileSync(file), mtimeMs: s.mtimeMs, ino: s.ino };
}

function errorsOf(entries: { diagnostics: { severity: string }[] }[]): number {
  return entries.reduce((n, e) => n + e.diagnostics.filter((d) => d.severity === 'error').length, 0);
}

describe('cli: --fix', function () {
  before(function () {
    this.timeout(120000);
    requireCorpus(this);
    ensureBuilt();
  });

  it('without --fix nothing is written', () => {
    const dir = tempDir();
    const files = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).map((f) => {
      copyReport(path.join(corpusDir, f), path.join(dir, f));
      return path.join(dir, f);
    });
    const before = files.map(snapshot);
    run(files);
    runJson(files);
    files.forEach((f, i) => assert.deepEqual(snapshot(f), before[i], f));
    assert.deepEqual(fs.readdirSync(dir).sort(), files.map((f) => path.basename(f)).sort(), 'no temporary files left');
  });

  it('writes exactly the files with safe fixes (as the engine computes them), leaves the others byte-identical', () => {
    const dir = tempDir();
    const names = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
    const files = names.map((f) => { copyReport(path.join(corpusDir, f), path.join(dir, f)); return path.join(dir, f); });
    const before = files.map(snapshot);
    const expected = files.map((f) => fixAll(fs.readFileSync(f, 'utf8'), lint, { locale: 'zh-CN' }));
    assert.ok(expected[names.findIndex((n) => n.startsWith('001'))].applied > 0, '001 has a safe fix (the truncated heading)');

    const r = run(['--fix', ...files]);
    assert.notEqual(r.status, 2, r.stderr);
    files.forEach((f, i) => {
      const now = snapshot(f);
      if (expected[i].applied > 0) {
        assert.equal(now.bytes.toString('utf8'), expected[i].text, `${f} holds the engine's fixed text`);
        assert.ok(r.stdout.includes(`${f}：已应用 ${expected[i].applied} 处修复`), r.stdout);
      } else {
        assert.deepEqual(now, before[i], `${f} untouched`);
        assert.ok(!r.stdout.includes(`${f}：已应用`));
      }
    });
    assert.deepEqual(fs.readdirSync(dir).sort(), names, 'no temporary files left');

    // The truncated heading of 001 is restored.
    const fixed001 = fs.readFileSync(files[names.findIndex((n) => n.startsWith('001'))], 'utf8');
    assert.ok(fixed001.split('\n').some((l) => l.trim() === RESTORED));
    assert.ok(!fixed001.split('\n').some((l) => l.trim() === TRUNCATED));
  });

  it('reports the diagnostics of the fixed text; re-linting the fixed files gives no new errors', () => {
    const dir = tempDir();
    const names = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
    const files = names.map((f) => { copyReport(path.join(corpusDir, f), path.join(dir, f)); return path.join(dir, f); });
    const original = runJson(files);
    const fixedRun = runJson(['--fix', ...files]);
    const relint = runJson(files);
    assert.deepEqual(fixedRun.entries, relint.entries, 'the --fix output describes the fixed files');
    assert.equal(fixedRun.run.status, relint.run.status);
    files.forEach((f, i) => {
      assert.ok(errorsOf([relint.entries[i]]) <= errorsOf([original.entries[i]]), `${f}: errors after the fix`);
    });
    // A second --fix has nothing left to do.
    const snap = files.map(snapshot);
    const again = run(['--fix', ...files]);
    assert.ok(!again.stdout.includes('已应用'), again.stdout);
    files.forEach((f, i) => assert.deepEqual(snapshot(f), snap[i]));
  });

  it('keeps CRLF line ends', () => {
    const dir = tempDir();
    const f = path.join(dir, 'crlf.txt');
    const lf = fs.readFileSync(corpusFile('001'), 'utf8');
    fs.writeFileSync(f, lf.replace(/\n/g, '\r\n'));
    const r = run(['--fix', f]);
    assert.notEqual(r.status, 2, r.stderr);
    const out = fs.readFileSync(f, 'utf8');
    assert.ok(out.includes(`${RESTORED}\r\n`));
    assert.ok(!/[^\r]\n/.test(out), 'no lone LF');
    assert.equal(out.replace(/\r\n/g, '\n'), fixAll(lf, lint, { locale: 'zh-CN' }).text);
  });

  for (const [name, bom, enc] of [
    ['utf8-bom', Buffer.from([0xef, 0xbb, 0xbf]), 'utf8'],
    ['utf16le', Buffer.from([0xff, 0xfe]), 'utf16le'],
    ['utf16be', Buffer.from([0xfe, 0xff]), 'utf16be'],
  ] as const) {
    it(`re-encodes a ${name} file in its own encoding, BOM kept`, () => {
      const dir = tempDir();
      const f = path.join(dir, `${name}.txt`);
      const text = fs.readFileSync(corpusFile('001'), 'utf8');
      const body = (t: string) => {
        if (enc === 'utf16be') { const b = Buffer.from(t, 'utf16le'); b.swap16(); return b; }
        return Buffer.from(t, enc);
      };
      fs.writeFileSync(f, Buffer.concat([bom, body(text)]));
      const r = run(['--fix', f]);
      assert.notEqual(r.status, 2, r.stderr);
      const expected = fixAll(text, lint, { locale: 'zh-CN' }).text;
      assert.ok(expected !== text);
      assert.deepEqual(fs.readFileSync(f), Buffer.concat([bom, body(expected)]));
    });
  }

  it('refuses to fix a GB18030 file that has fixes: exit 2, file named, bytes untouched; diagnostics still reported', function () {
    if (!hasIconv()) { console.log('      (skipped: /usr/bin/iconv with GB18030 not available)'); this.skip(); }
    const dir = tempDir();
    const f = path.join(dir, 'gb.txt');
    fs.writeFileSync(f, toGb18030(fs.readFileSync(corpusFile('001'), 'utf8')));
    const before = snapshot(f);
    const j = runJson(['--locale', 'en', '--fix', f]);
    assert.equal(j.run.status, 2);
    assert.ok(j.run.stderr.includes(`${f}: read as GB18030`), j.run.stderr);
    assert.ok(j.run.stderr.includes(`${f}:`) && j.run.stderr.includes('cannot be written back as GB18030'), j.run.stderr);
    assert.deepEqual(snapshot(f), before);
    assert.deepEqual(fs.readdirSync(dir), ['gb.txt']);
    assert.ok(j.entries[0].diagnostics.length > 0);
  });

  it('a GB18030 file without applicable fixes is not an error with --fix', function () {
    if (!hasIconv()) this.skip();
    const text = fs.readFileSync(corpusFile('003'), 'utf8');
    if (fixAll(text, lint, { locale: 'zh-CN' }).applied > 0) this.skip();
    const dir = tempDir();
    const f = path.join(dir, 'gb.txt');
    fs.writeFileSync(f, toGb18030(text));
    const before = snapshot(f);
    const r = run(['--fix', f]);
    assert.notEqual(r.status, 2, r.stderr);
    assert.deepEqual(snapshot(f), before);
  });

  it('--fix-suggestions also applies suggestions (blank cells of 000) and agrees with the engine', () => {
    const dir = tempDir();
    const f = path.join(dir, '000.txt');
    copyReport(corpusFile('000'), f);
    const text = fs.readFileSync(f, 'utf8');
    const safe = fixAll(text, lint, { locale: 'zh-CN' });
    const all = fixAll(text, lint, { locale: 'zh-CN', suggestions: true });
    assert.ok(all.applied > safe.applied, 'the engine offers suggestions for 000');
    const j = runJson(['--fix-suggestions', f]);
    assert.notEqual(j.run.status, 2, j.run.stderr);
    assert.equal(fs.readFileSync(f, 'utf8'), all.text);
    const blanksBefore = lint(text, { locale: 'zh-CN' }).findings.filter((x) => x.rule === 'cell-blank').length;
    const blanksAfter = j.entries[0].diagnostics.filter((x) => x.rule === 'cell-blank').length;
    assert.ok(blanksAfter < blanksBefore, `${blanksAfter} < ${blanksBefore}`);
  });

  it('fixes through a symlink write the target and keep the link', function () {
    const dir = tempDir();
    const target = path.join(dir, 'real.txt');
    const link = path.join(dir, 'link.txt');
    copyReport(corpusFile('001'), target);
    try { fs.symlinkSync(target, link); } catch { this.skip(); }
    const r = run(['--fix', link]);
    assert.notEqual(r.status, 2, r.stderr);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.ok(fs.readFileSync(target, 'utf8').includes(RESTORED));
  });

  it('keeps the file mode', function () {
    if (process.platform === 'win32') this.skip();
    const dir = tempDir();
    const f = path.join(dir, 'mode.txt');
    copyReport(corpusFile('001'), f);
    fs.chmodSync(f, 0o640);
    run(['--fix', f]);
    assert.ok(fs.readFileSync(f, 'utf8').includes(RESTORED));
    assert.equal(fs.statSync(f).mode & 0o777, 0o640);
  });
});
