// Published documents through the CLI: a saved web page's findings at line:col of the page, a Word document's in
// its extracted text (--extract prints it), neither ever rewritten, and an unreadable one a one-line message
// and exit 2.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readDocument } from '../../server/src/formats';
import { lint } from '../../server/src/engine';
import { blankTemplateDocx, compoundFile, docx, reportToDocumentXml, zipBomb } from '../support/docx';
import { hasWild, toGbk, wildDir } from '../support/pages';
import { example } from '../support/paths';
import { ensureBuilt, run, runJson, tempDir } from './helpers';

const stderrLines = (s: string) => s.split('\n').filter((l) => l !== '');

describe('cli: saved web pages and Word documents', function () {
  let dir = '';
  const defects = example('defects-2022-pipe.md').replace(/\|/g, '\t');

  before(function () {
    this.timeout(120000);
    ensureBuilt();
    dir = tempDir();
  });

  it('a web page: its findings point at line:col of the page, the cell itself', function () {
    if (!hasWild) { console.log(`      (skipped: corpus-wild not found at ${wildDir})`); this.skip(); }
    const file = path.join(dir, '005.html');
    fs.copyFileSync(path.join(wildDir, '005_pingtan_nyn_2021.html'), file);
    const { run: r, entries } = runJson([file]);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, '', 'a UTF-8 page needs no note');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const outcome = entries[0].diagnostics.filter((d) => d.rule === 'balance-outcome-total');
    assert.equal(outcome.length, 2);
    for (const d of outcome) {
      const at = lines[d.range.start.line].slice(d.range.start.character);
      assert.match(at, /^\d<\/p><\/td>/, `${d.message} points at ${at.slice(0, 20)}`);
      assert.match(lines[d.range.start.line], /（七）总计/);
      assert.equal(d.range.end.character, d.range.start.character + 1);
    }
    const heading = entries[0].diagnostics.find((d) => d.rule === 'section-title')!;
    assert.ok(lines[heading.range.start.line].slice(heading.range.start.character).startsWith('五、政府信息公开存在的主要问题及改进情况</p>'));
    const text = run(['--format', 'text', file]).stdout.split('\n')[0];
    assert.match(text, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${outcome[0].range.start.line + 1}:${outcome[0].range.start.character + 1}  error`));
  });

  it('a GBK web page is read in its charset (noted), and gets the findings of its --extract text', async () => {
    const body = defects.split('\n').map((l) => (l.includes('\t') ? `<table><tr>${l.split('\t').map((c) => `<td>${c}</td>`).join('')}</tr></table>` : `<p>${l}</p>`));
    const file = path.join(dir, 'defects.htm');
    fs.writeFileSync(file, toGbk(`<html><head><meta charset="gbk"></head><body>${body.join('\n')}</body></html>`));
    const extracted = run(['--extract', file]);
    assert.equal(extracted.status, 0, extracted.stderr);
    assert.equal(extracted.stdout, `${(await readDocument(fs.readFileSync(file), file)).text}\n`);
    const a = runJson([file]);
    // The page's table cells are exact (an empty last cell is a blank), as the engine reads them.
    const b = lint(extracted.stdout.replace(/\n$/, ''), { tableFields: 'exact' }).findings;
    assert.deepEqual(stderrLines(a.run.stderr), [`${file}：网页按 GBK 编码读取`]);
    const diagnostics = a.entries[0].diagnostics;
    assert.ok(diagnostics.length > 5);
    assert.deepEqual(diagnostics.map((d) => [d.rule, d.message]), b.map((d) => [d.rule, d.message]));
  });

  it('a Word document: findings refer to its extracted text, which --extract prints; a note says so', () => {
    const file = path.join(dir, '报告.docx');
    fs.writeFileSync(file, docx(reportToDocumentXml(defects)));
    const extracted = run(['--extract', file]);
    assert.equal(extracted.status, 0);
    const a = runJson([file]);
    // --extract ends its output with a line break; a Word table's cells are exact, as the engine reads them.
    const b = lint(extracted.stdout.replace(/\n$/, ''), { tableFields: 'exact' }).findings;
    assert.equal(a.run.status, 1);
    assert.deepEqual(a.entries[0].diagnostics, b.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, range: f.range })));
    assert.deepEqual(stderrLines(a.run.stderr), [`${file}：Word 文档中的文字已提取，结果的位置指提取出的文本（可用 --extract 查看）`]);
  });

  it('--fix never rewrites a web page or a Word document: it says so once, exit 2, nothing written', () => {
    const html = path.join(dir, 'fix.html');
    fs.writeFileSync(html, `<p>${defects.split('\n').join('</p><p>')}</p><table><tr><td>x</td></tr></table>`);
    const word = path.join(dir, 'fix.docx');
    fs.writeFileSync(word, docx(reportToDocumentXml(defects)));
    for (const file of [html, word]) {
      const before = fs.readFileSync(file);
      const mtime = fs.statSync(file).mtimeMs;
      const r = run(['--fix-suggestions', '--locale', 'en', file]);
      assert.equal(r.status, 2, r.stderr);
      const said = stderrLines(r.stderr).filter((l) => l.includes('never rewritten'));
      assert.equal(said.length, 1, r.stderr);
      assert.match(said[0], /^gov-report-lint: .*: \d+ fix(es)? available, but a (web page|Word document) is never rewritten/);
      assert.ok(fs.readFileSync(file).equals(before));
      assert.equal(fs.statSync(file).mtimeMs, mtime);
      assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
    }
  });

  const unreadable: [string, () => Buffer, RegExp, RegExp][] = [
    ['bomb.docx', () => zipBomb(500, 4096), /Word 文档过大/, /Word document too large/],
    ['cut.docx', () => docx(reportToDocumentXml(defects)).subarray(0, 300), /Word 文档不完整/, /cut short/],
    ['locked.docx', () => compoundFile('EncryptedPackage'), /已加密.*另存为 \.docx/, /encrypted.*save as \.docx/],
    ['old.doc', () => compoundFile('WordDocument'), /旧版 Word 97–2003（\.doc）.*另存为 \.docx/, /Word 97-2003 \.doc.*save it as \.docx/],
    ['other.docx', () => Buffer.from('PK\u0005\u0006' + '\0'.repeat(18)), /Word 文档已损坏或格式无效/, /not a valid Word document/],
    ['news.html', () => Buffer.from('<html><body><p>新闻</p></body></html>'), /不像是年度报告：网页中没有表格/, /no table in the web page/],
    ['empty.html', () => Buffer.alloc(0), /网页中没有可读取的文字/, /no text to read/],
    ['broken.html', () => Buffer.from('<table><tr><td>一、本年新收<td>3</td></td><tr><td>二、上年结转</table></td>'), /^$/, /^$/],
  ];
  for (const [name, bytes, zh, en] of unreadable) {
    it(`${name}: ${zh.source === '^$' ? 'malformed but readable: linted' : 'a one-line message, exit 2, nothing written'}`, function () {
      const file = path.join(dir, name);
      const data = bytes();
      fs.writeFileSync(file, data);
      for (const [locale, message] of [['zh-CN', zh], ['en', en]] as const) {
        const r = run(['--locale', locale, '--fix', file]);
        if (message.source === '^$') { assert.equal(r.status, 1, r.stderr); continue; }
        assert.equal(r.status, 2);
        const lines = stderrLines(r.stderr);
        assert.equal(lines.length, 1, r.stderr);
        assert.ok(lines[0].startsWith(`gov-report-lint: ${file}${locale === 'en' ? ': ' : '：'}`), lines[0]);
        assert.match(lines[0], message);
        const x = run(['--locale', locale, '--extract', file]);
        assert.equal(x.status, 2);
        assert.equal(x.stdout, '');
        assert.deepEqual(stderrLines(x.stderr), lines);
      }
      assert.ok(fs.readFileSync(file).equals(data));
    });
  }

  it('--extract: the decoded text of a text file; one file only; a missing file is exit 2', () => {
    const txt = path.join(dir, 'plain.txt');
    fs.writeFileSync(txt, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('报告\r\n正文', 'utf16le')]));
    const r = run(['--extract', txt]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '报告\r\n正文\n');
    const two = run(['--extract', txt, txt]);
    assert.equal(two.status, 2);
    assert.match(two.stderr, /--extract 只接受一个文件/);
    const missing = run(['--extract', path.join(dir, 'nope.docx')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.docx：文件不存在/);
    const template = path.join(dir, 'template.docx');
    fs.writeFileSync(template, blankTemplateDocx());
    assert.match(run(['--extract', template]).stdout, /\n一、本年新收政府信息公开申请数量\t{7}\n/);
  });

  it('the blank official template (.docx): every cell of the three tables is a blank cell, no row or table missing', () => {
    const template = path.join(dir, 'blank-template.docx');
    fs.writeFileSync(template, blankTemplateDocx());
    const { entries } = runJson([template]);
    const rules = entries[0].diagnostics.map((d: { rule: string }) => d.rule);
    // Every cell (a row's blank cells side by side are one finding: “……共 7 格未填写”), and table 三's columns blank
    // in all its rows said once on the table.
    const blanks = entries[0].diagnostics.filter((d) => d.rule === 'cell-blank' && !d.related);
    assert.equal(blanks.reduce((n, d) => n + Number(/共 (\d+) 格未填写/.exec(d.message)?.[1] ?? 1), 0), 10 + 25 * 7 + 15);
    assert.equal(entries[0].diagnostics.filter((d) => d.rule === 'cell-blank' && d.related).length, 1);
    assert.deepEqual(rules.filter((r: string) => ['row-cells', 'row-missing', 'table-missing'].includes(r)), []);
  });

  it('a directory is searched for .html and .htm as well', () => {
    const tree = path.join(dir, 'tree');
    fs.mkdirSync(tree);
    fs.writeFileSync(path.join(tree, 'a.html'), '<table><tr><td>一、本年新收</td><td>3</td></tr></table>');
    fs.writeFileSync(path.join(tree, 'b.HTM'), '<table><tr><td>一、本年新收</td><td>3</td></tr></table>');
    fs.writeFileSync(path.join(tree, 'c.txt'), '报告');
    fs.writeFileSync(path.join(tree, 'd.png'), 'x');
    const { entries } = runJson([tree]);
    assert.deepEqual(entries.map((e) => path.basename(e.file)), ['a.html', 'b.HTM', 'c.txt']);
  });
});
