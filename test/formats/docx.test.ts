// Word documents: fflate's zip and saxes's XML read as report text (paragraphs as lines, table rows as
// tab-separated cells, merged cells counted as in Word), and every kind of broken or hostile file refused with
// its own code, in bounded time and memory.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { lint } from '../../server/src/engine';
import { FormatError, readDocument } from '../../server/src/formats';
import { readDocx } from '../../server/src/formats/docx';
import { blankTemplateDocx, compoundFile, docx, documentXml, paragraph, reportToDocumentXml, table, zip, zipBomb } from '../support/docx';
import { example, repoRoot } from '../support/paths';

const textOf = (body: string) => readDocx(docx(documentXml(body))).text;
const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
const fails = (code: string) => (e: unknown) => e instanceof FormatError && e.code === code;

describe('formats: Word documents', () => {
  const text = example('clean-2023-row-per-line.txt');
  for (const level of [6, 0] as const) {
    it(`a report saved as .docx (${level ? 'deflated' : 'stored'}) reads back as its text and lints like it`, async () => {
      const d = await readDocument(docx(reportToDocumentXml(text), {}, level), '报告.docx');
      assert.equal(d.kind, 'docx');
      assert.equal(d.source, null);
      const lines = text.split('\n').filter((l) => l.trim() !== '');
      assert.equal(d.text, lines.join('\n'));
      assert.deepEqual(lint(d.text).findings, lint(lines.join('\n')).findings);
    });
  }

  it('the blank official template: every row of tables 三 and 四 found, every cell an empty field', async () => {
    const lines = (await readDocument(blankTemplateDocx(), '模板.docx')).text.split('\n');
    const at = (start: string) => lines.find((l) => l.startsWith(start));
    assert.equal(at('一、本年新收'), `一、本年新收政府信息公开申请数量${'\t'.repeat(7)}`);
    assert.equal(at('三、本年度办理结果'), `三、本年度办理结果\t（一）予以公开${'\t'.repeat(7)}`);
    assert.equal(at('\t（三）不予公开'), `\t（三）不予公开\t1.属于国家秘密${'\t'.repeat(7)}`);
    assert.equal(at('\t\t2.其他法律'), `\t\t2.其他法律行政法规禁止公开${'\t'.repeat(7)}`);
    assert.equal(at('\t（七）总计'), `\t（七）总计${'\t'.repeat(7)}`);
    assert.equal(at('四、结转下年度继续办理'), `四、结转下年度继续办理${'\t'.repeat(7)}`);
    const table3 = lines.filter((l) => /^\t*[^\t]+(\t[^\t]+)?\t{7}$/.test(l) && !l.startsWith('规章'));
    assert.equal(table3.length, 25, 'the 25 data rows of table 三, seven empty cells each');
    assert.equal(lines[lines.indexOf('四、政府信息公开行政复议、行政诉讼情况') + 4], '\t'.repeat(14), 'table 四: 15 empty cells');
    assert.deepEqual(lines.slice(lines.indexOf('三、收到和处理政府信息公开申请情况') + 1, lines.indexOf('三、收到和处理政府信息公开申请情况') + 4), [
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
      '\t自然人\t法人或其他组织\t总计',
      '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
    ]);
    assert.equal(at('规章'), '规章\t\t\t');
    assert.equal(at('行政许可'), '行政许可\t');
  });

  it('counts merged cells as Word does: gridSpan once, vMerge continuations blank only before the first own cell', () => {
    const body = table([
      [{ text: 'a', vMerge: 'restart' }, { text: 'b', span: 2 }, { text: '5', vMerge: 'restart' }],
      [{ vMerge: 'continue' }, { text: 'c' }, { text: '' }, { vMerge: 'continue' }],
    ]) + '<w:tbl><w:tr><w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr>' + p(run('h')) + '</w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc><w:tc>' + p(run('1')) + '</w:tc></w:tr></w:tbl>';
    assert.equal(textOf(body), 'a\tb\t5\n\tc\t\nh\t1');
  });

  it('reads paragraphs as Word shows them: tabs, breaks, content controls, insertions; not deletions, field codes, hidden text', () => {
    const body = [
      p(run('一、总体'), '<w:ins w:id="1"><w:r><w:t>情况</w:t></w:r></w:ins>', '<w:del w:id="2"><w:r><w:delText>删去</w:delText></w:r></w:del>'),
      p('<w:r><w:tab/><w:t>行政许可</w:t><w:tab/><w:t>3</w:t><w:tab/><w:tab/><w:t>0</w:t><w:tab/></w:r>'),
      p(run('第一行'), '<w:r><w:br/></w:r>', run('第二行'), '<w:r><w:noBreakHyphen/><w:softHyphen/></w:r>'),
      '<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent>' + p(run('控件内容')) + '</w:sdtContent></w:sdt>',
      '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>' + p(run('单击此处输入文字。')) + '</w:sdtContent></w:sdt>',
      p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>', run('7'), '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
      p(run('看得见'), '<w:r><w:rPr><w:vanish/></w:rPr><w:t>看不见</w:t></w:r>', '<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>也看得见</w:t></w:r>'),
      p(run('图前'), '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>' + p(run('文本框')) + '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>' + p(run('文本框')) + '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>', run('图后')),
      '<w:tbl><w:tr><w:tc>' + p(run('（二）部分')) + p(run('公开')) + '</w:tc><w:tc>' + p('<w:r><w:t>1</w:t><w:tab/><w:t>2</w:t></w:r>') + '</w:tc><w:tc>' + p(run('a')) + p(run('b')) + '</w:tc><w:tc><w:tbl><w:tr><w:tc>' + p(run('x')) + '</w:tc><w:tc>' + p(run('y')) + '</w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>',
    ].join('');
    assert.equal(textOf(body), [
      '一、总体情况',
      '行政许可\t3\t\t0',
      '第一行',
      '第二行-',
      '控件内容',
      '7',
      '看得见也看得见',
      '文本框',
      '图前图后',
      '（二）部分公开\t1 2\ta b\tx y',
    ].join('\n'));
  });

  it('reads Strict Open XML and a UTF-16 document.xml', () => {
    const strict = '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>严格</w:t></w:r></w:p></w:body></w:document>';
    assert.equal(readDocx(docx(strict)).text, '严格');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(documentXml(paragraph('十六位')).replace('UTF-8', 'UTF-16'), 'utf16le')]);
    assert.equal(readDocx(zipSync({ 'word/document.xml': new Uint8Array(utf16) })).text, '十六位');
  });
});

