// Probe (dev only, nothing of it ships): would PDFium compiled to WebAssembly (@embedpdf/pdfium, a devDependency)
// read a PDF report faster than pdf.js, and to the same text? PDFium gives characters with their Unicode and
// boxes; this script groups them into runs as pdf.js groups its text items (same baseline, gaps under 0.6 em,
// a space for a gap over 0.102 em), lays the runs out with the reader's own layout step (pdfLayout.ts), and
// compares the text, the findings and the time with our reader (readPdf, pdf.js bundled as in production).
//
//   npm run build && node bench/pdfium-probe.mjs [--rounds 25] [--out DIR] [FILE.pdf …]
//   node bench/pdfium-probe.mjs --only pdfium|pdfjs --warm 3 --reads N FILE.pdf   (for callgrind: no output but
//     a line; run with --reads 0 and --reads N and divide the difference in instructions by N)
//
// Without files: corpus-wild 018 and the fixtures of test/fixtures/pdf/ that have a text layer.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i < 0 ? dflt : args.splice(i, 2)[1]; };
const rounds = Number(opt('--rounds', 25));
const only = opt('--only', null);
const warmReads = Number(opt('--warm', 5));
const reads = Number(opt('--reads', -1));
const outDir = opt('--out', path.join(os.tmpdir(), 'pdfium-probe'));
const fixtureDir = path.join(root, 'test', 'fixtures', 'pdf');
const files = args.length ? args : [
  path.resolve(root, '..', 'shared', 'corpus-wild', '018_huaian_hongze_2024.pdf'),
  ...['clean-2023', 'clean-2023.blank-cell', 'clean-2023.wrong-total', 'clean-2023.truncated-heading', 'clean-2023.missing-row', 'clean-2023.wrapped-labels', 'owner-password-only']
    .map((n) => path.join(fixtureDir, `${n}.pdf`)),
];
const LIMITS = { maxInputBytes: 20 * 1048576, maxInflatedBytes: 64 * 1048576, maxTextChars: 5 * 1048576, maxMillis: 10000 };

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const ms = (x) => x.toFixed(x >= 10 ? 1 : 2);
const rssMB = () => (process.memoryUsage().rss / 1048576).toFixed(1);

// ------------------------------------------------------------------ our side, bundled as bench/run.mjs does

