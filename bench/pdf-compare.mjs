// Regression harness of the PDF reader beyond the test fixtures: the findings of this build's CLI and of another
// build's (the baseline: main's, before the reader changed) for the same PDFs, compared as rule ids on rows (the
// row is the first column of the extracted line a finding is on, so that a line more or less above it does not
// count). By default the PDFs are the saved web pages of ../shared/corpus-wild printed by headless Chromium, the
// published 018.pdf, and the PDFs of /usr/share/doc (for robustness: no crash, a sensible error).
//
//   npm run build && node bench/pdf-compare.mjs --baseline /work/main/server/out/cli.js [--out DIR] [FILE.pdf …]
//
// Prints one row per PDF (Markdown) and every difference; exits 1 when findings or errors differ.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i < 0 ? dflt : args.splice(i, 2)[1]; };
const baseline = opt('--baseline', '/work/main/server/out/cli.js');
const outDir = opt('--out', fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-compare-')));
const ours = path.join(root, 'server', 'out', 'cli.js');
const wild = path.resolve(root, '..', 'shared', 'corpus-wild');
const CHROMIUM = '/usr/bin/chromium';

/** A saved page printed to PDF by headless Chromium, offline, with a profile of its own. */
function printToPdf(html) {
  const pdf = path.join(outDir, `${path.basename(html, '.html')}.pdf`);
  if (fs.existsSync(pdf)) return pdf;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-compare-chromium-'));
  try {
    execFileSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, `--print-to-pdf=${pdf}`, `file://${html}`], { stdio: 'ignore', timeout: 60000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return pdf;
}

function defaultFiles() {
  const pages = fs.existsSync(CHROMIUM) ? fs.readdirSync(wild).filter((f) => f.endsWith('.html')).map((f) => printToPdf(path.join(wild, f))) : [];
  const docs = spawnSync('find', ['/usr/share/doc', '-name', '*.pdf'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  return [...pages, path.join(wild, '018_huaian_hongze_2024.pdf'), ...docs];
}

/** One CLI's view of a PDF: its findings as rule@row, or the error it gave, and the time it took. */
function lintWith(cli, file) {
  const t0 = performance.now();
  const json = spawnSync(process.execPath, [cli, '--locale', 'en', '--format', 'json', file], { encoding: 'utf8', timeout: 60000 });
  const ms = performance.now() - t0;
  const text = spawnSync(process.execPath, [cli, '--extract', file], { encoding: 'utf8', timeout: 60000 }).stdout.split('\n');
  if (json.status === 2 || json.status === null) return { error: (json.stderr.trim().split('\n')[0] ?? '').replace(file, '').replace(/^gov-report-lint: :? ?/, ''), findings: [], ms, text: [] };
  const [report] = JSON.parse(json.stdout);
  const row = (line) => (text[line] ?? '').trim().split(/ {2,}/)[0].slice(0, 20);
  const findings = report.diagnostics.map((d) => `${d.rule}@${row(d.range.start.line)}`).sort();
  return { error: null, findings, ms, text };
}

/** What one side has more than the other, as a multiset difference. */
function minus(a, b) {
  const left = [...b];
  return a.filter((x) => { const i = left.indexOf(x); if (i < 0) return true; left.splice(i, 1); return false; });
}

const files = args.length ? args : defaultFiles();
console.log(`PDF reader comparison — ${new Date().toISOString()}; baseline ${baseline}, ours ${ours}; load ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}\n`);
console.log('| PDF | baseline findings | ours | same rule ids on the same rows | text lines (baseline) | lines differing, spaces ignored (baseline only / ours only) | CLI time baseline / ours |');
console.log('|---|---|---|---|---|---|---|');
let differ = 0;
const notes = [];
for (const file of files) {
  const a = lintWith(baseline, file);
  const b = lintWith(ours, file);
  const onlyA = minus(a.findings, b.findings);
  const onlyB = minus(b.findings, a.findings);
  const same = a.error === b.error && onlyA.length === 0 && onlyB.length === 0;
  if (!same) differ++;
  const said = (r) => (r.error ? `error: ${r.error}` : `${r.findings.length}`);
  const lines = (r) => r.text.map((l) => l.replace(/\s+/g, '')).filter(Boolean);
  console.log(`| ${path.basename(file)} | ${said(a)} | ${said(b)} | ${same ? 'yes' : '**no**'} | ${lines(a).length} | ${minus(lines(a), lines(b)).length} / ${minus(lines(b), lines(a)).length} | ${a.ms.toFixed(0)} / ${b.ms.toFixed(0)} ms |`);
  if (onlyA.length || onlyB.length) notes.push(`${path.basename(file)}: baseline only ${JSON.stringify(onlyA)}; ours only ${JSON.stringify(onlyB)}`);
  if (a.error !== b.error && a.error && b.error) notes.push(`${path.basename(file)}: baseline «${a.error}»; ours «${b.error}»`);
}
console.log(`\n${files.length} PDFs, ${differ} differ${notes.length ? ':' : '.'}`);
for (const n of notes) console.log(`- ${n}`);
console.log(`PDFs printed in ${outDir}`);
process.exitCode = differ ? 1 : 0;
