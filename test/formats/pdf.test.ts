// .pdf input: the text layer read with PDFium and laid out like `pdftotext -layout`, so that a report
// published as PDF gets the findings of its text; scans, passwords, cut files and limits are clear errors.
// Fixtures: test/fixtures/pdf/ (made by scripts/make-pdf-fixtures.mjs); the real report 018 of corpus-wild.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { lint, type Finding } from '../../server/src/engine';
import { readDocument } from '../../server/src/formats';
import { readPdf } from '../../server/src/formats/pdf';
import { idleReaderThreads, readPdfInThread } from '../../server/src/formats/pdfThread';
import { DEFAULT_LIMITS, FormatError, type FormatErrorCode, type ReadLimits } from '../../server/src/formats/types';
import { ensureBundle } from '../support/build';
import { flateBomb, onePagePdf, stSongFont } from '../support/pdfs';
import { repoRoot, wildDir } from '../support/paths';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'pdf');
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(fixtures, name)));
const workerFile = path.join(repoRoot, 'server', 'out', 'pdf-worker.js');
/** A bound that only catches hangs: speed is measured by `npm run bench`. */
const HANG_MS = 15000;

const loud = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
const lineOf = (text: string, f: Finding) => text.split('\n')[f.range.start.line];

/** The rows of figures of a table: each line ending in `n` or more numbers, as the list of those numbers. */
function figureRows(text: string, from: string, to: string, n: number): string[][] {
  const body = text.slice(text.indexOf(from), text.indexOf(to));
  return body.split('\n').map((l) => l.trim().split(/\s+/)).filter((t) => t.length >= n && t.slice(-n).every((x) => /^\d+$/.test(x))).map((t) => t.slice(-n));
}

async function rejectsWith(p: Promise<unknown>, code: FormatErrorCode, message?: RegExp): Promise<void> {
  const t0 = Date.now();
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof FormatError, String(e));
    assert.equal(e.code, code, e.message);
    if (message) assert.match(e.message, message);
    return true;
  });
  assert.ok(Date.now() - t0 < HANG_MS, `took ${Date.now() - t0} ms`);
}

