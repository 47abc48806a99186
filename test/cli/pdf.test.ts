// PDF files through the CLI, where two kinds of thread meet: every file is linted in a worker thread of the
// pool (with a time budget), and a PDF is read by pdf.js in a thread of its own that the linting thread starts.
// Also the input limit for documents, which input.ts applies before any reader sees the bytes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, repoRoot, run, runJson, tempDir } from './helpers';

const pdfFixture = (name: string) => path.join(repoRoot, 'test', 'fixtures', 'pdf', name);
const stderrLines = (s: string) => s.split('\n').filter((l) => l !== '');

/**
 * A PDF of `pages` pages of `lines` short text lines each, uncompressed: small in memory but slow for pdf.js
 * (12,000 × 40 takes it about 10 s, its own deadline, on the 2-core test machine).
 */
function manyPagesPdf(pages: number, lines: number): Buffer {
  const objs: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  let content = 'BT /F1 8 Tf 20 780 Td';
  for (let l = 0; l < lines; l++) content += ` 0 -9 Td (r${l}) Tj`;
  content += ' ET';
  const kids: string[] = [];
  for (let p = 0; p < pages; p++) {
    const page = objs.length + 1;
    kids.push(`${page} 0 R`);
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${page + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`);
    objs.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  objs[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return Buffer.from(`${out}${xref}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${out.length}\n%%EOF\n`, 'latin1');
}

describe('cli: PDF files in the worker pool', function () {
  this.timeout(60000);
  let dir = '';

  before(function () {
    this.timeout(120000);
    ensureBuilt();
    dir = tempDir();
  });

  it('a PDF is read inside a linting thread: its findings are those of its --extract text, with a note', () => {
    const file = path.join(dir, 'wrong-total.pdf');
    fs.copyFileSync(pdfFixture('clean-2023.wrong-total.pdf'), file);
    const extracted = run(['--extract', file]);
    assert.equal(extracted.status, 0, extracted.stderr);
    const txt = path.join(dir, 'wrong-total.txt');
    fs.writeFileSync(txt, extracted.stdout.replace(/\n$/, ''));
    const a = runJson([file]);
    assert.equal(a.run.status, 1, a.run.stderr);
    assert.deepEqual(stderrLines(a.run.stderr), [`${file}：PDF 文件中的文字已提取，结果的位置指提取出的文本（可用 --extract 查看）`]);
    const rules = a.entries[0].diagnostics.map((d) => d.rule);
    assert.deepEqual(rules, ['balance-outcome-total', 'balance-row-total']);
    assert.deepEqual(a.entries[0].diagnostics, runJson([txt]).entries[0].diagnostics);
  });

  it('--fix-suggestions never rewrites a PDF: it says how many fixes were available, exit 2, bytes unchanged', () => {
    const file = path.join(dir, 'fix.pdf');
    fs.copyFileSync(pdfFixture('clean-2023.wrong-total.pdf'), file);
    const before = fs.readFileSync(file);
    const r = run(['--locale', 'en', '--fix-suggestions', file]);
    assert.equal(r.status, 2, r.stderr);
    const said = stderrLines(r.stderr).filter((l) => l.includes('never rewritten'));
    assert.deepEqual(said, [`gov-report-lint: ${file}: 1 fix available, but a PDF file is never rewritten; make the changes in the original`]);
    assert.ok(fs.readFileSync(file).equals(before));
    assert.deepEqual(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
  });

  it('a scan and a password-protected PDF: one line each, exit 2', () => {
    const r = run(['--locale', 'en', pdfFixture('scan.pdf'), pdfFixture('password.pdf')]);
    assert.equal(r.status, 2);
    const lines = stderrLines(r.stderr);
    assert.equal(lines.length, 2, r.stderr);
    assert.match(lines[0], /scan\.pdf: no text to read in the PDF file \(.*OCR/);
    assert.match(lines[1], /password\.pdf: the PDF file is encrypted \(password-protected\): remove the password first/);
  });

  it('several linting threads reading PDFs at once: every one is read (the memory watch is the whole process\'s)', () => {
    const tree = path.join(dir, 'many');
    fs.mkdirSync(tree);
    for (let i = 0; i < 16; i++) fs.copyFileSync(pdfFixture('clean-2023.pdf'), path.join(tree, `r${String(i).padStart(2, '0')}.pdf`));
    const r = runJson([tree], { env: { GOV_REPORT_LINT_JOBS: '8' } });
    assert.equal(r.run.status, 0, r.run.stderr);
    assert.equal(r.entries.length, 16);
    assert.deepEqual(stderrLines(r.run.stderr).filter((l) => !l.includes('PDF 文件中的文字已提取')), []);
  });

  it('the per-file time budget ends a PDF read under way (and the reader\'s thread with it); the next file is linted', () => {
    const slow = path.join(dir, 'slow.pdf');
    fs.writeFileSync(slow, manyPagesPdf(12000, 40));
    const next = path.join(dir, 'next.txt');
    fs.writeFileSync(next, '报告\n');
    const started = Date.now();
    const r = run(['--locale', 'en', slow, next], { env: { GOV_REPORT_LINT_TIMEOUT: '1' } });
    const seconds = (Date.now() - started) / 1000;
    assert.equal(r.status, 2, r.stderr);
    assert.deepEqual(stderrLines(r.stderr), [`gov-report-lint: ${slow}: checking took more than 1 s and was stopped (with --fix the file is either unchanged or fully fixed)`]);
    assert.match(r.stdout, /^.*next\.txt:1:1 /m);
    // Read to its end, or to the reader's own 10 s deadline, the PDF would keep the process alive far longer.
    assert.ok(seconds < 7, `the run took ${seconds} s`);
  });

  for (const [name, head] of [['big.pdf', '%PDF-1.4\n'], ['big.html', '<html><body><table><tr><td>']] as const) {
    it(`${name} over 20 MB: not read (nor given to a reader), exit 2 with the limit, for --extract too`, () => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, Buffer.concat([Buffer.from(head), Buffer.alloc(21 * 1048576, 0x20)]));
      const message = `gov-report-lint: ${file}: 21 MB, larger than the limit of 20 MB; not checked`;
      const r = run(['--locale', 'en', file]);
      assert.equal(r.status, 2);
      assert.deepEqual(stderrLines(r.stderr), [message]);
      const x = run(['--locale', 'en', '--extract', file]);
      assert.equal(x.status, 2);
      assert.equal(x.stdout, '');
      assert.deepEqual(stderrLines(x.stderr), [message]);
    });
  }
});
