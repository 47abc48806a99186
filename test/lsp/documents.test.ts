// The server's requests for published documents, over real stdio JSON-RPC: govReport/extract (the text of a web
// page, Word document or PDF on disk, shown by the VS Code client as a read-only report) and govReport/htmlToText
// (clipboard HTML as report text, for "Paste as report text"). The extracted text, opened under the client's
// scheme, is linted like any report.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { lint } from '../../server/src/engine';
import { readDocument } from '../../server/src/formats';
import { documentProblem } from '../../server/src/formats/messages';
import type { ExtractResult, HtmlToTextResult } from '../../server/src/protocol';
import { docx, reportToDocumentXml } from '../support/docx';
import { flateBomb } from '../support/pdfs';
import { wildDir, hasWild } from '../support/pages';
import { example, repoRoot } from '../support/paths';
import { SERVER, TestClient, uriOf } from './helpers/client';

const EXTRACT = 'govReport/extract';
const HTML_TO_TEXT = 'govReport/htmlToText';
/** The scheme under which the VS Code client opens extracted text (client/src/openAsReport.ts). */
const extractUri = (file: string) => pathToFileURL(file).href.replace(/^file:/, 'gov-report-extract:');
const pdfFixture = (name: string) => path.join(repoRoot, 'test', 'fixtures', 'pdf', name);

