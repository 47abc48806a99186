// The injected defects of the engine's layout tests, run on the file types reports are published as: a saved web
// page and a Word document made from the row-per-line example (with each defect injected first), read by
// readDocument and linted like any text. (PDF renderings with defects are fixtures of test/formats/pdf.test.ts.)
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { readDocument } from '../../server/src/formats';
import { blankTemplateDocx, docx, reportToDocumentXml } from '../support/docx';
import { blanksCovered, loud } from '../support/findings';
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
        const { text, tableFields } = await readDocument(type.make(clean2023), type.name);
        assert.equal(tableFields, 'exact');
        const r = lint(text, { strict: true, tableFields });
        assert.deepEqual(loud(r.findings), []);
        assert.deepEqual(r.report.tables.map((t) => t.rows.length), [6, 25, 1]);
      });
      for (const inj of injections) {
        it(`${inj.name} → ${inj.rule}`, async () => {
          const { text, tableFields } = await readDocument(type.make(inj.apply(clean2023)), type.name);
          const r = lint(text, { strict: true, tableFields });
          assertAt(r.findings, inj.rule, expectedRange(r, text, inj.at), `${typeName}/${inj.name}`);
        });
      }
    });
  }
});

describe('the blank official template as a Word document', () => {
  it('reads every cell of tables 二, 三 and 四 as a blank cell, and no row or table as missing', async () => {
    const { text, tableFields } = await readDocument(blankTemplateDocx(), 'template.docx');
    const r = lint(text, { strict: true, tableFields });
    assert.deepEqual(r.report.tables.map((t) => [t.id, t.rows.length, t.rows.every((row) => row.foundCells === row.expectedCells)]), [['active', 6, true], ['applications', 25, true], ['review', 1, true]]);
    // Every cell (a row's cells side by side are one finding), and table 三's seven columns blank in all 25 rows
    // said once on the table.
    assert.equal(blanksCovered(r.findings), 10 + 25 * 7 + 15);
    assert.equal(r.findings.filter((f) => f.rule === 'cell-blank' && f.related).length, 1);
    assert.deepEqual(r.findings.filter((f) => ['row-missing', 'row-cells', 'table-missing'].includes(f.rule)), []);
  });
});
