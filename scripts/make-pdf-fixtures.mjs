// Makes the PDF fixtures of test/fixtures/pdf/ (committed; tests never run this): the clean 2023 example
// printed by Chromium with its tables as real tables, the same with one defect each, a scan (an image, no
// text layer) and password-protected copies (qpdf).
//
//   node scripts/make-pdf-fixtures.mjs      needs: apt-get install -y chromium fonts-wqy-microhei qpdf
//                                           and, for the LibreOffice prints, libreoffice-writer-nogui
//
// Two more are printed by LibreOffice, another producer: the example Word document (its tables' cells keep their
// text at the top, labels wrap in narrow columns) and the example web page (Writer/Web's own layout).
//
// Each row-per-line table (consecutive lines holding tabs) becomes an HTML table: a leading empty field is
// the merged cell above it (rowspan), an empty field after a cell widens that cell (colspan), and a row's
// labels stretch to the first of its figures, as in the published template.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'test', 'fixtures', 'pdf');
const chromium = process.env.CHROMIUM || 'chromium';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-report-pdf-'));
const clean = fs.readFileSync(path.join(root, 'examples', 'clean-2023-row-per-line.txt'), 'utf8');

/** Replace field k of the first line starting with `start` (the same edits as test/engine/inject.test.ts). */
function setField(text, start, k, value) {
  return text.split('\n').map((l, i, all) => {
    if (all.findIndex((x) => x.startsWith(start)) !== i) return l;
    const f = l.split('\t');
    f[k] = value;
    return f.join('\t');
  }).join('\n');
}
function removeLines(text, from, to) {
  const lines = text.split('\n');
  const a = lines.findIndex((l) => l.startsWith(from));
  const b = lines.findIndex((l, i) => i > a && l.startsWith(to));
  lines.splice(a, b - a);
  return lines.join('\n');
}

// One defect each, named by the defect: the lead's injection tests read them.
const variants = {
  'clean-2023': { text: clean },
  'clean-2023.blank-cell': { text: setField(clean, '三、本年度办理结果', 2, '') }, // 予以公开 · 自然人
  'clean-2023.wrong-total': { text: setField(clean, '三、本年度办理结果', 8, '13') }, // 予以公开 · 总计 12 → 13
  'clean-2023.truncated-heading': { text: clean.replace('三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请情') },
  'clean-2023.missing-row': { text: removeLines(clean, '\t（二）部分公开', '\t（三）不予公开') },
  // Portrait, with long labels wrapped in their cells and the figures centred beside them (like 018).
  'clean-2023.wrapped-labels': { text: clean, portrait: true },
};

const VALUE = /^(?:[+-]?\d[\d,.]*|\/|—|-|无)$/;
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The HTML table of some row-per-line rows. */
function tableHtml(rows) {
  const fields = rows.map((r) => r.split('\t'));
  // A row's figures: the fields after its last label, a blank among them being a blank cell.
  const values = (f) => { let n = 0; while (n < f.length && (VALUE.test(f[f.length - 1 - n]) || f[f.length - 1 - n] === '')) n++; return f.slice(f.length - n).some((x) => x !== '') ? n : 0; };
  const data = fields.filter((f) => values(f) > 0);
  const width = Math.max(...fields.map((f) => f.length));
  const labelCols = data.length ? Math.max(...data.map((f) => f.length - values(f))) : 0;
  const above = new Array(width).fill(null); // the cell occupying each column in the row above
  const rowCells = [];
  for (const f of fields) {
    const v = values(f);
    const cells = [];
    let col = 0;
    let k = 0;
    for (; k < f.length && f[k] === '' && above[col]; k++) { // merged from above: widen that cell down
      const cell = above[col];
      cell.rowspan++;
      col = cell.col + cell.colspan;
    }
    for (; k < f.length; k++) {
      if (f[k] === '' && cells.length && k < f.length - v) { cells[cells.length - 1].colspan++; col++; continue; }
      const isLabel = k < f.length - v;
      const cell = { text: f[k], col, colspan: 1, rowspan: 1, label: isLabel };
      if (isLabel && v > 0 && k === f.length - v - 1) cell.colspan = Math.max(1, width - v - col); // to the figures
      else if (!v && cells.length === 0 && col === 0) cell.colspan = Math.max(1, labelCols);
      cells.push(cell);
      col += cell.colspan;
    }
    // Columns left at the end: the cell above that starts there runs down; otherwise the last cell widens.
    while (col < width) {
      const cell = above[col];
      if (cell && cell.col === col) { cell.rowspan++; col += cell.colspan; } else if (cells.length) { cells[cells.length - 1].colspan += width - col; col = width; } else break;
    }
    for (const c of cells) for (let i = c.col; i < c.col + c.colspan; i++) above[i] = c;
    rowCells.push(cells);
  }
  // Written once all rows are read: a cell's rowspan grows with the rows below it.
  const td = (c) => `<td${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${c.label ? ' class="label"' : ''}>${esc(c.text)}</td>`;
  return `<table>${rowCells.map((cells) => `<tr>${cells.map(td).join('')}</tr>`).join('\n')}</table>`;
}

