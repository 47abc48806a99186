// Pathological input: each finishes (a generous bound that only catches hangs) with sensible findings.
// Plus the regular-expression audit (docs/performance.md): every regex of the engine is listed there, is run
// against long runs of the characters it repeats, and the ones that could backtrack are driven through lint().
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { lint, type LintResult } from '../../server/src/engine';
import { corpusDir, repoRoot } from '../support/paths';
import { parse, sourceFiles } from '../support/sources';

const engineDir = path.join(repoRoot, 'server', 'src', 'engine');
const HANG_MS = 10000;

function timed(text: string): { res: LintResult; ms: number } {
  const t0 = performance.now();
  const res = lint(text, { strict: true });
  return { res, ms: performance.now() - t0 };
}

function count(res: LintResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of res.findings) out[`${f.severity} ${f.rule}`] = (out[`${f.severity} ${f.rule}`] ?? 0) + 1;
  return out;
}

function lspLineCount(text: string): number { return text.split(/\r\n|\r|\n/).length; }

function assertInside(text: string, res: LintResult): void {
  const lens = text.split(/\r\n|\r|\n/).map((l) => l.length);
  for (const f of res.findings) {
    for (const p of [f.range.start, f.range.end]) {
      assert.ok(p.line >= 0 && p.line < lens.length && p.character >= 0 && p.character <= lens[p.line], `${f.rule} range ${JSON.stringify(f.range)} outside the document`);
    }
  }
}

/** Deterministic pseudo-random bytes (mulberry32). */
function randomBytes(n: number, seed: number): Buffer {
  let a = seed >>> 0;
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    b[i] = (t ^ (t >>> 14)) & 0xff;
  }
  return b;
}

const PART_HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

describe('robustness: pathological input', function () {
  this.timeout(60000);

  it('an empty file: six section-missing errors, nothing else', function () {
    const { res } = timed('');
    assert.deepEqual(count(res), { 'error section-missing': 6 });
    assert.equal(res.report.lineCount, 1);
    assertInside('', res);
  });

  it('a file of only line breaks (\\n, \\r\\n, \\r) and a lone BOM', function () {
    for (const text of ['\n\n\n', '\r\n\r\n', '\r\r\r', '\ufeff', '\u0000']) {
      const { res } = timed(text);
      assert.deepEqual(count(res), { 'error section-missing': 6 }, JSON.stringify(text));
      assert.equal(res.report.lineCount, lspLineCount(text), JSON.stringify(text));
    }
  });

  const cases: [string, () => string][] = [
    ['a single 5 MB line of letters', () => 'a'.repeat(5 * 1024 * 1024)],
    ['a single 5 MB line of report text (the corpus without its line breaks)', () => {
      let s = existsSync(corpusDir) ? readdirSync(corpusDir).sort().map((f) => readFileSync(path.join(corpusDir, f), 'utf8')).join('').replace(/\r?\n/g, ' ') : '统计期限自2020年1月1日至2020年12月31日止。一、总体情况 ';
      while (Buffer.byteLength(s) < 5 * 1024 * 1024) s += s;
      return s;
    }],
    ['a single 5 MB line of tabs', () => '\t'.repeat(5 * 1024 * 1024)],
    ['a single 5 MB line of pipes', () => '|'.repeat(5 * 1024 * 1024)],
    ['100,000 lines of tabs', () => '\t\t\t\t\n'.repeat(100000)],
    ['binary-ish: 1 MB of random bytes decoded as latin1', () => randomBytes(1 << 20, 42).toString('latin1')],
    ['binary-ish: 1 MB of random bytes decoded as UTF-8 (replacement characters)', () => randomBytes(1 << 20, 43).toString('utf8')],
  ];
  for (const [name, make] of cases) {
    it(`${name}: finishes, six section-missing`, function () {
      const text = make();
      const { res, ms } = timed(text);
      assert.ok(ms < HANG_MS, `${ms.toFixed(0)} ms`);
      assert.deepEqual(count(res), { 'error section-missing': 6 });
      assertInside(text, res);
    });
  }

  it('5,000 × "三、收到和处理政府信息公开申请情况": finishes; five parts missing, every repeat out of order, no table', function () {
    const text = `${PART_HEADINGS[2]}\n`.repeat(5000);
    const { res, ms } = timed(text);
    assert.ok(ms < HANG_MS, `${ms.toFixed(0)} ms`);
    const c = count(res);
    assert.equal(c['error section-missing'], 5);
    // No year and no table labels: checked against the current format, so the missing table of part 三 is reported once.
    assert.equal(c['error table-missing'], 1);
    assert.equal(res.report.parts.length, 5000);
    assert.ok(Object.keys(c).every((k) => ['error section-missing', 'error section-order', 'error table-missing'].includes(k)), JSON.stringify(c));
    assertInside(text, res);
  });

  it('1,000 × the six headings in order: finishes, nothing missing', function () {
    const text = `${PART_HEADINGS.join('\n')}\n`.repeat(1000);
    const { res, ms } = timed(text);
    assert.ok(ms < HANG_MS, `${ms.toFixed(0)} ms`);
    assert.equal(count(res)['error section-missing'], undefined);
    assertInside(text, res);
  });

  it('a part 二 with 50,000 tab rows and a part 三 with 50,000 pipe rows: finishes', function () {
    const rows = (sep: string) => Array.from({ length: 50000 }, (_, i) => `${sep}第${i}行${sep}1${sep}2${sep}3${sep}`).join('\n');
    const text = `2021年某局政府信息公开工作年度报告\n${PART_HEADINGS[0]}\n${PART_HEADINGS[1]}\n${rows('\t')}\n${PART_HEADINGS[2]}\n${rows('|')}\n${PART_HEADINGS.slice(3).join('\n')}\n`;
    const { res, ms } = timed(text);
    assert.ok(ms < HANG_MS, `${ms.toFixed(0)} ms`);
    assertInside(text, res);
  });
});