describe('PDF input: text', () => {
  it('reads the clean example, printed with real tables, to text that lints without an error or a warning', async () => {
    const { kind, text, source } = await readPdf(fixture('clean-2023.pdf'), DEFAULT_LIMITS);
    assert.equal(kind, 'pdf');
    assert.equal(source, null);
    assert.deepEqual(loud(lint(text).findings).map((f) => `${f.rule}: ${f.message}`), []);
    // Table 三 row by row, its figures apart by runs of spaces (the layout the engine reads).
    assert.match(text, /\n三、本年度办理结果 {2,}（一）予以公开 {2,}9 {2,}2 {2,}0 {2,}1 {2,}0 {2,}0 {2,}12\n/);
    assert.match(text, /\n {10,}（三）不予公开 {2,}1\.属于国家秘密 {2,}0 {2,}0 /);
  });

  it('reads a PDF that has only an owner password (restrictions) like any other', async () => {
    const owner = await readPdf(fixture('owner-password-only.pdf'), DEFAULT_LIMITS);
    assert.equal(owner.text, (await readPdf(fixture('clean-2023.pdf'), DEFAULT_LIMITS)).text);
  });

  const defects: { file: string; rules: string[]; at: string }[] = [
    // A blank cell leaves a gap in PDF text: the row comes out one figure short.
    { file: 'clean-2023.blank-cell.pdf', rules: ['row-cells'], at: '（一）予以公开' },
    { file: 'clean-2023.wrong-total.pdf', rules: ['balance-row-total', 'balance-outcome-total'], at: '（一）予以公开' },
    { file: 'clean-2023.truncated-heading.pdf', rules: ['section-title'], at: '三、收到和处理政府信息公开申请情' },
    { file: 'clean-2023.missing-row.pdf', rules: ['row-missing'], at: '（三）不予公开' },
  ];
  for (const d of defects) {
    it(`gives the defect of ${d.file}: ${d.rules.join(', ')}`, async () => {
      const { text } = await readPdf(fixture(d.file), DEFAULT_LIMITS);
      const found = loud(lint(text).findings);
      assert.deepEqual(found.map((f) => f.rule).sort(), [...d.rules].sort());
      assert.ok(lineOf(text, found[0]).includes(d.at), lineOf(text, found[0]));
    });
  }

  // Printed by another producer than Chromium: LibreOffice (scripts/make-pdf-fixtures.mjs). Its Word tables keep a
  // cell's text at the top (the figures beside a label's first piece) and wrap the labels of narrow columns into
  // pieces of a few characters; a group label wrapped in its own cell is printed among its rows' pieces.
  const wordPrints: [string, string][] = [
    ['clean-2021-word.libreoffice.pdf', 'at the top of their cells (Word\'s default)'],
    ['clean-2021-word.centred.libreoffice.pdf', 'centred in their cells'],
    ['clean-2021-word.bottom.libreoffice.pdf', 'at the bottom of their cells'],
  ];
  for (const [file, where] of wordPrints) {
    it(`reads the example Word document printed by LibreOffice, its texts ${where}: every row with its figures, no finding`, async () => {
      const { text } = await readPdf(fixture(file), DEFAULT_LIMITS);
      assert.deepEqual(loud(lint(text, { tableFields: 'pasted' }).findings).map((f) => `${f.rule}@${f.range.start.line}: ${f.message}`), []);
      assert.equal(figureRows(text, '三、收到和处理', '四、政府信息公开行政复议', 7).length, 25); // every row of table 三 but its group labels
    });
  }

  const wordDefects: [string, string[]][] = [
    ['clean-2021-word.centred.wrong-total.libreoffice.pdf', ['balance-outcome-total', 'balance-row-total']],
    // A blank cell leaves a gap in PDF text: the row comes out one figure short.
    ['clean-2021-word.bottom.blank-cell.libreoffice.pdf', ['row-cells']],
  ];
  for (const [file, rules] of wordDefects) {
    it(`gives the defect of ${file} on its row: ${rules.join(', ')}`, async () => {
      const { text } = await readPdf(fixture(file), DEFAULT_LIMITS);
      const found = loud(lint(text, { tableFields: 'pasted' }).findings);
      assert.deepEqual(found.map((f) => f.rule).sort(), rules);
      for (const f of found) assert.match(f.message, /4\.保护第三方合法权益/);
    });
  }

  it('reads a web page printed by LibreOffice with the findings of the page itself, row for row', async () => {
    const page = await readDocument(fs.readFileSync(path.join(repoRoot, 'examples', 'defects-2021-web-page.html')), 'page.html');
    const { text } = await readPdf(fixture('defects-2021-web-page.libreoffice.pdf'), DEFAULT_LIMITS);
    const rowsOf = (t: string, findings: readonly Finding[]) => findings.map((f) => `${f.rule} ${t.split('\n')[f.range.start.line].trim().split(/\s+/)[0]}`).sort();
    const fromPage = rowsOf(page.text, loud(lint(page.text, { tableFields: page.tableFields }).findings));
    const fromPdf = rowsOf(text, loud(lint(text, { tableFields: 'pasted' }).findings));
    assert.equal(fromPdf.length, 4);
    assert.deepEqual(fromPdf.map((r) => r.split(' ')[0]), fromPage.map((r) => r.split(' ')[0]));
  });

  it('puts the figures of a label wrapped in its cell after the label\'s last line, and lints clean', async () => {
    const { text } = await readPdf(fixture('clean-2023.wrapped-labels.pdf'), DEFAULT_LIMITS);
    assert.deepEqual(loud(lint(text).findings).map((f) => `${f.rule}: ${f.message}`), []);
    const lines = text.split('\n').map((l) => l.trim());
    const at = lines.findIndex((l) => l.startsWith('5.要求行政机关确认或重新出具已'));
    assert.deepEqual(lines.slice(at + 1, at + 3).map((l) => l.split(/ {2,}/)), [['获取信息'], ['0', '0', '0', '0', '0', '0', '0']]);
    // The group label 三、本年度办理结果, wrapped in its own cell, does not come between the lines of （二）.
    const two = lines.findIndex((l) => l.startsWith('（二）部分公开'));
    assert.deepEqual(lines.slice(two - 2, two + 3).map((l) => l.split(/ {2,}/)), [
      ['度办理结'], ['果'], ['（二）部分公开（区分处理的，只计这一情'], ['形，不计其他情形）'], ['2', '1', '0', '0', '0', '0', '3'],
    ]);
    const flat = (await readPdf(fixture('clean-2023.pdf'), DEFAULT_LIMITS)).text;
    assert.deepEqual(figureRows(text, '三、收到和处理', '四、政府信息公开', 7), figureRows(flat, '三、收到和处理', '四、政府信息公开', 7));
  });

  it('reads a page turned by /Rotate 90 to the text of the page unturned', async () => {
    const turned = await readPdf(fixture('clean-2023.rotated.pdf'), DEFAULT_LIMITS);
    assert.equal(turned.text, (await readPdf(fixture('clean-2023.pdf'), DEFAULT_LIMITS)).text);
  });

  it('reads a label written vertically down its cell whole, on a line where it starts, and the rows beside it', async () => {
    const { text } = await readPdf(verticalLabelPdf(), DEFAULT_LIMITS);
    assert.deepEqual(text.split('\n').map((l) => l.trim().split(/ {2,}/)), [['三、本年度办理结果'], ['（一）予以公开', '9', '2', '12'], ['（二）部分公开', '1', '0', '1'], ['']]);
  });

  it('leaves the built-ins of the process alone', async () => {
    const push = Array.prototype.push;
    await readPdf(fixture('clean-2023.pdf'), DEFAULT_LIMITS);
    assert.equal(Array.prototype.push, push);
  });
});

