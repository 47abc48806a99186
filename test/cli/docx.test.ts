// .docx input: Word tables become row-per-line text, so a report saved as .docx gets the findings of its text.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lint } from '../../server/src/engine';
import { DocxError, docxToText, documentXmlToText, looksLikeZip } from '../../server/src/cli/docx';
import { reportToDocumentXml, zip } from '../support/docx';
import { example } from '../support/paths';

describe('docx input', () => {
  const text = example('clean-2023-row-per-line.txt');
  for (const method of [8, 0] as const) {
    it(`a report saved as .docx (${method === 8 ? 'deflated' : 'stored'}) reads back as its text, tables as tab rows`, () => {
      const bytes = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': reportToDocumentXml(text) }, method);
      assert.ok(looksLikeZip(bytes));
      const out = docxToText(bytes);
      assert.equal(out.replace(/\n+$/, ''), text.replace(/\n+$/, ''));
      assert.deepEqual(lint(out).findings, lint(text).findings);
    });
  }
  it('joins the paragraphs of one cell, keeps XML entities and tabs, and ends a row per line', () => {
    const xml = '<w:document><w:body><w:p><w:r><w:t>A &amp; B</w:t><w:tab/><w:t xml:space="preserve">C</w:t></w:r></w:p>'
      + '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>（二）部分公开</w:t></w:r></w:p><w:p><w:r><w:t>（区分处理的）</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>'
      + '<w:p/></w:body></w:document>';
    assert.equal(documentXmlToText(xml), 'A & B\tC\n（二）部分公开 （区分处理的）\t3\t\n');
  });
  it('says clearly what is wrong with a damaged or foreign zip', () => {
    assert.throws(() => docxToText(zip({ 'other.xml': '<x/>' })), (e: Error) => e instanceof DocxError && /word\/document\.xml/.test(e.message));
    assert.throws(() => docxToText(Buffer.from('PK\u0003\u0004 truncated')), DocxError);
  });
});

describe('docx input through the CLI', () => {
  const cli = path.resolve(__dirname, '..', '..', 'server', 'out', 'cli.js');
  const text = example('defects-2022-pipe.md').replace(/\|/g, '\t');

  it('lints a .docx like its text, notes how it was read, and --fix leaves it untouched', function () {
    if (!fs.existsSync(cli)) this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-docx-'));
    const docx = path.join(dir, '报告.docx');
    const txt = path.join(dir, '报告.txt');
    const bytes = zip({ 'word/document.xml': reportToDocumentXml(text) });
    fs.writeFileSync(docx, bytes);
    fs.writeFileSync(txt, docxToText(bytes));
    const run = (...args: string[]) => spawnSync(process.execPath, [cli, '--format', 'json', ...args], { encoding: 'utf8' });
    const a = run(docx);
    const b = run(txt);
    assert.equal(a.status, 1);
    assert.deepEqual(JSON.parse(a.stdout)[0].diagnostics, JSON.parse(b.stdout)[0].diagnostics);
    assert.match(a.stderr, /Word \(\.docx\)/);
    const fixed = run('--fix-suggestions', docx);
    assert.equal(fixed.status, 2);
    assert.ok(fs.readFileSync(docx).equals(bytes), 'the .docx must not be rewritten');
    fs.writeFileSync(path.join(dir, 'bad.docx'), Buffer.from('PK\u0003\u0004 not really a zip'));
    const bad = run(path.join(dir, 'bad.docx'));
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /bad\.docx: 不是可读取的 Word \(\.docx\) 文件/);
  });
});