async function bundles() {
  const esbuild = await import('esbuild');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pdfium-probe-'));
  const pdfjsApart = { name: 'pdfjs-apart', setup(b) { b.onResolve({ filter: /^\.\/pdfjs$/ }, () => ({ path: path.join(root, 'server', 'out', 'pdfjs.js'), external: true })); } };
  const out = {};
  for (const [name, src] of [['pdf', 'server/src/formats/pdf.ts'], ['layout', 'server/src/formats/pdfLayout.ts'], ['engine', 'server/src/engine/index.ts'], ['pdfs', 'test/support/pdfs.ts']]) {
    const file = path.join(tmp, `${name}.cjs`);
    await esbuild.build({ entryPoints: [path.join(root, src)], outfile: file, bundle: true, platform: 'node', target: 'node18', format: 'cjs', minify: true, logLevel: 'warning', legalComments: 'none', plugins: [pdfjsApart] });
    out[name] = require(file);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  return out;
}

// ------------------------------------------------------------------ PDFium

/** PDFium's exports called directly (the package's wrappers check arguments on every call, per character here). */
async function loadPdfium() {
  const { init } = await import('@embedpdf/pdfium');
  const wrapped = await init({}); // in Node it reads dist/pdfium.wasm beside the module: no network
  wrapped.FPDF_InitLibrary();
  return wrapped.pdfium;
}

/** pdf.js's bounds on a gap along a line, in ems (evaluator.js): a space above MIN, a new text item above MAX. */
const SPACE_IN_FLOW_MIN = 0.102;
const SPACE_IN_FLOW_MAX = 0.6;
const NEGATIVE_SPACE_MAX = -0.2;
const VERTICAL_SHIFT = 0.25;

/** A character of a page: where its baseline starts and its advance ends, y downward, and its em. */
function charAt(M, X, tp, i, height, scratch) {
  X.FPDFText_GetCharOrigin(tp, i, scratch, scratch + 8);
  const x = M.HEAPF64[scratch >> 3];
  const y = height - M.HEAPF64[(scratch >> 3) + 1];
  // The em as pdf.js gives it (font size × the text matrix's vertical scale): FPDFText_GetFontSize alone is
  // the Tf operand (439 for 018's 22-point title, drawn with Tm 0.05), and the loose box's height is the
  // font's ascent to descent, 1.33 em in Chromium's fonts.
  X.FPDFText_GetMatrix(tp, i, scratch + 16); // FS_MATRIX: a b c d e f
  const m = (scratch + 16) >> 2;
  const size = X.FPDFText_GetFontSize(tp, i) * Math.hypot(M.HEAPF32[m + 2], M.HEAPF32[m + 3]);
  X.FPDFText_GetLooseCharBox(tp, i, scratch + 40); // FS_RECTF: left top right bottom; right = origin + advance
  return { x, y, size, right: M.HEAPF32[((scratch + 40) >> 2) + 2] };
}

/** Drawn characters that are no text for the layout: spaces (pdf.js too makes spaces from gaps) and breaks. */
const isBlank = (code) => code === 0x20 || code === 0x0d || code === 0x0a || code === 0xa0 || code === 0x3000 || code === 0xfffe;

/**
 * The next character drawn one em below the last one at the same x: vertical writing (a label down a merged
 * cell), which pdf.ts reads as one horizontal run where it starts. PDFium does not say which fonts write
 * vertically, so this is told from the positions alone; figures are never joined this way.
 */
function isBelow(run, last, c, ch) {
  if (run.text.length > 1 && !run.vertical) return false;
  const step = (c.y - last.y) / run.size;
  return Math.abs(c.x - last.x) < 0.05 * run.size && step > 0.8 && step < 1.3 && !/[\d.,%]/.test(ch + run.text);
}

/** One page's characters as runs, grouped as pdf.js groups its text items; y downward. */
function pageRuns(M, X, page, stats) {
  const tp = X.FPDFText_LoadPage(page);
  const height = X.FPDF_GetPageHeightF(page);
  const n = X.FPDFText_CountChars(tp);
  const scratch = X.malloc(64);
  const runs = [];
  let run = null;
  let last = null;
  const push = () => { if (run) runs.push(run.vertical ? { ...run, width: run.text.length * run.size } : run); };
  for (let i = 0; i < n; i++) {
    const code = X.FPDFText_GetUnicode(tp, i);
    if (isBlank(code) || X.FPDFText_IsGenerated(tp, i)) continue;
    const angle = X.FPDFText_GetCharAngle(tp, i);
    if (Math.abs(Math.sin(angle)) > 0.05 || Math.cos(angle) < 0) { stats.turned++; continue; }
    const c = charAt(M, X, tp, i, height, scratch);
    const ch = String.fromCodePoint(code);
    if (code >= 0xe000 && code <= 0xf8ff) stats.privateUse++;
    if (run && isBelow(run, last, c, ch)) {
      run.vertical = true;
      run.text += ch;
      last = c;
      continue;
    }
    if (run && !run.vertical) {
      const gap = (c.x - last.right) / run.size;
      const sameLine = Math.abs(c.y - run.y) <= VERTICAL_SHIFT * run.size && Math.abs(c.size - run.size) < 0.01 * run.size;
      if (sameLine && gap >= NEGATIVE_SPACE_MAX && gap <= SPACE_IN_FLOW_MAX) {
        run.text += (gap > SPACE_IN_FLOW_MIN ? ' ' : '') + ch;
        run.width = c.right - run.x;
        last = c;
        continue;
      }
    }
    push();
    run = { text: ch, x: c.x, y: c.y, width: c.right - c.x, size: c.size };
    last = c;
  }
  push();
  X.free(scratch);
  X.FPDFText_ClosePage(tp);
  return runs;
}

const FPDF_ERRORS = ['success', 'unknown', 'file', 'format', 'password', 'security', 'page'];

/** The text of a PDF read with PDFium and laid out by pdfLayout.ts, as readPdf lays out pdf.js's items. */
function readWithPdfium(M, layout, bytes, stats = { turned: 0, privateUse: 0 }) {
  const X = M.wasmExports;
  const ptr = X.malloc(bytes.length);
  M.HEAPU8.set(bytes, ptr);
  const doc = X.FPDF_LoadMemDocument(ptr, bytes.length, 0);
  try {
    if (!doc) throw new Error(`PDFium: ${FPDF_ERRORS[X.FPDF_GetLastError()] ?? 'error'}`);
    const pages = [];
    for (let p = 0, n = X.FPDF_GetPageCount(doc); p < n; p++) {
      const page = X.FPDF_LoadPage(doc, p);
      if (X.FPDFPage_GetRotation(page) !== 0) stats.rotatedPages = (stats.rotatedPages ?? 0) + 1;
      pages.push(layout.layoutPage(pageRuns(M, X, page, stats)));
      X.FPDF_ClosePage(page);
    }
    return layout.joinPages(pages);
  } finally {
    if (doc) X.FPDF_CloseDocument(doc);
    X.free(ptr);
  }
}

// ------------------------------------------------------------------ comparing texts

/** Longest common subsequence of two arrays, as the pairs of indices it matches. */
function lcs(a, b) {
  const w = b.length + 1;
  const t = new Uint16Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      t[i * w + j] = a[i] === b[j] ? t[(i + 1) * w + j + 1] + 1 : Math.max(t[(i + 1) * w + j], t[i * w + j + 1]);
    }
  }
  const pairs = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) { pairs.push([i, j]); i++; j++; } else if (t[(i + 1) * w + j] >= t[i * w + j + 1]) i++; else j++;
  }
  return pairs;
}

