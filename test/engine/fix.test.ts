// Fixes are data; applying them is pure, loses nothing outside the edited ranges, and reaches a fixed point.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyFixes, fixAll, lint, type Fix, type LintOptions } from '../../server/src/engine';
import { pickFixes } from '../../server/src/engine/fix';
import { CORPUS } from '../support/corpus-expected';
import { loud } from '../support/findings';
import { toCellPerLine, toPipe } from '../support/layouts';
import { corpus, corpusDir, eachOf, example } from '../support/paths';
import { scenariosDir } from '../support/scenarios';

const at = (line: number, a: number, b = a) => ({ start: { line, character: a }, end: { line, character: b } });
const fix = (edits: [number, number, number, string][], safe = true): Fix => ({ title: 't', safe, edits: edits.map(([l, a, b, t]) => ({ range: at(l, a, b), newText: t })) });

describe('applyFixes', () => {
  it('applies non-overlapping edits from the end, whatever their order', () => {
    const r = applyFixes('abc\ndef', [fix([[0, 0, 1, 'X']]), fix([[1, 1, 2, 'Y']])]);
    assert.deepEqual(r, { text: 'Xbc\ndYf', applied: 2, skipped: 0 });
  });
  it('skips a whole fix when one of its edits overlaps an edit already taken', () => {
    const r = applyFixes('abcdef', [fix([[0, 1, 3, 'X']]), fix([[0, 5, 6, 'Z'], [0, 2, 4, 'Y']])]);
    assert.deepEqual(r, { text: 'aXdef', applied: 1, skipped: 1 });
  });
  it('treats two insertions at the same point as a conflict, and insertions beside a replacement as none', () => {
    assert.deepEqual(applyFixes('ab', [fix([[0, 1, 1, 'X']]), fix([[0, 1, 1, 'Y']])]), { text: 'aXb', applied: 1, skipped: 1 });
    assert.deepEqual(applyFixes('ab', [fix([[0, 0, 1, 'X']]), fix([[0, 1, 1, 'Y']])]), { text: 'XYb', applied: 2, skipped: 0 });
  });
  it('keeps CRLF line ends and UTF-16 surrogate pairs intact', () => {
    const text = '𠀋a\r\nb\r\n';
    const r = applyFixes(text, [fix([[0, 2, 3, 'Z']]), fix([[1, 0, 1, 'Y']])]);
    assert.equal(r.text, '𠀋Z\r\nY\r\n');
  });
  it('clamps positions past the end of a line or the text rather than throwing', () => {
    assert.equal(applyFixes('ab\ncd', [fix([[0, 9, 9, '!']]), fix([[7, 0, 0, '?']])]).text, 'ab!\ncd?');
  });
});

function assertFixedPoint(name: string, text: string, options: LintOptions & { suggestions?: boolean }) {
  const before = lint(text, { ...options, strict: true });
  const r = fixAll(text, (t, o) => lint(t, { ...o, strict: true }), options);
  assert.ok(r.passes < 10, `${name}: no fixed point after ${r.passes} passes`);
  // A fixed point: nothing more to apply.
  assert.equal(pickFixes(r.result.findings, options.suggestions === true).length === 0 || applyFixes(r.text, pickFixes(r.result.findings, options.suggestions === true)).text === r.text, true, `${name}: fixes remain`);
  const errorsBefore = new Set(before.findings.filter((f) => f.severity === 'error').map((f) => f.rule));
  for (const f of r.result.findings.filter((x) => x.severity === 'error')) assert.ok(errorsBefore.has(f.rule), `${name}: new error ${f.rule} at ${f.range.start.line}: ${f.message}`);
  assert.ok(loud(r.result.findings).length <= loud(before.findings).length, `${name}: more findings after fixing`);
  return r;
}

describe('fixAll reaches a fixed point without new errors', () => {
  eachOf(Object.entries(corpus()).map(([id, c]) => [id, c.text]), corpusDir, (id) => `corpus ${id}: safe fixes, then suggestions too`, (id, text) => {
    assertFixedPoint(id, text, {});
    assertFixedPoint(id, text, { suggestions: true });
  });
  it('corpus 001: the safe fix restores the heading and nothing else changes', function () {
    const c = corpus()['001'];
    if (!c) this.skip();
    const r = assertFixedPoint('001', c.text, {});
    assert.equal(r.applied, 1);
    assert.equal(r.text, c.text.replace('三、收到和处理政府信息公开申请情\n', '三、收到和处理政府信息公开申请情况\n'));
    assert.deepEqual(loud(r.result.findings), CORPUS['001'].afterSafeFixes);
  });
  it('corpus 000 and 004: suggestions fill every blank with 0, and then everything balances', function () {
    for (const id of ['000', '004']) {
      const c = corpus()[id];
      if (!c) this.skip();
      const r = assertFixedPoint(id, c.text, { suggestions: true });
      assert.deepEqual(r.result.findings.filter((f) => f.severity !== 'hint'), [], id);
    }
  });
  it('the defect example: suggestions resolve every balance and blank finding', () => {
    const r = assertFixedPoint('defects', example('defects-2022-pipe.md'), { suggestions: true });
    // The prose states the figures that the suggestions change ("办结14件", "结转下年度继续办理2件"): once the table
    // is corrected, the prose no longer agrees with it, and narrative-mismatch says so.
    assert.deepEqual(r.result.findings.map((f) => `${f.rule}@${f.range.start.line}`).sort(), ['narrative-mismatch@14', 'narrative-mismatch@14', 'section-missing@99']);
  });
  it('an injected imbalance in every layout converges to a balanced table', () => {
    const text = example('clean-2023-row-per-line.txt').replace('\t（七）总计\t20\t', '\t（七）总计\t21\t');
    for (const t of [text, toPipe(text), toCellPerLine(text)]) {
      const r = assertFixedPoint('imbalance', t, { suggestions: true });
      assert.deepEqual(loud(r.result.findings), []);
    }
  });
});

describe('fixes of a label printed in pieces (PDF text, wrapped in its cell)', () => {
  it('a row label cut short, wrapped beside its figures: the fix writes the label in the first piece, empties the other and keeps the figures between', () => {
    const scenario = readFileSync(path.join(scenariosDir, 'pdf-top-aligned-cells.txt'), 'utf8');
    // （三）2's label: "2.其他法律行政" beside its figures, "法规禁止公开" two lines below; cut to "法规禁".
    const text = scenario.replace(/^( +)法规禁止公开$/m, '$1法规禁');
    assert.notEqual(text, scenario);
    const found = lint(text).findings.filter((f) => f.rule === 'row-label');
    assert.deepEqual(found.map((f) => f.message), ['行名“2.其他法律行政法规禁”与模板不一致，应为“2.其他法律行政法规禁止公开”']);
    assert.equal(found[0].fixes[0].edits.length, 2);
    const fixed = applyFixes(text, pickFixes(lint(text).findings, false)).text;
    assert.match(fixed, / 2\.其他法律行政法规禁止公开\s+0\s+0\s+0\s+0\s+0\s+0\s+0\n/);
    assert.deepEqual(loud(lint(fixed).findings), []);
  });
});