describe('PDF input: the published report 018 (WPS)', function () {
  before(function () { if (!fs.existsSync(wildDir)) this.skip(); });
  const read = async () => (await readPdf(new Uint8Array(fs.readFileSync(path.join(wildDir, '018_huaian_hongze_2024.pdf'))), DEFAULT_LIMITS)).text;
  const layout = () => fs.readFileSync(path.join(wildDir, '018_huaian_hongze_2024.layout.txt'), 'utf8');

  it('gives table 三 the rows of figures that pdftotext -layout gives, in the same order', async () => {
    const ours = figureRows(await read(), '三、收到和处理', '四、政府信息公开', 7);
    assert.equal(ours.length, 23); // the 2019 format's single （六）其他处理 row
    assert.deepEqual(ours, figureRows(layout(), '三、收到和处理', '四、政府信息公开', 7));
  });

  it('gives the lines pdftotext -layout gives, but for the vertical label and the header of table 四', async () => {
    const norm = (t: string) => t.split('\n').map((l) => l.replace(/\s+/g, '')).filter((l) => l !== '' && !/^-\d+-$/.test(l));
    const ours = norm(await read());
    const theirs = norm(layout());
    assert.equal(ours.length, theirs.length);
    const differ = theirs.filter((l) => !ours.includes(l));
    // The vertical 三、本年度办理结果 is read whole, on a line of its own as pdftotext has it; table 四's header
    // words come in another order.
    assert.deepEqual(differ, ['总计结果结果其他尚未结果结果其他尚未', '维持纠正结果审结总计']);
  });

  it('gets the findings of its pdftotext text: the row label typo, and nothing else at error or warning', async () => {
    const ours = await read();
    const found = loud(lint(ours).findings);
    assert.deepEqual(found.map((f) => f.rule), loud(lint(layout()).findings).map((f) => f.rule));
    assert.deepEqual(found.map((f) => `${f.rule}: ${lineOf(ours, f).trim().split(/ {2,}/)[0]}`), ['row-label: 2.其他法律行政止公开']);
  });

  it('keeps the wrapped labels of the PDF as pdftotext does: label lines, then the figures', async () => {
    const lines = (await read()).split('\n').map((l) => l.trim());
    const at = lines.findIndex((l) => l.startsWith('（二）部分公开'));
    assert.deepEqual(lines.slice(at, at + 3).map((l) => l.split(/ {2,}/)), [
      ['（二）部分公开（区分处理的，只计这一情 形，不'], ['计其他情形）'], ['9', '0', '0', '0', '0', '0', '9'],
    ]);
  });
});