function reportHtml(text, { portrait = false } = {}) {
  const body = [];
  const lines = text.replace(/\n+$/, '').split('\n');
  for (let i = 0; i < lines.length;) {
    if (lines[i].includes('\t')) {
      const rows = [];
      while (i < lines.length && lines[i].includes('\t')) rows.push(lines[i++]);
      body.push(tableHtml(rows));
    } else {
      if (lines[i].trim()) body.push(`<p>${esc(lines[i])}</p>`);
      i++;
    }
  }
  const page = portrait ? 'A4 portrait' : 'A4 landscape';
  const labels = portrait ? 'td.label { text-align: left; }' : 'td.label { text-align: left; white-space: nowrap; }';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@page { size: ${page}; margin: 18mm 16mm; }
body { font-family: "WenQuanYi Micro Hei", sans-serif; font-size: 12pt; line-height: 1.6; }
p { margin: 0 0 4pt; text-indent: 2em; }
table { border-collapse: collapse; margin: 4pt 0 8pt; font-size: 9pt; line-height: 1.3; }
td { border: 0.6pt solid #000; padding: 2pt 4pt; text-align: center; vertical-align: middle; min-width: 2.2em; }
${labels}
</style></head><body>
${body.join('\n')}
</body></html>`;
}

/** A scanned page: the report's title and a ruled table drawn on a canvas, which prints as an image. */
const scanHtml = `<!doctype html><html><head><meta charset="utf-8"><style>@page { size: A4; margin: 0 } body { margin: 0 }</style></head>
<body><canvas id="c" width="620" height="877" style="width: 210mm; height: 296mm"></canvas><script>
const g = document.getElementById('c').getContext('2d');
g.fillStyle = '#f4f1ea'; g.fillRect(0, 0, 620, 877); g.fillStyle = '#222';
g.font = '22px "WenQuanYi Micro Hei"'; g.fillText('某市某区某街道办事处2023年政府信息公开工作年度报告', 40, 90);
g.font = '14px "WenQuanYi Micro Hei"';
for (let r = 0; r < 12; r++) { g.strokeRect(40, 140 + r * 28, 540, 28); g.fillText('第' + (r + 1) + '行\u3000\u30000\u3000\u30000\u3000\u30000\u3000\u30000', 50, 160 + r * 28); }
</script></body></html>`;

function print(html, file) {
  const src = path.join(tmp, `${path.basename(file, '.pdf')}.html`);
  fs.writeFileSync(src, html);
  execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', '--virtual-time-budget=2000', `--print-to-pdf=${file}`, src], { stdio: ['ignore', 'ignore', 'pipe'] });
}

fs.mkdirSync(outDir, { recursive: true });
for (const [name, v] of Object.entries(variants)) print(reportHtml(v.text, v), path.join(outDir, `${name}.pdf`));
print(scanHtml, path.join(outDir, 'scan.pdf'));

const cleanPdf = path.join(outDir, 'clean-2023.pdf');
// A password to open it (the reader cannot read it), and only an owner password (restrictions; it opens as usual).
execFileSync('qpdf', ['--encrypt', 'secret', 'owner-secret', '256', '--', cleanPdf, path.join(outDir, 'password.pdf')]);
execFileSync('qpdf', ['--encrypt', '', 'owner-secret', '256', '--extract=n', '--modify=none', '--', cleanPdf, path.join(outDir, 'owner-password-only.pdf')]);
// Every page turned a quarter by /Rotate 90 (the content as it was): it reads to the same text.
execFileSync('qpdf', ['--rotate=+90', '--', cleanPdf, path.join(outDir, 'clean-2023.rotated.pdf')]);

/** `file` printed by LibreOffice with `filter`, as `<stem>.libreoffice.pdf`. */
function printWithLibreOffice(file, filter) {
  const profile = `file://${path.join(tmp, 'lo-profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', tmp, file], { stdio: ['ignore', 'ignore', 'pipe'] });
  const stem = path.basename(file, path.extname(file));
  fs.copyFileSync(path.join(tmp, `${stem}.pdf`), path.join(outDir, `${stem}.libreoffice.pdf`));
}
const wordExample = path.join(root, 'examples', 'clean-2021-word.docx');
printWithLibreOffice(wordExample, 'pdf');
printWithLibreOffice(path.join(root, 'examples', 'defects-2021-web-page.html'), 'pdf:writer_web_pdf_Export');
// The same document with every cell's text centred vertically, and at the bottom (w:vAlign); and with one defect
// in the row of 4.保护第三方合法权益 (自然人 1, 总计 1): a wrong total with the cells centred, a blank cell with
// the cells at the bottom.
const word = unzipSync(fs.readFileSync(wordExample));
const aligned = (align) => strFromU8(word['word/document.xml']).replaceAll('</w:tcPr>', `<w:vAlign w:val="${align}"/></w:tcPr>`);
/** The document.xml `xml` with the `k`-th figure cell (0-based) of the row labelled `label` holding `value`. */
function setFigure(xml, label, k, value) {
  return xml.replace(/<w:tr>(?:(?!<\/w:tr>)[\s\S])*<\/w:tr>/g, (row) => {
    if (!row.includes(`>${label}<`)) return row;
    let n = -1;
    return row.replace(/<w:t xml:space="preserve">(\d+)<\/w:t>/g, (whole) => (++n === k ? (value === '' ? '' : `<w:t xml:space="preserve">${value}</w:t>`) : whole));
  });
}
const wordVariants = {
  'clean-2021-word.centred': aligned('center'),
  'clean-2021-word.bottom': aligned('bottom'),
  'clean-2021-word.centred.wrong-total': setFigure(aligned('center'), '4.保护第三方合法权益', 6, '2'),
  'clean-2021-word.bottom.blank-cell': setFigure(aligned('bottom'), '4.保护第三方合法权益', 0, ''),
};
for (const [stem, xml] of Object.entries(wordVariants)) {
  const file = path.join(tmp, `${stem}.docx`);
  fs.writeFileSync(file, zipSync({ ...word, 'word/document.xml': strToU8(xml) }));
  printWithLibreOffice(file, 'pdf');
}

fs.rmSync(tmp, { recursive: true, force: true });
for (const f of fs.readdirSync(outDir).sort()) console.log(`${f.padEnd(40)} ${fs.statSync(path.join(outDir, f)).size} bytes`);