describe('language server: published documents (govReport/extract, govReport/htmlToText)', function () {
  this.timeout(60000);
  let c: TestClient;
  let dir: string;
  const extract = (file: string) => c.conn.sendRequest<ExtractResult | null>(EXTRACT, { uri: pathToFileURL(file).href });
  const htmlToText = (html: unknown) => c.conn.sendRequest<HtmlToTextResult>(HTML_TO_TEXT, { html });
  const write = (name: string, bytes: Buffer | string) => { const f = path.join(dir, name); writeFileSync(f, bytes); return f; };

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gov-report-extract-'));
    c = await TestClient.start({ initializationOptions: { locale: 'zh-CN' } });
  });
  after(async () => {
    await c?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the readers are not in server.js: it loads them from formats.js beside it on the first request', () => {
    const server = readFileSync(SERVER, 'utf8');
    assert.ok(server.includes('require("./formats.js")'));
    // An error code of parse5's tokenizer, a string only the HTML reader's bundle holds.
    assert.ok(!server.includes('abandoned-head-element-child'));
    assert.ok(readFileSync(path.join(path.dirname(SERVER), 'formats.js'), 'utf8').includes('abandoned-head-element-child'));
  });

  describe('govReport/extract', () => {
    it('a PDF: the text that --extract prints, which, opened, gets the findings of that text', async () => {
      const result = await extract(pdfFixture('clean-2023.truncated-heading.pdf'));
      assert.ok(result?.ok, JSON.stringify(result));
      assert.equal(result.kind, 'pdf');
      const inProcess = await readDocument(new Uint8Array(readFileSync(pdfFixture('clean-2023.truncated-heading.pdf'))), 'x.pdf');
      assert.equal(result.text, inProcess.text);

      const uri = extractUri(pdfFixture('clean-2023.truncated-heading.pdf'));
      await c.open(uri, result.text);
      const published = await c.waitDiagnostics(uri);
      const expected = lint(result.text, { locale: 'zh-CN' }).findings;
      assert.deepEqual(published.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`),
        expected.map((f) => `${f.rule}@${f.range.start.line}:${f.range.start.character}`));
      const title = published.diagnostics.find((d) => d.code === 'section-title');
      assert.ok(title, 'section-title on the truncated heading');
      assert.equal(result.text.split('\n')[title.range.start.line].trim(), '三、收到和处理政府信息公开申请情');
      await c.close(uri);
    });

    it('while a PDF is read (in its thread), the server goes on answering', async () => {
      const open = uriOf('busy.txt');
      await c.open(open, example('clean-2023-row-per-line.txt'));
      // A stream that inflates to 384 MB: pdf.js works at it until the thread is stopped at the memory limit.
      let done = false;
      const pending = extract(write('bomb.pdf', Buffer.from(flateBomb(384)))).then((r) => { done = true; return r; });
      let answered = 0;
      while (!done && answered < 200) {
        const syms = await c.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: open } });
        assert.ok(syms.length > 0);
        if (!done) answered++;
      }
      const result = await pending;
      // Read on the server's own thread, the PDF would let through only the few requests sent before it is read (5
      // when tried); in its thread, the loop reaches its end (200) before the reader is stopped.
      assert.ok(answered >= 50, `only ${answered} requests answered while the PDF was read`);
      assert.ok(result && !result.ok && result.code === 'tooLarge', JSON.stringify(result));
      assert.match(result.message, /^bomb\.pdf：PDF 文件过大/);
      await c.close(open);
    });

    it('a Word document: the text that --extract prints', async () => {
      const file = write('clean.docx', docx(reportToDocumentXml(example('clean-2023-row-per-line.txt'))));
      const result = await extract(file);
      assert.ok(result?.ok, JSON.stringify(result));
      assert.equal(result.kind, 'docx');
      assert.equal(result.text, (await readDocument(new Uint8Array(readFileSync(file)), file)).text);
      assert.deepEqual(lint(result.text).findings.filter((f) => f.severity === 'error' || f.severity === 'warning'), []);
    });

    it('a Word document opened as a report reads its tables exactly: a blank last cell is a blank cell, not a short row', async () => {
      const text = example('clean-2023-row-per-line.txt').replace('\t\t3.其他\t0\t0\t0\t0\t0\t0\t0', '\t\t3.其他\t0\t0\t0\t0\t0\t0\t');
      const file = write('blank-last-cell.docx', docx(reportToDocumentXml(text)));
      const result = await extract(file);
      assert.ok(result?.ok, JSON.stringify(result));
      const uri = extractUri(file);
      await c.open(uri, result.text);
      const published = await c.waitDiagnostics(uri);
      const loud = published.diagnostics.filter((d) => d.severity === 1 || d.severity === 2).map((d) => d.code);
      assert.deepEqual(loud, ['cell-blank']);
      await c.close(uri);
    });

    it('a saved web page of corpus-wild (005): section-title on "六、需要说明的其他事项与附表"', async function () {
      if (!hasWild) this.skip();
      const file = path.join(wildDir, '005_pingtan_nyn_2021.html');
      const result = await extract(file);
      assert.ok(result?.ok, JSON.stringify(result));
      assert.equal(result.kind, 'html');
      const uri = extractUri(file);
      await c.open(uri, result.text);
      const published = await c.waitDiagnostics(uri);
      const lines = result.text.split('\n');
      const six = published.diagnostics.filter((d) => d.code === 'section-title' && lines[d.range.start.line].startsWith('六、'));
      assert.equal(six.length, 1, JSON.stringify(published.diagnostics.map((d) => `${d.code}@${d.range.start.line}`)));
      assert.equal(lines[six[0].range.start.line].trim(), '六、需要说明的其他事项与附表');
      await c.close(uri);
    });

    it('a file that cannot be read: a one-line reason in the user\'s language, never an exception', async () => {
      const missing = await extract(path.join(dir, 'gone.pdf'));
      assert.deepEqual(missing, { ok: false, code: 'notFound', message: 'gone.pdf：文件不存在' });

      const truncated = write('cut.docx', docx(reportToDocumentXml(example('clean-2023-row-per-line.txt'))).subarray(0, 300));
      const cut = await extract(truncated);
      assert.ok(cut && !cut.ok);
      let expected = '';
      try { await readDocument(new Uint8Array(readFileSync(truncated)), truncated); } catch (e) {
        const err = e as { code: Parameters<typeof documentProblem>[2]; detail: string };
        expected = `cut.docx：${documentProblem('zh-CN', 'docx', err.code, err.detail)}`;
        assert.equal(cut.code, err.code);
      }
      assert.equal(cut.message, expected);

      const text = await extract(write('notes.txt', '会议纪要\n'));
      assert.deepEqual(text, { ok: false, code: 'notDocument', message: 'notes.txt：不是网页、Word 文档（.docx）或 PDF 文件，无法作为报告打开' });

      const page = await extract(write('menu.html', '<!doctype html><p>网站首页</p><p>联系我们</p>'));
      assert.deepEqual(page, { ok: false, code: 'notReport', message: `menu.html：${documentProblem('zh-CN', 'html', 'notReport', 'the page holds no table')}` });
    });

    it('the reason follows govReport.locale', async () => {
      const file = path.join(dir, 'missing.docx');
      c.settings[pathToFileURL(file).href] = { locale: 'en' };
      assert.deepEqual(await extract(file), { ok: false, code: 'notFound', message: 'missing.docx: no such file' });
    });
  });

  describe('govReport/htmlToText', () => {
    it('a table copied from a web page: one row per line, cells apart by tabs, blank cells kept, paragraphs joined', async () => {
      // As Chromium puts a selection on the clipboard: a charset meta, then the fragment.
      const html = '<meta charset=\'utf-8\'><p style="text-indent:2em">（一）本年新收</p><table><tbody>'
        + '<tr><td rowspan="2"><p>本列数据的勾稽关系</p></td><td><p>自然人</p></td><td><p>商业</p><p>企业</p></td><td><p>总计</p></td></tr>'
        + '<tr><td><p>3</p></td><td><p>&nbsp;</p></td><td><p>3</p><p></p></td></tr>'
        + '</tbody></table><p>二、主动公开</p>';
      assert.deepEqual(await htmlToText(html), { text: '（一）本年新收\n本列数据的勾稽关系\t自然人\t商业企业\t总计\n\t3\t\t3\n二、主动公开\n' });
    });

    it('a table copied from Word: its charset declaration, styles and Office tags do not matter', async () => {
      const html = '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv=Content-Type content="text/html; charset=gb2312">'
        + '<style><!-- p.MsoNormal {mso-style-parent:""} --></style></head><body lang=ZH-CN><!--StartFragment-->'
        + '<table class=MsoNormalTable border=1><tr><td><p class=MsoNormal><span style=\'font-family:宋体\'>一、本年新收政府信息公开申请数量<o:p></o:p></span></p></td>'
        + '<td><p class=MsoNormal><span lang=EN-US>5<o:p></o:p></span></p></td><td><p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p></td></tr></table>'
        + '<!--EndFragment--></body></html>';
      assert.deepEqual(await htmlToText(html), { text: '一、本年新收政府信息公开申请数量\t5\t\n' });
    });

    it('the text of a saved page is the text that govReport/extract reads from it', async function () {
      if (!hasWild) this.skip();
      const file = path.join(wildDir, '021_pingtan_hzs_2025.html');
      const extracted = await extract(file);
      assert.ok(extracted?.ok);
      assert.deepEqual(await htmlToText(readFileSync(file, 'utf8')), { text: `${extracted.text}\n` });
    });

    it('no table, nothing, or too much: null (plain paste is all there is)', async () => {
      assert.equal(await htmlToText('<p>一段文字</p><p>另一段</p>'), null);
      assert.equal(await htmlToText(''), null);
      assert.equal(await htmlToText(42), null);
      assert.equal(await htmlToText(`<table><tr><td>1</td></tr></table>${'x'.repeat(9 * 1024 * 1024)}`), null);
    });
  });
});
