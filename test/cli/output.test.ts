// Output formats and exit status 0/1 over the real corpus (skipped when the corpus is absent).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusDir, corpusFile, ensureBuilt, requireCorpus, run, runJson, type JsonEntry } from './helpers';

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

function lineLengths(file: string): number[] {
  return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map((l) => l.length);
}

describe('cli: output over the corpus', function () {
  let files: string[] = [];
  let entries: JsonEntry[] = [];
  let status: number | null = null;

  before(function () {
    this.timeout(120000);
    requireCorpus(this);
    ensureBuilt();
    files = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(corpusDir, f));
    const j = runJson(files);
    entries = j.entries;
    status = j.run.status;
  });

  it('--format json prints exactly one array with the documented keys, in argument order', () => {
    assert.ok(Array.isArray(entries));
    assert.equal(entries.length, files.length);
    entries.forEach((e, i) => {
      assert.deepEqual(Object.keys(e), ['file', 'template', 'diagnostics']);
      assert.equal(e.file, files[i]);
      assert.ok(e.template === null || e.template === 'T2019' || e.template === 'T2021', String(e.template));
      assert.ok(Array.isArray(e.diagnostics));
      const lens = lineLengths(e.file);
      for (const d of e.diagnostics) {
        // related: the places of a pattern said once on a table (corpus 002, 004), last year's cell; each names its file
        assert.deepEqual(Object.keys(d), d.related ? ['rule', 'severity', 'message', 'range', 'related'] : ['rule', 'severity', 'message', 'range']);
        for (const r of d.related ?? []) assert.deepEqual(Object.keys(r), ['file', 'range', 'message']);
        assert.equal(typeof d.rule, 'string');
        assert.match(d.rule, /^[a-z0-9-]+$/);
        assert.ok(SEVERITIES.has(d.severity), d.severity);
        assert.equal(typeof d.message, 'string');
        assert.ok(d.message.length > 0);
        assert.deepEqual(Object.keys(d.range), ['start', 'end']);
        for (const p of [d.range.start, d.range.end]) {
          assert.deepEqual(Object.keys(p), ['line', 'character']);
          assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lens.length, `line ${p.line} in ${e.file}`);
          assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= lens[p.line], `character ${p.character} on line ${p.line} in ${e.file}`);
        }
      }
    });
  });

  it('json positions are 0-based: the truncated heading of 001 is reported on its (0-based) line', () => {
    const f = corpusFile('001');
    const e = entries.find((x) => x.file === f)!;
    const lines = fs.readFileSync(f, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.trim() === '三、收到和处理政府信息公开申请情');
    assert.ok(line > 0);
    const hit = e.diagnostics.find((d) => d.range.start.line === line);
    assert.ok(hit, `no diagnostic on 0-based line ${line}: ${JSON.stringify(e.diagnostics.map((d) => [d.rule, d.range.start.line]))}`);
  });

  it('exit status 1 when any file has an error finding (000 and 004 have blank cells)', () => {
    assert.equal(status, 1);
    for (const p of ['000', '004']) {
      const e = entries.find((x) => x.file === corpusFile(p))!;
      assert.ok(e.diagnostics.some((d) => d.severity === 'error'), `${p}: ${JSON.stringify(e.diagnostics.map((d) => d.rule))}`);
      assert.equal(run([corpusFile(p)]).status, 1);
    }
  });

  it('exit status 0 for a file without error findings (003)', () => {
    const r = run([corpusFile('003')]);
    assert.equal(r.status, 0, r.stdout);
  });

  it('text format: file:line:col  severity  message  rule, 1-based, matching the json output', () => {
    const r = run(files);
    assert.equal(r.status, status);
    assert.ok(!r.stdout.includes('\u001b['), 'no colour when stdout is not a TTY');
    const lines = r.stdout.trimEnd().split('\n');
    const summary = lines.pop()!;
    const expected = entries.flatMap((e) => e.diagnostics.map((d) => ({ e, d })));
    assert.equal(lines.length, expected.length);
    lines.forEach((l, i) => {
      const { e, d } = expected[i];
      const prefix = `${e.file}:${d.range.start.line + 1}:${d.range.start.character + 1}  `;
      assert.ok(l.startsWith(prefix), `${l}\n  expected prefix ${prefix}`);
      const rest = l.slice(prefix.length);
      // The severity as a fixed word in either language, padded to the file's widest (the problem matcher reads it).
      assert.match(rest, new RegExp(`^${d.severity} *  \\S`));
      assert.ok(rest.endsWith(`  ${d.rule}`), rest);
      assert.ok(rest.includes(d.message.replace(/\s*[\r\n]+\s*/g, ' ')));
    });
    const n = expected.length;
    const errors = expected.filter((x) => x.d.severity === 'error').length;
    if (n === 0) assert.match(summary, /未发现问题/);
    else {
      assert.ok(summary.startsWith(`✖ ${files.length} 个文件中共 ${n} 个问题（`), summary);
      assert.ok(summary.includes(`错误 ${errors}`), summary);
    }
  });

  it('text summary in English with --locale en; engine messages follow the locale', () => {
    const r = run(['--locale', 'en', ...files]);
    const summary = r.stdout.trimEnd().split('\n').pop()!;
    assert.match(summary, /^✖ \d+ problems? \(\d+ errors?, \d+ warnings?.*\) in 5 files$/);
    const j = runJson(['--locale', 'en', corpusFile('001')]);
    const zh = entries.find((x) => x.file === corpusFile('001'))!;
    assert.deepEqual(j.entries[0].diagnostics.map((d) => [d.rule, d.range]), zh.diagnostics.map((d) => [d.rule, d.range]));
  });
});