describe('formats: Word documents that cannot be read', () => {
  it('a zip bomb: a huge declared size, or an entry inflating past what it declared, is refused', () => {
    assert.throws(() => readDocx(zipBomb(1, 4_000_000_000)), (e: unknown) => fails('tooLarge')(e) && (e as Error).message.includes('declares 4000000000 bytes'));
    assert.throws(() => readDocx(zipBomb(30, 30 << 20)), (e: unknown) => fails('tooLarge')(e) && (e as Error).message.includes('more than 100 to 1'));
    assert.throws(() => readDocx(zipBomb(200, 2000)), (e: unknown) => fails('tooLarge')(e) && (e as Error).message.includes('past its declared 2000 bytes'));
    const digits = randomBytes(1 << 20).toString('hex'); // 2 MB of text that does not compress
    assert.throws(() => readDocx(docx(documentXml(p(run(digits))))), (e: unknown) => fails('tooLarge')(e) && (e as Error).message.includes('without a tag'));
  });

  it('a truncated archive, damaged data or a zip that is no Word document are each named', () => {
    const whole = docx(reportToDocumentXml(example('clean-2023-row-per-line.txt')));
    for (const cut of [whole.length - 10, Math.floor(whole.length / 2), 100, 4]) assert.throws(() => readDocx(whole.subarray(0, cut)), fails('truncated'), `cut at ${cut}`);
    const damaged = Buffer.from(whole);
    const at = damaged.indexOf('word/document.xml') + 40;
    damaged.fill(0xff, at, at + 200);
    assert.throws(() => readDocx(damaged), fails('malformed'));
    assert.throws(() => readDocx(zip({ 'xl/workbook.xml': '<workbook/>' })), (e: unknown) => fails('malformed')(e) && (e as Error).message.includes('no word/document.xml'));
    assert.throws(() => readDocx(Buffer.from('not a zip at all')), fails('malformed'));
    assert.throws(() => readDocx(docx('<w:document xmlns:w="urn:x"><w:body/></w:document>')), fails('malformed'));
    assert.throws(() => readDocx(docx(documentXml(p(run('未闭合'))).replace('</w:body>', ''))), fails('malformed'));
    assert.throws(() => readDocx(docx(documentXml(p(run('&foo;'))))), fails('malformed'));
    assert.throws(() => readDocx(docx(documentXml('<w:p/><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>'))), fails('noText'));
  });

  it('an encrypted document or an old .doc (OLE compound files) and RTF get a clear code', async () => {
    assert.throws(() => readDocx(compoundFile('EncryptedPackage')), fails('encrypted'));
    assert.throws(() => readDocx(compoundFile('WordDocument')), fails('legacyFormat'));
    await assert.rejects(readDocument(compoundFile('WordDocument'), '旧.doc'), fails('legacyFormat'));
    assert.throws(() => readDocx(Buffer.from('{\\rtf1\\ansi 报告}')), fails('legacyFormat'));
    assert.throws(() => readDocx(Buffer.alloc(30 << 20), { maxInputBytes: 20 << 20 }), fails('tooLarge'));
  });

  it('refuses each hostile file within a second and a few tens of MB (measured in a child process)', function () {
    this.timeout(60000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-docx-hostile-'));
    const files: Record<string, [Buffer, string]> = {
      'liar.docx': [zipBomb(1000, 4096), 'tooLarge'],
      'declared.docx': [zipBomb(1000, 1000 << 20), 'tooLarge'],
      'truncated.docx': [zipBomb(1000, 4096).subarray(0, 500_000), 'truncated'],
      'encrypted.docx': [Buffer.concat([compoundFile('EncryptedPackage'), Buffer.alloc(5 << 20)]), 'encrypted'],
    };
    for (const [name, [bytes, code]] of Object.entries(files)) {
      fs.writeFileSync(path.join(dir, name), bytes);
      const r = spawnSync(process.execPath, ['-r', 'tsx/cjs', path.join(repoRoot, 'test/support/measure-read.ts'), path.join(dir, name)], { encoding: 'utf8', cwd: repoRoot });
      assert.equal(r.status, 0, r.stderr);
      const m = JSON.parse(r.stdout) as { code: string; ms: number; peakGrowthMB: number };
      assert.equal(m.code, code, name);
      assert.ok(m.ms < 1000, `${name}: ${m.ms.toFixed(0)} ms`);
      assert.ok(m.peakGrowthMB < 64, `${name}: peak memory rose by ${m.peakGrowthMB.toFixed(0)} MB`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
