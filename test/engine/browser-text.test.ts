// Text that Chromium gives for web pages in markups other than the one site of corpus-wild (found by
// bench/roundtrip.mjs): the innerText of a table whose row starts with empty cells, of cells padded with &nbsp;, of
// a rich-text editor's table (text directly in <td>, an empty cell <td><br></td>), a copy of a label that a <br>
// splits into two paragraphs, and the text of such a page printed to PDF, where labels wrap in narrow cells. Each
// fixture is in the exact shape Chromium (and the PDF reader) produces.
import assert from 'node:assert/strict';
import { lint, type LintResult } from '../../server/src/engine';
import { loud } from '../support/findings';
import { clean2023 } from '../support/injections';
import { toCopiedPage, toPdf } from '../support/layouts';

const PART4 = '四、政府信息公开行政复议、行政诉讼情况';
const PART5 = '五、存在的主要问题及改进情况';
const REVIEW_HEADER = [
  ['行政复议', '行政诉讼'],
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'],
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
];
/** Table 四 of the clean example with its 行政复议 group (the first five cells) left blank. */
const REVIEW_ROW = ['', '', '', '', '', '1', '0', '0', '0', '1', '0', '0', '0', '0', '0'];

/** The clean example with the body of part 四 replaced. */
function withPart4(body: string): string {
  const from = clean2023.indexOf(PART4) + PART4.length;
  return `${clean2023.slice(0, from)}\n\n${body}\n\n${clean2023.slice(clean2023.indexOf(PART5))}`;
}

/**
 * innerText of <td><p>…</p></td> cells: each cell's paragraph and each tab between cells are apart by one blank
 * line (an empty cell leaves no paragraph: its tabs come one after another), rows apart by four blank lines.
 */
function innerTextOfParagraphCells(rows: string[][], empty = ''): string {
  return rows.map((cells) => cells.flatMap((c, i) => (i ? ['\t', c || empty] : [c || empty])).filter(Boolean).join('\n\n')).join('\n\n\n\n\n');
}

/** Lines (0-based) of the text that hold `line` exactly, from line `from` on. */
function linesOf(text: string, line: string, from = 0): number[] {
  return text.split('\n').flatMap((l, i) => (l === line && i >= from ? [i] : []));
}

function reviewFindings(r: LintResult): string[] {
  const table = r.report.tables.find((t) => t.id === 'review')!;
  return r.findings.filter((f) => f.range.start.line >= table.range.start.line && f.range.start.line <= table.range.end.line)
    .map((f) => `${f.rule}@${f.range.start.line}:${f.range.start.character}`);
}

