// The injected defects of the engine's layout tests, run on the file types reports are published as: a saved web
// page and a Word document made from the row-per-line example (with each defect injected first), read by
// readDocument and linted like any text. (PDF renderings with defects are fixtures of test/formats/pdf.test.ts.)
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { readDocument } from '../../server/src/formats';
import { docx, reportToDocumentXml } from '../support/docx';
import { loud } from '../support/findings';
import { assertAt, clean2023, expectedRange, injections } from '../support/injections';
import { toHtmlPage } from '../support/layouts';

const fileTypes: Record<string, { name: string; make(text: string): Uint8Array }> = {
  'saved web page (.html)': { name: 'report.html', make: (t) => Buffer.from(toHtmlPage(t)) },
  'Word document (.docx)': { name: 'report.docx', make: (t) => docx(reportToDocumentXml(t)) },
};

describe('injected defects, in every file type', () => {
  for (const [typeName, type] of Object.entries(fileTypes)) {
    describe(typeName, () => {
      it('the clean 2023 report has no error or warning', async () => {
        const { text } = await readDocument(type.make(clean2023), type.name);
        const r = lint(text, { strict: true });
        assert.deepEqual(loud(r.findings), []);
        assert.deepEqual(r.report.tables.map((t) => t.rows.length), [6, 25, 1]);
      });
      for (const inj of injections) {
        it(`${inj.name} → ${inj.rule}`, async () => {
          const { text } = await readDocument(type.make(inj.apply(clean2023)), type.name);
          const r = lint(text, { strict: true });
          assertAt(r.findings, inj.rule, expectedRange(r, text, inj.at), `${typeName}/${inj.name}`);
        });
      }
    });
  }
});
