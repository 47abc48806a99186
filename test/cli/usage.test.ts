// Usage, unreadable input and exit status 2: none of these needs the corpus.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decode, encode, lineEnds, toCrlf } from '../../server/src/cli/encoding';
import { useColour } from '../../server/src/cli/format';
import { parseArgs } from '../../server/src/cli/args';
import { ensureBuilt, fixturesDir, run, runJson, tempDir } from './helpers';

describe('cli: usage and exit status 2', () => {
  before(function () {
    this.timeout(120000);
    ensureBuilt();
  });

  it('--help prints usage in Chinese by default and in English with --locale en, exit 0', () => {
    const zh = run(['--help']);
    assert.equal(zh.status, 0);
    assert.match(zh.stdout, /^用法：gov-report-lint/);
    assert.match(zh.stdout, /递归/); // documents directory arguments
    const en = run(['--locale', 'en', '--help']);
    assert.equal(en.status, 0);
    assert.match(en.stdout, /^Usage: gov-report-lint/);
    assert.match(en.stdout, /GB18030/);
  });

  it('--version prints the package version, exit 0', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string };
    const r = run(['--version']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout.trim(), `gov-report-lint ${pkg.version}`);
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['an unknown flag', ['--frobnicate', 'x.txt'], /--frobnicate/],
    ['no files', [], /没有给出要检查的文件/],
    ['a bad --format value', ['--format', 'xml', 'x.txt'], /xml/],
    ['a bad --format= value', ['--format=yaml', 'x.txt'], /yaml/],
    ['a bad --locale value', ['--locale', 'fr', 'x.txt'], /fr/],
    ['--format without a value', ['--format'], /--format/],
  ];
  for (const [what, args, re] of usageErrors) {
    it(`exits 2 for ${what}, with a message on stderr and nothing on stdout`, () => {
      const r = run(args);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, re);
      assert.equal(r.stdout, '');
    });
  }

  it('usage errors are in English with --locale en', () => {
    const r = run(['--locale', 'en', '--bogus', 'x.txt']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown option: --bogus/);
    const r2 = run(['--locale=en']);
    assert.equal(r2.status, 2);
    assert.match(r2.stderr, /no files to check/);
  });

  it('a missing file: exit 2, the file named on stderr, json stdout still one (empty) array', () => {
    const missing = path.join(tempDir(), 'no-such-report.txt');
    const r = run([missing]);
    assert.equal(r.status, 2);
    assert.ok(r.stderr.includes(missing), r.stderr);
    assert.match(r.stderr, /文件不存在/);
    const j = runJson(['--locale', 'en', missing]);
    assert.equal(j.run.status, 2);
    assert.deepEqual(j.entries, []);
    assert.ok(j.run.stderr.includes(`${missing}: no such file`), j.run.stderr);
  });

  it('a binary file (NUL bytes): exit 2, named on stderr', () => {
    const dir = tempDir();
    const bin = path.join(dir, 'image.txt');
    fs.writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const r = run([bin]);
    assert.equal(r.status, 2);
    assert.ok(r.stderr.includes(bin), r.stderr);
    assert.match(r.stderr, /二进制/);
    const en = run(['--locale', 'en', bin]);
    assert.match(en.stderr, /binary file/);
  });

  it('bytes that are neither UTF-8 nor GB18030: exit 2, named on stderr', () => {
    const dir = tempDir();
    const f = path.join(dir, 'garbage.txt');
    // 0x80 alone and 0xFF are invalid in both UTF-8 and GB18030.
    fs.writeFileSync(f, Buffer.from([0x61, 0x80, 0x62, 0xff, 0xff, 0x63, 0x0a]));
    const r = run(['--locale', 'en', f]);
    assert.equal(r.status, 2);
    assert.ok(r.stderr.includes(`${f}: not valid text`), r.stderr);
  });

  it('a UTF-16 BOM with an odd number of bytes: exit 2, named on stderr', () => {
    const dir = tempDir();
    const f = path.join(dir, 'odd.txt');
    fs.writeFileSync(f, Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]));
    const r = run(['--locale', 'en', f]);
    assert.equal(r.status, 2);
    assert.ok(r.stderr.includes(f) && r.stderr.includes('UTF-16LE'), r.stderr);
  });

  it('a directory without .txt/.md files: exit 2, named on stderr', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notes.doc'), 'x');
    const r = run([dir]);
    assert.equal(r.status, 2);
    assert.ok(r.stderr.includes(dir), r.stderr);
    assert.match(r.stderr, /目录中没有 \.txt、\.md、\.docx、\.html、\.htm 或 \.pdf 文件/);
  });

  it('a directory is searched recursively for .txt/.md (sorted; dot-directories skipped); output keeps argument order', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'b', 'deep'), { recursive: true });
    fs.mkdirSync(path.join(dir, '.hidden'));
    const small = fs.readFileSync(path.join(fixturesDir, 'minimal.txt'));
    for (const f of ['b/deep/z.md', 'b/a.txt', 'a.TXT', '.hidden/x.txt', 'skip.doc']) fs.writeFileSync(path.join(dir, f), small);
    const single = path.join(fixturesDir, 'minimal.txt');
    const j = runJson([single, dir, path.join(dir, 'b', 'a.txt') /* duplicate: linted once */]);
    assert.notEqual(j.run.status, 2, j.run.stderr);
    assert.deepEqual(j.entries.map((e) => e.file), [
      single,
      path.join(dir, 'a.TXT'),
      path.join(dir, 'b', 'a.txt'),
      path.join(dir, 'b', 'deep', 'z.md'),
    ]);
  });

  it('lints the readable files even when another argument is missing (exit 2 wins)', () => {
    const single = path.join(fixturesDir, 'minimal.txt');
    const j = runJson([single, '/nonexistent/x.txt']);
    assert.equal(j.run.status, 2);
    assert.equal(j.entries.length, 1);
    assert.equal(j.entries[0].file, single);
  });
});