// ------------------------------------------------------------------ regular expressions

interface Literal { file: string; line: number; source: string; re: RegExp }

/** Every regular-expression literal and `new RegExp(…)` of the engine, found with the TypeScript parser. */
function engineRegexes(): { literals: Literal[]; constructed: string[] } {
  const literals: Literal[] = [];
  const constructed: string[] = [];
  for (const file of sourceFiles(engineDir)) {
    const sf = parse(file);
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText(sf);
        const slash = text.lastIndexOf('/');
        literals.push({ file: path.relative(engineDir, file), line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, source: text, re: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
      } else if (ts.isNewExpression(n) && n.expression.getText(sf) === 'RegExp') {
        constructed.push(`${path.relative(engineDir, file)}: ${n.getText(sf)}`);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { literals, constructed };
}

/** Runs of the characters the engine's patterns repeat, each ended by a character that makes the match fail. */
const RUNS = [' ', '\t', '\u3000', '。', '：', '1', '1,000', '1 ', 'a 1 ', '-', '|', '*', '[bookmark: ', '一', '（', '件', '余', '"', '共1条，其中', '未有行政复议', '收到依申请公开', '统计期限2020年1月1日至', '2020'];

/** Patterns that backtrack quadratically on long runs but only ever see short input (see docs/performance.md). */
const BOUNDED_INPUT = new Set([
  '/[。：:；;，,.]+$/', // parse/report.ts: heading rest, ≤ 48 characters (lines over 120 are never headings)
]);

describe('robustness: regular expressions (catastrophic backtracking)', function () {
  this.timeout(120000);
  const { literals, constructed } = engineRegexes();

  it('every regular expression of the engine is audited in docs/performance.md', function () {
    const doc = readFileSync(path.join(repoRoot, 'docs', 'performance.md'), 'utf8');
    const missing = literals.filter((l) => !doc.includes(l.source)).map((l) => `${l.file}:${l.line} ${l.source}`);
    assert.deepEqual(missing, [], 'add a verdict for these to the regex audit in docs/performance.md');
    assert.ok(literals.length > 20, `found ${literals.length} literals`);
    for (const c of constructed) assert.ok(doc.includes(c.replace(/^[^:]*: /, '')), `new RegExp not audited: ${c}`);
  });

  it('no regex takes more than 150 ms on 20,000-character runs of the characters patterns repeat (linear: < 5 ms)', function () {
    const slow: string[] = [];
    for (const l of literals) {
      for (const unit of RUNS) {
        const s = unit.repeat(Math.ceil(20000 / unit.length)) + '\u0001';
        const re = new RegExp(l.re.source, l.re.flags);
        const t0 = performance.now();
        if (re.global) s.replace(re, ''); else re.exec(s);
        const ms = performance.now() - t0;
        if (ms > 150 && !BOUNDED_INPUT.has(l.source)) slow.push(`${l.file}:${l.line} ${l.source} on ${JSON.stringify(unit)}×: ${ms.toFixed(0)} ms`);
      }
    }
    assert.deepEqual(slow, []);
  });

  // The three patterns the audit found quadratic, driven through lint() with realistic placements.
  // Each took ≈ 2–4 s here at these sizes (and grows with the square of the run); linear would be ≪ 100 ms.
  const base = (name: string, fallback: string) => {
    for (const p of [path.join(corpusDir, name), path.join(repoRoot, 'examples', name)]) if (existsSync(p)) return readFileSync(p, 'utf8');
    return fallback;
  };
  const inject = (text: string, afterHeading: string, line: string) => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith(afterHeading));
    lines.splice(at + 2, 0, line);
    return lines.join('\n');
  };
  const rowDoc = () => base('clean-2023-row-per-line.txt', `2023年报告\n${PART_HEADINGS.join('\n')}`);
  const pipeDoc = () => base('defects-2022-pipe.md', `2022年报告\n${PART_HEADINGS.join('\n')}`);
  const bounded: [string, () => string][] = [
    // labels.ts TRAILING /[。：:；;，,、.]+$/ in stripNumbering: a label cell of 40,000 '。' then a letter.
    ['a table label of 40,000 "。" then "x" (labels.ts TRAILING)', () => inject(rowDoc(), '二、', `${'。'.repeat(40000)}x\t1\t2`)],
    // parse/layout.ts /^\s*\|?\s*:?-{3,}/ (pipe separator row test): 40,000 spaces then a pipe in a pipe table.
    ['a pipe-table line of 40,000 spaces then "|" (layout.ts separator-row test)', () => inject(pipeDoc(), '二、', `${' '.repeat(40000)}|`)],
    // text.ts ARTEFACT /\[bookmark: [^\]]*\]|\*\*/g in normalize: a label cell of unclosed "[bookmark: " × 11,000.
    ['a table label of 11,000 unclosed "[bookmark: " (text.ts ARTEFACT)', () => inject(rowDoc(), '二、', `${'[bookmark: '.repeat(11000)}\t1\t2`)],
  ];
  for (const [name, make] of bounded) {
    it(`${name}: lint in < 1 s`, function () {
      const text = make();
      const { res, ms } = timed(text);
      assertInside(text, res);
      assert.ok(ms < 1000, `lint took ${ms.toFixed(0)} ms on ${text.length} characters: quadratic backtracking`);
    });
  }
});

describe('robustness: engine bugs found by the fuzzer (minimal reproductions)', function () {
  // BUG (parse/report.ts, parseReport): the tables are read once per part NUMBER (texts: Map<number, TableText>)
  // but assembled once per part OBJECT, so a repeated heading gets a copy of the first occurrence's table, with
  // that table's ranges (outside its own part), report.tables lists the table twice and every table finding is
  // reported twice. It also makes lint superlinear on concatenated reports (tables × lines in narrative-mismatch).
  const text = '二、主动公开政府信息情况\n二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t5\n';
  it('a repeated part heading does not get a copy of the first occurrence\'s table', function () {
    const { report } = lint(text, { strict: true });
    for (const p of report.parts) {
      if (!p.table) continue;
      assert.ok(p.table.range.start.line >= p.range.start.line && p.table.range.end.line <= p.range.end.line,
        `part ${p.number} at lines ${p.range.start.line}-${p.range.end.line} holds a table at lines ${p.table.range.start.line}-${p.table.range.end.line}`);
    }
    assert.equal(new Set(report.tables).size, report.tables.length, 'report.tables lists the same table twice');
  });
  it('two concatenated reports: no duplicate findings', function () {
    const doc = existsSync(corpusDir) ? readFileSync(path.join(corpusDir, readdirSync(corpusDir).sort()[0]), 'utf8') : text;
    const { findings } = lint(`${doc}\n${doc}`, { strict: true });
    const keys = findings.map((f) => `${f.rule} ${JSON.stringify(f.range)} ${f.message}`);
    assert.equal(new Set(keys).size, keys.length, `${keys.length - new Set(keys).size} duplicate findings`);
  });
});
