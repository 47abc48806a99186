// documentKind: a PDF is named by "%PDF-" anywhere in the first KB, and only there.
import assert from 'node:assert/strict';
import { documentKind } from '../../server/src/formats/kind';

const bytes = (prefix: number, text: string, pad = 0) => new Uint8Array([...new Array<number>(prefix).fill(0x20), ...Buffer.from(text, 'latin1'), ...new Array<number>(pad).fill(0x20)]);

describe('documentKind', () => {
  it('finds "%PDF-" at the start, or ending at the first KB\'s last byte', () => {
    assert.equal(documentKind(bytes(0, '%PDF-1.7\n'), 'a.txt'), 'pdf');
    assert.equal(documentKind(bytes(1019, '%PDF-', 100), 'a.txt'), 'pdf');
  });

  it('does not find it past the first KB, cut short, or in a short text', () => {
    assert.equal(documentKind(bytes(1020, '%PDF-', 100), 'a.txt'), null);
    assert.equal(documentKind(bytes(3, '%PDF'), 'a.txt'), null);
    assert.equal(documentKind(bytes(0, '%PD'), 'a.md'), null);
    assert.equal(documentKind(new Uint8Array(0), 'a.txt'), null);
    assert.equal(documentKind(bytes(0, '%PDF%PDX-'), 'a.txt'), null);
  });
});
