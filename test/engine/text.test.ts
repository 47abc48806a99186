import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/engine';
import { readCell, isValueLike } from '../../server/src/engine/parse/cell';
import { stripNumbering } from '../../server/src/engine/labels';
import { chineseNumber, editDistance, normalize } from '../../server/src/engine/text';

describe('LineIndex', () => {
  it('handles LF, CRLF and lone CR, and counts characters in UTF-16 code units', () => {
    const idx = new LineIndex('a\r\nb𠀋c\rd\n');
    assert.equal(idx.lineCount, 4);
    assert.deepEqual([0, 1, 2, 3].map((i) => idx.line(i)), ['a', 'b𠀋c', 'd', '']);
    assert.deepEqual(idx.positionAt(7), { line: 1, character: 4 });
    assert.equal(idx.offsetAt({ line: 1, character: 4 }), 7);
    assert.deepEqual(idx.positionAt(2), { line: 0, character: 1 }); // inside the CRLF: end of line 0
    assert.deepEqual(idx.end, { line: 3, character: 0 });
  });
});

describe('normalize', () => {
  it('folds full-width digits, letters and brackets, drops spacing and artefacts, and maps back', () => {
    const s = '[bookmark: _GoBack]**（ 一 ）** 予以公开　１２';
    const n = normalize(s);
    assert.equal(n.text, '(一)予以公开12');
    assert.equal(s[n.map[0]], '（');
    assert.equal(s[n.map[n.text.length - 1]], '２');
  });
  it('strips numbering written in any of the usual forms', () => {
    for (const l of ['（一）予以公开', '(一) 予以公开', '(一）予以公开', '一、予以公开', '1.予以公开', '1、予以公开', '１．予以公开', '**1. 予以公开**']) {
      assert.equal(stripNumbering(l), '予以公开', l);
    }
  });
  it('chineseNumber and a bounded editDistance', () => {
    assert.deepEqual(['一', '六', '十', '十二', '二十', '二十三', '百'].map(chineseNumber), [1, 6, 10, 12, 20, 23, null]);
    assert.equal(editDistance('收到和处理政府信息公开申请情', '收到和处理政府信息公开申请情况'), 1);
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
  });
});

describe('cell values (spec §7)', () => {
  const read = (t: string, kind: 'count' | 'signed' | 'money' = 'count') => { const c = readCell(t, kind); return c.kind === 'number' ? c.value : `${c.kind}${c.invalidReason ? `:${c.invalidReason}` : ''}`; };
  it('reads counts, full-width digits and thousands separators', () => {
    assert.deepEqual(['0', '26', '１２', '1,234', '1，234', '12件'].map((t) => read(t)), [0, 26, 12, 1234, 1234, 12]);
  });
  it('blank and placeholders are blank, never zero', () => {
    assert.deepEqual(['', ' ', '/', '—', '-', '无', '－', '——'].map((t) => read(t)), ['blank', 'blank', 'placeholder', 'placeholder', 'placeholder', 'placeholder', 'placeholder', 'placeholder']);
  });
  it('rejects text, negative and decimal counts; allows sign in 本年增/减 and decimals with units in money', () => {
    assert.deepEqual(['三', '-2', '1.5', '12余', '+3'].map((t) => read(t)), ['invalid:text', 'invalid:negative', 'invalid:decimal', 'invalid:text', 'invalid:text']);
    assert.deepEqual(['-2', '+4', '0'].map((t) => read(t, 'signed')), [-2, 4, 0]);
    assert.deepEqual(['126.5万元', '3.2', '1,000元'].map((t) => read(t, 'money')), [126.5, 3.2, 1000]);
  });
  it('tells values from labels', () => {
    assert.deepEqual(['0', '', '/', '12余', '予以公开', '第二十条第（一）项'].map(isValueLike), [true, true, true, true, false, false]);
  });
});
