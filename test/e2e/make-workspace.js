// Builds the temporary workspace the e2e suite and the UI smoke test open: copies of corpus reports
// (the corpus itself is never edited). Corpus names (000_….txt) match none of the extension's
// filenamePatterns, so those copies reach gov-report only through content detection; one copy is
// named to match *年度报告*.txt. Exit code 3 = corpus not found (callers skip).
// Published documents for "Open as report" and "Paste as report text": a saved web page and a PDF of
// corpus-wild (beside the repository, or $GOV_REPORT_CORPUS_WILD; left out when absent, and the tests that
// need them skip), a damaged Word document, and an empty report to paste into.
// With --examples, the repository's examples/ too, in a folder of their own (the reviewer's desk, issue 10).
// usage: node make-workspace.js DEST [--examples]   (env GOV_REPORT_CORPUS overrides the corpus folder)
const fs = require('fs');
const path = require('path');

const NEEDED = ['000_a4e415a0067ed183.txt', '001_4f9cdb8381e45e30.txt'];

function findCorpus() {
  const root = path.resolve(__dirname, '../..');
  const candidates = [process.env.GOV_REPORT_CORPUS, '/work/shared/corpus', path.resolve(root, '../shared/corpus')].filter(Boolean);
  return candidates.find((c) => NEEDED.every((n) => fs.existsSync(path.join(c, n))));
}

/** The published forms of real reports (../shared/corpus-wild), or undefined. */
const WILD_NEEDED = ['005_pingtan_nyn_2021.html', '005_pingtan_nyn_2021.copy.txt', '018_huaian_hongze_2024.pdf'];
function findWild() {
  const root = path.resolve(__dirname, '../..');
  const candidates = [process.env.GOV_REPORT_CORPUS_WILD, path.resolve(root, '../shared/corpus-wild')].filter(Boolean);
  return candidates.find((c) => WILD_NEEDED.every((n) => fs.existsSync(path.join(c, n))));
}

/** A title and nothing else: a report to paste into (its name matches *年度报告*.txt). */
const PASTE_TARGET = '粘贴-年度报告.txt';
/** A Word document cut short: the zip's local header and a few bytes of deflated data. */
const BROKEN_DOCX = Buffer.from('504b0304140000000800000021000000000000000000000000001300000077', 'hex');

function addPublished(dest) {
  const wild = findWild();
  if (wild) for (const n of ['005_pingtan_nyn_2021.html', '018_huaian_hongze_2024.pdf']) fs.copyFileSync(path.join(wild, n), path.join(dest, n));
  fs.writeFileSync(path.join(dest, 'broken.docx'), BROKEN_DOCX);
  fs.writeFileSync(path.join(dest, PASTE_TARGET), '某某局2021年政府信息公开工作年度报告\n\n');
}

/**
 * The examples (examples/ of the repository) in a folder of their own: the reviewer's desk (issue 10) reads the
 * folder as a whole: the pair of one office for 2022 and 2023, published documents, and a README that is no report.
 */
function addExamples(dest) {
  const from = path.resolve(__dirname, '../../examples');
  fs.mkdirSync(path.join(dest, 'examples'), { recursive: true });
  for (const n of fs.readdirSync(from)) fs.copyFileSync(path.join(from, n), path.join(dest, 'examples', n));
}

/** `withExamples`: add the examples folder (the extension tests and the Reports view's UI test read the folder whole). */
function makeWorkspace(dest, { withExamples = false } = {}) {
  const corpus = findCorpus();
  if (!corpus) return null;
  fs.mkdirSync(dest, { recursive: true });
  const copy = (from, to) => {
    fs.copyFileSync(path.join(corpus, from), path.join(dest, to));
    fs.chmodSync(path.join(dest, to), 0o644);
  };
  for (const n of fs.readdirSync(corpus).filter((n) => n.endsWith('.txt'))) copy(n, n);
  copy('001_4f9cdb8381e45e30.txt', 'notes-a.txt'); // content detection only
  copy('001_4f9cdb8381e45e30.txt', 'fix-001.txt'); // edited by the quick-fix tests
  copy('000_a4e415a0067ed183.txt', 'fix-000.txt'); // edited by the quick-fix tests
  copy('000_a4e415a0067ed183.txt', '2020年度报告-000.txt'); // matches the filename pattern *年度报告*.txt
  addPublished(dest);
  // Corpus 003 with one figure changed: 一、本年新收 自然人 2 where its row total says 0 (a balance error).
  const lines = fs.readFileSync(path.join(corpus, '003_79fee03082277bb8.txt'), 'utf8').split('\n');
  lines[lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量')) + 1] = '\t2';
  fs.writeFileSync(path.join(dest, 'balance-003.txt'), lines.join('\n'));
  // A 2023 report (2021 format) to start next year's from; one to delete a row of and complete it again.
  const examples = path.resolve(__dirname, '../../examples');
  fs.copyFileSync(path.join(examples, 'clean-2023-row-per-line.txt'), path.join(dest, 'last-year-2023.txt'));
  fs.copyFileSync(path.join(examples, 'clean-2023-row-per-line.txt'), path.join(dest, 'desk-completion.txt'));
  if (withExamples) addExamples(dest);
  return corpus;
}

module.exports = { makeWorkspace, findCorpus, findWild, PASTE_TARGET };

if (require.main === module) {
  const dest = process.argv[2];
  if (!dest) { console.error('usage: make-workspace.js DEST [--examples]'); process.exit(2); }
  const corpus = makeWorkspace(path.resolve(dest), { withExamples: process.argv.includes('--examples') });
  if (!corpus) {
    console.log('SKIP: corpus not found (looked in $GOV_REPORT_CORPUS, /work/shared/corpus, ../shared/corpus)');
    process.exit(3);
  }
  console.log(`workspace ${dest} from ${corpus}`);
}
