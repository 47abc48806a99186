// Builds the temporary workspace the e2e suites, the UI tests and the Neovim and Emacs tests open. It always holds
// copies of the project's own examples (examples/), so that every clone runs them; copies of the shared corpora add
// cases when they are beside the repository (../shared/corpus and ../shared/corpus-wild, or $GOV_REPORT_CORPUS and
// $GOV_REPORT_CORPUS_WILD). Nothing is edited in place: the tests edit copies.
//   notes-a.txt                 defects-2022-pipe.md as plain text: its name matches no filename pattern, so it
//                               reaches gov-report through content detection only
//   2022年度报告-defects.txt     the same, named to match *年度报告*.txt
//   fix-heading.txt, fix-blank.txt, fix-all.txt   the same, edited by the quick-fix and fix-all tests
//   the examples as they are (the clean reports, the web page, the Word document, the PDF), broken.docx (a Word
//   document cut short) and an empty report to paste into
//   last-year-2023.txt, desk-completion.txt   clean-2023-row-per-line.txt, for the writer's desk
//   with the corpus: fix-000.txt, fix-001.txt, 2020年度报告-000.txt, balance-003.txt (003 with a row total wrong)
//   with --examples: examples/ in a folder of its own (the reviewer's desk reads the folder whole)
// usage: node make-workspace.js DEST [--examples]
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLES = path.join(ROOT, 'examples');
/** The example with findings of many rules (0-based lines: period-mismatch 2, section-title 56, cell-blank 76 …). */
const DEFECTS = 'defects-2022-pipe.md';
const DEFECT_COPIES = ['notes-a.txt', '2022年度报告-defects.txt', 'fix-heading.txt', 'fix-blank.txt', 'fix-all.txt'];

/** The shared corpus of tidy reports, or undefined. */
function findCorpus() {
  const dir = process.env.GOV_REPORT_CORPUS || path.resolve(ROOT, '../shared/corpus');
  return fs.existsSync(dir) && fs.readdirSync(dir).some((n) => n.endsWith('.txt')) ? dir : undefined;
}

/** The published forms of real reports (corpus-wild), or undefined. */
const WILD_NEEDED = ['005_pingtan_nyn_2021.html', '018_huaian_hongze_2024.pdf'];
function findWild() {
  const dir = process.env.GOV_REPORT_CORPUS_WILD || path.resolve(ROOT, '../shared/corpus-wild');
  return WILD_NEEDED.every((n) => fs.existsSync(path.join(dir, n))) ? dir : undefined;
}

/** A title and nothing else: a report to paste into (its name matches *年度报告*.txt). */
const PASTE_TARGET = '粘贴-年度报告.txt';
/** A Word document cut short: the zip's local header and a few bytes of deflated data. */
const BROKEN_DOCX = Buffer.from('504b0304140000000800000021000000000000000000000000001300000077', 'hex');

/** The corpus reports, and the copies the quick-fix, Emacs and preview tests edit. */
function addCorpus(dest, corpus, copy) {
  for (const n of fs.readdirSync(corpus).filter((n) => n.endsWith('.txt'))) copy(corpus, n);
  copy(corpus, '001_4f9cdb8381e45e30.txt', 'fix-001.txt');
  copy(corpus, '000_a4e415a0067ed183.txt', 'fix-000.txt');
  copy(corpus, '000_a4e415a0067ed183.txt', '2020年度报告-000.txt'); // matches the filename pattern *年度报告*.txt
  // Corpus 003 with one figure changed: 一、本年新收 自然人 2 where its row total says 0 (a balance error).
  const lines = fs.readFileSync(path.join(corpus, '003_79fee03082277bb8.txt'), 'utf8').split('\n');
  lines[lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量')) + 1] = '\t2';
  fs.writeFileSync(path.join(dest, 'balance-003.txt'), lines.join('\n'));
}

/** The examples in a folder of their own: the reviewer's desk reads it whole (a pair of years, documents, a README). */
function addExamples(dest) {
  fs.mkdirSync(path.join(dest, 'examples'), { recursive: true });
  for (const n of fs.readdirSync(EXAMPLES)) fs.copyFileSync(path.join(EXAMPLES, n), path.join(dest, 'examples', n));
}

/** `withExamples`: add the examples folder (the extension tests and the Reports view's UI test read the folder whole). */
function makeWorkspace(dest, { withExamples = false } = {}) {
  fs.mkdirSync(dest, { recursive: true });
  const copy = (dir, from, to = from) => {
    fs.copyFileSync(path.join(dir, from), path.join(dest, to));
    fs.chmodSync(path.join(dest, to), 0o644);
  };
  // The pair of years stays in examples/ only: two copies of one office's report for a year would make its pairing
  // ambiguous (the reviewer's tests read the pair there).
  for (const n of fs.readdirSync(EXAMPLES).filter((n) => n !== 'README.md' && !n.startsWith('year-pair-'))) copy(EXAMPLES, n);
  for (const n of DEFECT_COPIES) copy(EXAMPLES, DEFECTS, n);
  // A 2023 report (2021 format) to start next year's from; one to delete a row of and complete it again.
  copy(EXAMPLES, 'clean-2023-row-per-line.txt', 'last-year-2023.txt');
  copy(EXAMPLES, 'clean-2023-row-per-line.txt', 'desk-completion.txt');
  fs.writeFileSync(path.join(dest, 'broken.docx'), BROKEN_DOCX);
  fs.writeFileSync(path.join(dest, PASTE_TARGET), '某某局2021年政府信息公开工作年度报告\n\n');
  const corpus = findCorpus();
  if (corpus) addCorpus(dest, corpus, copy);
  const wild = findWild();
  if (wild) for (const n of WILD_NEEDED) copy(wild, n);
  if (withExamples) addExamples(dest);
  return { corpus, wild };
}

module.exports = { makeWorkspace, findCorpus, findWild, PASTE_TARGET, DEFECTS };

if (require.main === module) {
  const dest = process.argv[2];
  if (!dest) { console.error('usage: make-workspace.js DEST [--examples]'); process.exit(2); }
  const { corpus, wild } = makeWorkspace(path.resolve(dest), { withExamples: process.argv.includes('--examples') });
  console.log(`workspace ${dest}: the examples${corpus ? `, the corpus of ${corpus}` : ' (no shared corpus)'}${wild ? `, published reports of ${wild}` : ''}`);
}
