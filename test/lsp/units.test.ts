// The adapter's pure helpers, in process: the minimal edit (CR LF and surrogate pairs never split), the
// code action kind filter, settings validation and the client locale.
import assert from 'node:assert/strict';
import { kindRequested } from '../../server/src/lsp/codeActions';
import { minimalEdit, toFoldingRanges, toSymbols } from '../../server/src/lsp/convert';
import { localeOf, normalizeSettings } from '../../server/src/lsp/settings';
import { holdBeforeNextKeystroke } from '../../server/src/lsp/workspace';
import { applyEdits } from './helpers/client';

describe('language server: adapter helpers', function () {
  it('the background pass holds before the next keystroke is due while the user types, and not otherwise', function () {
    assert.equal(holdBeforeNextKeystroke(50, 5), 30, 'keystrokes 50 ms apart, published 5 ms after one: hold 35 ms after it');
    assert.equal(holdBeforeNextKeystroke(200, 10), 130);
    assert.equal(holdBeforeNextKeystroke(20, 12), 15, 'never before the quiet spell after a publication is over');
    assert.equal(holdBeforeNextKeystroke(1000, 5), null, 'a keystroke a second after the last one is not typing');
    assert.equal(holdBeforeNextKeystroke(Infinity, 5), null, 'the first keystroke');
  });

  it('minimalEdit turns one text into the other without splitting CR LF or surrogate pairs', function () {
    const cases: [string, string][] = [
      ['abc', 'abc'], ['', 'x'], ['x', ''], ['a\r\nb', 'a\nb'], ['a\r\nb', 'a\r\n\r\nb'], ['a\nb', 'a\r\nb'],
      ['x😀y', 'x😁y'], ['😀', '😁'], ['三、收到和处理政府信息公开申请情\r\n四', '三、收到和处理政府信息公开申请情况\r\n四'],
      ['\t\t\r\n\t', '0\t\t\r\n\t0'], ['a\rb', 'a\r\nb'],
    ];
    for (const [a, b] of cases) {
      const e = minimalEdit(a, b);
      if (a === b) { assert.equal(e, null); continue; }
      assert.ok(e);
      assert.equal(applyEdits(a, [e]), b, JSON.stringify([a, b, e]));
    }
    const e = minimalEdit('line0\r\n三、收到和处理政府信息公开申请情\r\nend', 'line0\r\n三、收到和处理政府信息公开申请情况\r\nend')!;
    assert.deepEqual(e, { range: { start: { line: 1, character: 16 }, end: { line: 1, character: 16 } }, newText: '况' });
  });

  it('kindRequested: no filter, exact, parent kinds; not siblings or children', function () {
    assert.ok(kindRequested('source.fixAll.gov-report', undefined));
    assert.ok(kindRequested('source.fixAll.gov-report', []));
    for (const only of ['source', 'source.fixAll', 'source.fixAll.gov-report']) assert.ok(kindRequested('source.fixAll.gov-report', [only]), only);
    for (const only of ['quickfix', 'source.fix', 'source.fixAll.gov-report.x', 'source.fixAll.eslint', 'refactor']) assert.ok(!kindRequested('source.fixAll.gov-report', [only]), only);
    assert.ok(kindRequested('quickfix', ['refactor', 'quickfix']));
  });

  it('normalizeSettings keeps valid values only', function () {
    const defaults = { rules: {}, template: 'auto', locale: 'zh-CN', partFiveMinLength: null, textReuseThreshold: null, organKind: 'auto' };
    assert.deepEqual(normalizeSettings(null), defaults);
    assert.deepEqual(normalizeSettings('x'), defaults);
    assert.equal(normalizeSettings({ locale: 'auto' }).locale, 'auto');
    assert.deepEqual(normalizeSettings({ rules: { a: 'off', b: 'warning', c: 'loud', d: 1 }, template: 'T2019', locale: 'en', partFiveMinLength: 80, textReuseThreshold: 0.3, organKind: 'government' }),
      { rules: { a: 'off', b: 'warning' }, template: 'T2019', locale: 'en', partFiveMinLength: 80, textReuseThreshold: 0.3, organKind: 'government' });
    assert.deepEqual(normalizeSettings({ rules: [], template: 'T2022', locale: 'fr', partFiveMinLength: -1, textReuseThreshold: 2, organKind: 'ministry' }), defaults);
  });

  it('localeOf: zh* → zh-CN, en* → en, anything else → zh-CN', function () {
    assert.deepEqual(['zh-cn', 'zh-TW', 'en', 'en-GB', 'fr', '', undefined, 42].map(localeOf), ['zh-CN', 'zh-CN', 'en', 'en', 'zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
  });

  it('symbols: empty names get a placeholder, the selection is clamped into the range; folding skips one-line nodes', function () {
    const r = (a: number, b: number, c: number, d: number) => ({ start: { line: a, character: b }, end: { line: c, character: d } });
    const [s] = toSymbols([{ name: '  ', kind: 'part', range: r(1, 0, 3, 0), selectionRange: r(0, 0, 5, 0), children: [] }]);
    assert.equal(s.name, '—');
    assert.deepEqual(s.selectionRange, r(1, 0, 3, 0));
    assert.deepEqual(toFoldingRanges([
      { name: 'p', kind: 'part', range: r(1, 0, 3, 0), selectionRange: r(1, 0, 1, 2), children: [
        { name: 't', kind: 'table', range: r(2, 0, 2, 9), selectionRange: r(2, 0, 2, 9), children: [] }] },
    ]), [{ startLine: 1, endLine: 2 }]);
  });
});
