// Mutation fuzzing of the document readers: Word documents and a saved page with bytes changed, flipped,
// overwritten or cut, from a seeded PRNG. Each must read, or fail with a FormatError (never another exception),
// and never hang. GOV_REPORT_FUZZ_SEED sets the seed.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FormatError, readDocument } from '../../server/src/formats';
import { blankTemplateDocx, docx, reportToDocumentXml } from '../support/docx';
import { example } from '../support/paths';
import { hasWild, wildPages } from '../support/pages';
import { mulberry32 } from './fuzz.test';

const FILES = 800;
const SEED = Number(process.env.GOV_REPORT_FUZZ_SEED) || 0x5eed2024;

describe('robustness: mutated Word documents and web pages', function () {
  this.timeout(120000);

  it(`${FILES} mutated files: each reads or is a FormatError, none takes more than a second`, async () => {
    const text = example('clean-2023-row-per-line.txt');
    const bases: [Buffer, string][] = [[docx(reportToDocumentXml(text)), 'a.docx'], [docx(reportToDocumentXml(text), {}, 0), 'b.docx'], [blankTemplateDocx(), 'c.docx']];
    if (hasWild) bases.push([readFileSync(wildPages()[0].html), 'd.html']);
    const random = mulberry32(SEED);
    const int = (n: number) => Math.floor(random() * n);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < FILES; i++) {
      const [base, name] = bases[i % bases.length];
      const b = Buffer.from(base);
      for (let k = 1 + int(20); k > 0; k--) {
        const at = int(b.length);
        const mode = int(3);
        if (mode === 0) b[at] = int(256);
        else if (mode === 1) b[at] ^= 1 << int(8);
        else b.fill(int(256), at, Math.min(b.length, at + int(64)));
      }
      const bytes = int(10) === 0 ? b.subarray(0, int(b.length)) : b;
      const t0 = performance.now();
      let outcome = 'read';
      try {
        await readDocument(bytes, name);
      } catch (err) {
        assert.ok(err instanceof FormatError, `seed ${SEED}, file ${i}: ${String((err as Partial<Error> | undefined)?.stack ?? err)}`);
        outcome = err.code;
      }
      assert.ok(performance.now() - t0 < 1000, `seed ${SEED}, file ${i}: ${(performance.now() - t0).toFixed(0)} ms`);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    assert.ok((outcomes.get('read') ?? 0) > 0 && (outcomes.get('malformed') ?? 0) > 0, JSON.stringify([...outcomes]));
  });
});