describe('PDF input: what cannot be read', () => {
  const clean = fixture('clean-2023.pdf');
  const limits = (over: Partial<ReadLimits>): ReadLimits => ({ ...DEFAULT_LIMITS, ...over });

  it('says that a scan has no text layer and needs OCR', () => rejectsWith(readPdf(fixture('scan.pdf'), DEFAULT_LIMITS), 'noText', /scan.*OCR/));
  it('says that a PDF needs a password', () => rejectsWith(readPdf(fixture('password.pdf'), DEFAULT_LIMITS), 'encrypted'));
  it('says that a PDF cut short is incomplete, wherever it is cut', async () => {
    await rejectsWith(readPdf(clean.slice(0, clean.length >> 1), DEFAULT_LIMITS), 'truncated');
    await rejectsWith(readPdf(clean.slice(0, clean.length - 7), DEFAULT_LIMITS), 'truncated');
  });
  it('says that bytes which are no PDF, or only look like one, are malformed', async () => {
    await rejectsWith(readPdf(new Uint8Array(0), DEFAULT_LIMITS), 'malformed');
    await rejectsWith(readPdf(new TextEncoder().encode('<html>not a report</html>'), DEFAULT_LIMITS), 'malformed');
    await rejectsWith(readPdf(new TextEncoder().encode(`%PDF-1.7\n${'x'.repeat(3000)}\n%%EOF\n`), DEFAULT_LIMITS), 'malformed');
  });
  it('stops after a page whose streams grew PDFium\'s memory past the inflated-data limit (the thread bounds it sooner)', async () => {
    await rejectsWith(readPdf(flateBomb(16), limits({ maxInflatedBytes: 8 * 1048576 })), 'tooLarge', /more than 8 MB of memory/);
  });
  it('keeps to the limits on input size, text length and time', async () => {
    await rejectsWith(readPdf(clean, limits({ maxInputBytes: 1000 })), 'tooLarge');
    await rejectsWith(readPdf(clean, limits({ maxTextChars: 1000 })), 'tooLarge');
    await rejectsWith(readPdf(clean, limits({ maxMillis: -1 })), 'timeout');
  });
  it('leaves the caller\'s bytes usable (they are copied into PDFium\'s memory)', async () => {
    const bytes = fixture('clean-2023.pdf');
    await readPdf(bytes, DEFAULT_LIMITS);
    assert.equal(bytes.length, clean.length);
  });
});