/** The stretches of a and b that the common subsequence leaves out, side by side. */
function differences(a, b) {
  const out = [];
  let pi = 0;
  let pj = 0;
  for (const [i, j] of [...lcs(a, b), [a.length, b.length]]) {
    if (i > pi || j > pj) out.push({ at: pi, ours: a.slice(pi, i), theirs: b.slice(pj, j) });
    pi = i + 1;
    pj = j + 1;
  }
  return out;
}

function compareTexts(ours, theirs) {
  const chars = (t) => Array.from(t.replace(/\s+/g, ''));
  const lines = (t) => t.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const byChar = differences(chars(ours), chars(theirs));
  const byLine = differences(lines(ours), lines(theirs));
  const changedLines = byLine.reduce((n, d) => n + Math.max(d.ours.length, d.theirs.length), 0);
  const columns = (t) => lines(t).map((l) => l.split(/ {2,}/).length).join(',');
  return { byChar, byLine, changedLines, sameText: ours === theirs, sameColumns: columns(ours) === columns(theirs) };
}

const findingsOf = (engine, text) => engine.lint(text).findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
  .map((f) => `${f.rule}@${f.range.start.line + 1}:${text.split('\n')[f.range.start.line].trim().split(/ {2,}/)[0].slice(0, 24)}`);

// ------------------------------------------------------------------ the test suite's other PDFs