describe('cli: helper units', () => {
  it('decode recognises BOMs, UTF-8, GB18030, binary', () => {
    const t = '你好\r\n世界';
    assert.deepEqual(decode(Buffer.from(t)), { ok: true, text: t, encoding: 'utf-8' });
    assert.deepEqual(decode(encode(t, 'utf-8-bom')), { ok: true, text: t, encoding: 'utf-8-bom' });
    assert.deepEqual(decode(encode(t, 'utf-16le')), { ok: true, text: t, encoding: 'utf-16le' });
    assert.deepEqual(decode(encode(t, 'utf-16be')), { ok: true, text: t, encoding: 'utf-16be' });
    assert.deepEqual(decode(Buffer.from([0xc4, 0xe3, 0xba, 0xc3])), { ok: true, text: '你好', encoding: 'gb18030' });
    assert.deepEqual(decode(Buffer.from([0x41, 0x00, 0x42])), { ok: false, reason: 'binary' });
    assert.deepEqual(decode(Buffer.alloc(0)), { ok: true, text: '', encoding: 'utf-8' });
    assert.throws(() => encode(t, 'gb18030'));
  });

  it('line ends: CRLF detection and conversion', () => {
    assert.equal(lineEnds('a\r\nb\r\n'), 'crlf');
    assert.equal(lineEnds('a\nb'), 'lf');
    assert.equal(lineEnds('a\r\nb\n'), 'mixed');
    assert.equal(lineEnds('a'), 'none');
    assert.equal(toCrlf('a\r\nb\nc\rd'), 'a\r\nb\r\nc\r\nd');
  });

  it('colour only on a TTY with NO_COLOR unset or empty', () => {
    assert.equal(useColour({ isTTY: true }, {}), true);
    assert.equal(useColour({ isTTY: true }, { NO_COLOR: '1' }), false);
    assert.equal(useColour({ isTTY: false }, {}), false);
    assert.equal(useColour({}, {}), false);
  });

  it('parseArgs: --fix-suggestions implies --fix; --opt=value; -- ends options', () => {
    const r = parseArgs(['--fix-suggestions', '--format=json', '--locale', 'en', '--', '--weird-name.txt']);
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.deepEqual(r.options, {
      format: 'json', fix: true, suggestions: true, locale: 'en', localeGiven: true, config: null, noConfig: false, printConfig: false, previous: null,
      help: false, version: false, extract: false, files: ['--weird-name.txt'],
    });
  });
});