describe('text of web pages as Chromium gives it', () => {
  it('innerText: a row that starts with empty cells keeps them, each at a separator of its own', () => {
    const text = withPart4(innerTextOfParagraphCells([...REVIEW_HEADER, REVIEW_ROW]));
    const r = lint(text, { strict: true });
    const dataStart = text.split('\n').lastIndexOf('总计');
    const seps = linesOf(text, '\t', dataStart).slice(0, 5);
    assert.deepEqual(reviewFindings(r), seps.map((l) => `cell-blank@${l}:0`));
    assert.deepEqual(r.report.tables[2].rows[0].cells.map((c) => c.raw), REVIEW_ROW);
  });

  it('innerText: empty cells written <p>&nbsp;</p> at the start of a row are its first cells, not padding of the row above', () => {
    const text = withPart4(innerTextOfParagraphCells([...REVIEW_HEADER, REVIEW_ROW], '\u00a0'));
    const r = lint(text, { strict: true });
    assert.deepEqual(r.report.tables[2].rows[0].cells.map((c) => c.raw), REVIEW_ROW);
    const nbsp = linesOf(text, '\u00a0');
    assert.deepEqual(reviewFindings(r), nbsp.map((l) => `cell-blank@${l}:0`));
  });

  it('innerText of an editor\'s table (<td><br></td> for an empty cell): rows broken over lines by the empty cells are read whole', () => {
    // Table 三: 一、本年新收 with 自然人 blank ("label⇥" / "⇥3⇥…"); 二、上年结转 with 自然人 and 商业企业 blank ("label⇥" / "⇥" / "⇥0⇥…").
    // Table 四: its first two cells blank: the row starts with a blank line, then a lone tab, then the figures.
    // An empty cell is shown at the tab after it.
    const text = withPart4(`${REVIEW_HEADER.map((r) => r.join('\t')).join('\n')}\n\n\t\n\t0\t1\t2\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0`)
      .replace('一、本年新收政府信息公开申请数量\t20\t3', '一、本年新收政府信息公开申请数量\t\n\t3')
      .replace('二、上年结转政府信息公开申请数量\t2\t1\t', '二、上年结转政府信息公开申请数量\t\n\t\n\t');
    const r = lint(text, { strict: true });
    const rows = r.report.tables[1].rows;
    assert.deepEqual(rows.find((x) => x.id === 'app.received')!.cells.map((c) => c.raw), ['', '3', '0', '1', '2', '0', '26']);
    assert.deepEqual(rows.find((x) => x.id === 'app.carried-over')!.cells.map((c) => c.raw), ['', '', '0', '0', '0', '0', '3']);
    assert.deepEqual(r.report.tables[2].rows[0].cells.map((c) => c.raw), ['', '', '0', '1', '2', '1', '0', '0', '0', '1', '0', '0', '0', '0', '0']);
    const received = linesOf(text, '一、本年新收政府信息公开申请数量\t')[0];
    const carried = linesOf(text, '二、上年结转政府信息公开申请数量\t')[0];
    const review = linesOf(text, '\t', carried + 3)[0];
    assert.deepEqual(loud(r.findings), [received + 1, carried + 1, carried + 2, review, review + 1].map((l) => `cell-blank@${l}`));
  });

  it('copy: a label split by <br> into two paragraphs is one label, though its second part alone reads as the row', () => {
    const label = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）';
    const text = toCopiedPage(clean2023).replace(label, '（二）部分公开\n（区分处理的，只计这一情形，不计其他情形）');
    const r = lint(text, { strict: true });
    assert.deepEqual(loud(r.findings), []);
    const row = r.report.tables[1].rows.find((x) => x.id === 'app.partial')!;
    assert.equal(row.label, label);
    assert.deepEqual(row.cells.map((c) => c.raw), ['2', '1', '0', '0', '0', '0', '3']);
  });

  it('PDF: a label wrapped over lines is one label, though no part of it names the row, or only its last part does, or a merged label to its left wraps too', () => {
    const figures = (cells: string) => `${' '.repeat(28)}${cells.split(' ').join('    ')}`;
    const text = toPdf(clean2023)
      .replace('        2.没有现成信息需要另行制作    1    0    0    0    0    0    1', `        2.没有现成信息需要\n             另行制作\n${figures('1 0 0 0 0 0 1')}`)
      .replace('        3.要求提供公开出版物    0    0    0    0    0    0    0', `        3.要求提供公开出版\n              物\n${figures('0 0 0 0 0 0 0')}`)
      .replace('        5.要求行政机关确认或重新出具已获取信息    0    0    0    0    0    0    0', `        5.要求行政机关确认\n        或重新出具已获取信\n             息\n${figures('0 0 0 0 0 0 0')}`)
      .replace(/^行政事业性收费 +0$/m, `行政事业性收\n     费\n${figures('0')}`)
      // The merged label to the left wraps around a row's label: its rest on a line of its own, before the figures.
      .replace('        3.补正后申请内容仍不明确    0    0    0    0    0    0    0', `    （四）无\n        3.补正后申请内容仍不明确\n    法提供\n${figures('0 0 0 0 0 0 0')}`)
      // The merged label to the left wraps too, its rest in front of the rest of the row's label.
      .replace('    （六）其他处理    1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请    0    0    0    0    1    0    1',
        `    （六）其他    1.申请人无正当理由逾期不补正、行政机关不\n    处理          再处理其政府信息公开申请\n${figures('0 0 0 0 1 0 1')}`);
    const r = lint(text, { strict: true });
    assert.deepEqual(loud(r.findings), []);
    const rows = r.report.tables[1].rows;
    const read = (id: string) => { const x = rows.find((y) => y.id === id)!; return [x.label, x.labelMatch, x.cells.map((c) => c.raw).join(' ')]; };
    assert.deepEqual(read('app.unable.2'), ['2.没有现成信息需要另行制作', 'exact', '1 0 0 0 0 0 1']);
    assert.deepEqual(read('app.unable.3'), ['3.补正后申请内容仍不明确', 'exact', '0 0 0 0 0 0 0']);
    assert.deepEqual(read('app.rejected.3'), ['3.要求提供公开出版物', 'exact', '0 0 0 0 0 0 0']);
    assert.deepEqual(read('app.rejected.5'), ['5.要求行政机关确认或重新出具已获取信息', 'exact', '0 0 0 0 0 0 0']);
    assert.deepEqual(read('app.other.1'), ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'exact', '0 0 0 0 1 0 1']);
    const fees = r.report.tables[0].rows.find((x) => x.id === 'active.fees')!;
    assert.deepEqual([fees.label, fees.cells.map((c) => c.raw)], ['行政事业性收费', ['0']]);
    // The same with one space between the merged label's start and the row's label: two cells all the same.
    const oneSpace = lint(text.replace('（六）其他    1.申请人', '（六）其他 1.申请人'), { strict: true });
    assert.deepEqual(loud(oneSpace.findings), []);
    const other1 = oneSpace.report.tables[1].rows.find((x) => x.id === 'app.other.1')!;
    assert.deepEqual([other1.label, other1.cells.map((c) => c.raw).join(' ')], ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '0 0 0 0 1 0 1']);
  });

  it('innerText of a portal page: a title that begins with its year is not joined to the sidebar link above it', () => {
    const title = clean2023.split('\n')[0];
    const yearFirst = `2023年${title.replace(/2023年/, '')}`;
    const site = ['欢迎访问某某区人民政府门户网站', '首页', '政务公开', '当前位置：首页 > 政务公开 > 政府信息公开年报', '政府信息公开指南', '政府信息公开年报'];
    const text = [...site, yearFirst, ...clean2023.split('\n').slice(1)].join('\n');
    const r = lint(text, { strict: true });
    assert.equal(r.report.title?.text, yearFirst);
    assert.deepEqual(r.report.title?.range.start, { line: site.length, character: 0 });
  });
});