const CJK_LINE = '政府信息公开工作年度报告，本年新收申请二十六件';
/** test/formats/pdf.test.ts's PDF in STSong-Light, named and not embedded, UCS-2 codes (UniGB-UCS2-H). */
function stSongPdf(pdfs) {
  const codes = Array.from(CJK_LINE, (c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  return pdfs.onePagePdf(Buffer.from(`BT /F1 14 Tf 72 720 Td <${codes}> Tj ET`), [
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}

/** What PDFium makes of the PDFs that our reader refuses or needs help with (no timing: one read each). */
async function edgeCases(M, ours) {
  console.log('\n== the other PDFs of the tests (PDFium only: what it gives, in how long, and how much memory it keeps)');
  const clean = new Uint8Array(fs.readFileSync(path.join(fixtureDir, 'clean-2023.pdf')));
  const cases = [
    ['scan.pdf (an image, no text layer)', new Uint8Array(fs.readFileSync(path.join(fixtureDir, 'scan.pdf')))],
    ['password.pdf', new Uint8Array(fs.readFileSync(path.join(fixtureDir, 'password.pdf')))],
    ['clean-2023.pdf cut in half (our reader refuses it before parsing: no %%EOF)', clean.slice(0, clean.length >> 1)],
    ['not a PDF', new TextEncoder().encode('<html>not a report</html>')],
    ['STSong-Light not embedded (pdf.js needs pdfjs-dist\'s CMap files)', stSongPdf(ours.pdfs)],
    ['flate bomb: a 1 MB file whose content stream inflates to 256 MiB', ours.pdfs.flateBomb(256)],
  ];
  for (const [label, bytes] of cases) {
    const rss = process.memoryUsage().rss;
    const t0 = performance.now();
    let said;
    try { said = JSON.stringify(readWithPdfium(M, ours.layout, bytes).trim().slice(0, 60)); } catch (e) { said = `throws ${e.message}`; }
    console.log(`${label}: ${said} in ${ms(performance.now() - t0)} ms, RSS +${((process.memoryUsage().rss - rss) / 1048576).toFixed(0)} MB (wasm memory ${(M.HEAPU8.length / 1048576).toFixed(0)} MB)`);
  }
}

// ------------------------------------------------------------------ main

async function timeRead(fn) {
  for (let i = 0; i < warmReads; i++) await fn();
  const xs = [];
  for (let i = 0; i < rounds; i++) { const t0 = performance.now(); await fn(); xs.push(performance.now() - t0); }
  return median(xs);
}

async function callgrindRun() {
  const bytes = new Uint8Array(fs.readFileSync(files[0]));
  const { layout, pdf } = await bundles();
  const M = only === 'pdfium' ? await loadPdfium() : null;
  const slow = { ...LIMITS, maxMillis: 3_600_000 }; // under valgrind a read takes seconds
  const read = only === 'pdfium' ? async () => readWithPdfium(M, layout, bytes) : async () => (await pdf.readPdf(bytes, slow)).text;
  for (let i = 0; i < warmReads; i++) await read();
  for (let i = 0; i < reads; i++) await read();
  console.log(`${only}: ${warmReads} warm-up + ${reads} reads of ${path.basename(files[0])}`);
}

async function main() {
  if (only) return callgrindRun();
  console.log(`PDFium probe — ${new Date().toISOString()}, node ${process.version}, load ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`);
  const rss0 = rssMB();
  let t0 = performance.now();
  const M = await loadPdfium();
  const coldPdfium = performance.now() - t0;
  console.log(`PDFium instantiated (import + compile + instantiate 4.6 MB wasm + FPDF_InitLibrary): ${ms(coldPdfium)} ms, RSS ${rss0} → ${rssMB()} MB`);
  const ours = await bundles();
  fs.mkdirSync(outDir, { recursive: true });
  for (const file of files) {
    const name = path.basename(file, '.pdf');
    const bytes = new Uint8Array(fs.readFileSync(file));
    const stats = { turned: 0, privateUse: 0 };
    t0 = performance.now();
    const theirs = readWithPdfium(M, ours.layout, bytes, stats);
    const firstPdfium = performance.now() - t0;
    t0 = performance.now();
    const mine = (await ours.pdf.readPdf(bytes, LIMITS)).text;
    const firstPdfjs = performance.now() - t0;
    fs.writeFileSync(path.join(outDir, `${name}.pdfjs.txt`), mine);
    fs.writeFileSync(path.join(outDir, `${name}.pdfium.txt`), theirs);
    const cmp = compareTexts(mine, theirs);
    const f1 = findingsOf(ours.engine, mine);
    const f2 = findingsOf(ours.engine, theirs);
    console.log(`\n== ${name}: ${bytes.length} bytes; first read pdf.js ${ms(firstPdfjs)} ms, PDFium ${ms(firstPdfium)} ms`);
    console.log(`text: ${mine.length} vs ${theirs.length} chars; identical: ${cmp.sameText}; same columns per line: ${cmp.sameColumns}; lines differing (trimmed): ${cmp.changedLines}; skipped turned chars ${stats.turned}, private-use ${stats.privateUse}, rotated pages ${stats.rotatedPages ?? 0}`);
    console.log(`characters without whitespace: ${cmp.byChar.length === 0 ? 'the same, in the same order' : `${cmp.byChar.length} differences`}`);
    for (const d of cmp.byChar.slice(0, 12)) console.log(`  at ${d.at}: pdf.js «${d.ours.join('')}» PDFium «${d.theirs.join('')}»`);
    for (const d of cmp.byLine.slice(0, 12)) console.log(`  lines: pdf.js ${JSON.stringify(d.ours)}\n         PDFium ${JSON.stringify(d.theirs)}`);
    console.log(`findings (error/warning): pdf.js ${JSON.stringify(f1)}; PDFium ${JSON.stringify(f2)}${JSON.stringify(f1) === JSON.stringify(f2) ? ' (the same)' : ''}`);
    // Interleaved, so that both see the same load.
    const a = [];
    const b = [];
    for (let r = 0; r < 3; r++) {
      a.push(await timeRead(async () => ours.engine.lint((await ours.pdf.readPdf(bytes, LIMITS)).text)));
      b.push(await timeRead(async () => ours.engine.lint(readWithPdfium(M, ours.layout, bytes))));
    }
    console.log(`warm read + lint, median of ${rounds} after ${warmReads} warm-ups, 3 interleaved blocks: pdf.js ${a.map(ms).join(' / ')} ms, PDFium ${b.map(ms).join(' / ')} ms`);
  }
  await edgeCases(M, ours);
  console.log(`\nRSS at the end ${rssMB()} MB; load ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}; texts in ${outDir}`);
}

await main();
