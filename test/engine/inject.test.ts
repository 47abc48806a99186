// A clean report in any supported layout gets no error or warning; injecting one defect of any kind gives
// that rule's finding at the right place. Defects are injected into the row-per-line example and the text is
// then rewritten into each layout, so the same expectations run on every layout.
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { loud } from '../support/findings';
import { assertAt, clean2023, expectedRange, injections, setField } from '../support/injections';
import { toCellPerLine, toCopiedPage, toCrlf, toInnerText, toPdf, toPdfWithArtefacts, toPipe, toSpaceRows } from '../support/layouts';
import { example } from '../support/paths';

const clean2020 = example('clean-2020-cell-per-line.txt');

const layouts: Record<string, (t: string) => string> = {
  'row per line': (t) => t,
  'row per line, CRLF': toCrlf,
  'pipe rows': (t) => toPipe(t),
  'pipe rows without outer pipes': (t) => toPipe(t, false),
  'cell per line': toCellPerLine,
  'PDF text (space-aligned)': toPdf,
  'PDF text with page numbers, wrapped and vertical labels': toPdfWithArtefacts,
  'paragraph per cell with tab lines (innerText)': toInnerText,
  'paragraph per cell, no tabs (a copied page)': toCopiedPage,
  'single spaces between cells': toSpaceRows,
};


describe('injected defects, in every layout', () => {
  for (const [layoutName, convert] of Object.entries(layouts)) {
    describe(layoutName, () => {
      it('the clean 2023 report has no error or warning', () => {
        const r = lint(convert(clean2023), { strict: true });
        assert.deepEqual(loud(r.findings), []);
        assert.deepEqual(r.report.tables.map((t) => t.rows.length), [6, 25, 1]);
      });
      for (const inj of injections) {
        if (inj.skip?.includes(layoutName)) continue;
        it(`${inj.name} → ${inj.rule}`, () => {
          const text = convert(inj.apply(clean2023));
          const r = lint(text, { strict: true });
          assertAt(r.findings, inj.rule, expectedRange(r, text, inj.at), `${layoutName}/${inj.name}`);
        });
      }
    });
  }

  it('the clean 2020 report (cell per line, T2019) has no finding at all', () => {
    const r = lint(clean2020, { strict: true });
    assert.equal(r.report.template, 'T2019');
    assert.deepEqual(r.findings, []);
  });

  it('a blank cell in PDF text cannot be seen: the row is reported short, never padded', () => {
    const text = toPdf(setField(clean2023, '三、本年度办理结果', 2, ''));
    const r = lint(text, { strict: true });
    const row = r.report.tables[1].rows.find((x) => x.id === 'app.granted')!;
    assert.equal(row.foundCells, 6);
    assert.ok(r.findings.some((f) => f.rule === 'row-cells' && f.range.start.line === row.range.start.line));
  });
});