const CJK_LINE = '政府信息公开工作年度报告，本年新收申请二十六件';
const ucs2 = (text: string) => Array.from(text, (c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
/** Chinese text in STSong-Light, named and not embedded, in UCS-2 codes (UniGB-UCS2-H): as iText writes it. */
const stSongPdf = () => onePagePdf(Buffer.from(`BT /F1 14 Tf 72 720 Td <${ucs2(CJK_LINE)}> Tj ET`), stSongFont('UniGB-UCS2-H'));

/**
 * A table's group label written down its merged cell in a vertical font (UniGB-UCS2-V), and two rows of figures
 * beside it, the first a little below the label's first character.
 */
function verticalLabelPdf(): Uint8Array {
  const row = (y: number, label: string, figures: string[]) => `BT /F2 12 Tf 120 ${y} Td <${ucs2(label)}> Tj ET `
    + figures.map((f, i) => `BT /F2 12 Tf ${300 + 60 * i} ${y} Td <${ucs2(f)}> Tj ET `).join('');
  const content = `BT /F1 12 Tf 80 740 Td <${ucs2('三、本年度办理结果')}> Tj ET ${row(720, '（一）予以公开', ['9', '2', '12'])}${row(690, '（二）部分公开', ['1', '0', '1'])}`;
  const horizontal = '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>';
  return onePagePdf(Buffer.from(content), [...stSongFont('UniGB-UCS2-V'), horizontal], false, '/F2 8 0 R');
}

describe('PDF input: Chinese fonts named without embedding', () => {
  it('reads their text without CMap files (PDFium carries Adobe\'s)', async () => {
    assert.equal((await readPdf(stSongPdf(), DEFAULT_LIMITS)).text.trim(), CJK_LINE);
  });
});

describe('PDF input in a worker thread: bounded time and memory', function () {
  this.timeout(30000);
  before(() => ensureBundle(workerFile));

  it('reads like the reader in this thread', async () => {
    const inThread = await readPdfInThread(fixture('clean-2023.pdf'), DEFAULT_LIMITS, workerFile);
    assert.equal(inThread.text, (await readPdf(fixture('clean-2023.pdf'), DEFAULT_LIMITS)).text);
    await rejectsWith(readPdfInThread(fixture('scan.pdf'), DEFAULT_LIMITS, workerFile), 'noText');
  });

  it('reads Chinese text of a font named without embedding, with nothing but pdfium.wasm beside it', async () => {
    assert.equal((await readPdfInThread(stSongPdf(), DEFAULT_LIMITS, workerFile)).text.trim(), CJK_LINE);
  });

  it('stops a stream that inflates without bound once memory grows past the limit', async () => {
    const bomb = flateBomb(384);
    assert.ok(bomb.length < 2 * 1048576);
    const before = process.memoryUsage.rss();
    let peak = before;
    const poll = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 5);
    try {
      await rejectsWith(readPdfInThread(bomb, DEFAULT_LIMITS, workerFile), 'tooLarge');
    } finally {
      clearInterval(poll);
    }
    // The limit (64 MB of inflated data) plus PDFium's own share, not the 384 MB the stream holds.
    assert.ok(peak - before < 300 * 1048576, `grew ${Math.round((peak - before) / 1048576)} MB`);
  });

  it('keeps the thread warm after a report, and ends it after a read that grew PDFium\'s memory past 64 MB', async () => {
    await readPdfInThread(fixture('clean-2023.pdf'), DEFAULT_LIMITS, workerFile);
    assert.equal(idleReaderThreads(), 1);
    // 96 MiB of spaces after a word: read to the end within these limits (too little text), in ~200 MB of wasm.
    const generous = { ...DEFAULT_LIMITS, maxInflatedBytes: 1024 * 1048576 };
    await rejectsWith(readPdfInThread(flateBomb(96), generous, workerFile), 'noText');
    assert.equal(idleReaderThreads(), 0);
    await readPdfInThread(fixture('clean-2023.pdf'), DEFAULT_LIMITS, workerFile);
    assert.equal(idleReaderThreads(), 1);
  });


  it('stops at the deadline, however busy PDFium is', async () => {
    await rejectsWith(readPdfInThread(flateBomb(384), { ...DEFAULT_LIMITS, maxInflatedBytes: 4096 * 1048576, maxMillis: 300 }, workerFile), 'timeout');
  });

  it('runs from the built bundles in plain Node and prints nothing on stdout', () => {
    const script = `const { Worker } = require('node:worker_threads');
      const w = new Worker(${JSON.stringify(workerFile)});
      const bytes = new Uint8Array(require('node:fs').readFileSync(${JSON.stringify(path.join(fixtures, 'clean-2023.pdf'))}));
      w.on('message', (r) => { process.stderr.write(JSON.stringify({ ok: r.ok, length: r.text && r.text.length })); w.terminate(); });
      w.postMessage({ bytes, limits: ${JSON.stringify(DEFAULT_LIMITS)} });`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20000 });
    assert.equal(r.stdout, '');
    const reply = JSON.parse(r.stderr);
    assert.equal(reply.ok, true);
    assert.ok(reply.length > 5000);
  });
});

describe('PDF input: the caller keeps its bytes', () => {
  before(() => ensureBundle(workerFile));
  it('a Node Buffer given to the bounded reader is still whole afterwards (its copy, not its memory, goes to the thread)', async () => {
    const bytes = fs.readFileSync(path.join(fixtures, 'clean-2023.pdf'));
    const length = bytes.length;
    await readPdfInThread(bytes, DEFAULT_LIMITS, workerFile);
    assert.equal(bytes.length, length);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  });
});
