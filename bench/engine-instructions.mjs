// Instructions per lint of each report, counted with valgrind (callgrind): repeatable on a loaded machine where
// wall time swings ±30 %. Builds the engine bundle as bench/run.mjs does, then runs one child under callgrind that
// warms up (lints every document in turn, so the optimising compiler is done), then for each document calls
// Math.acosh (a marker: callgrind --dump-before starts a new part there) and lints it N times, in three batches.
// The cheapest batch / N is the figure: what a batch pays for GC varies from run to run (V8 schedules full GCs by
// heap growth and measured GC speed, i.e. by wall time, which a loaded machine changes), so the cheapest batch is
// the repeatable one; the median batch is printed beside it. The same for the floor (split lines, read every char)
// gives the ratio.
//
//   node bench/engine-instructions.mjs [--n 20] [--warm 80] [--only 000,001] [--keep DIR]
//
// The child runs with V8's --single-threaded: compilation and GC on the main thread, so that what a lint costs is
// counted once and in its batch (with helper threads, a batch counted whatever they happened to do meanwhile).
// --names builds the bundle unminified (function names for profiles; counts differ a little). --perf-map makes the children write /tmp/perf-<pid>.map (node --perf-basic-prof), which names the JIT code
// that callgrind_annotate shows as bare addresses. --keep DIR leaves the callgrind files there (callgrind_annotate DIR/lint.out.<part>). Needs valgrind on PATH.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { floor } from './floor.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = process.env.GOV_REPORT_CORPUS || path.resolve(root, '..', 'shared', 'corpus');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

function documents() {
  const read = (dir, re, prefix) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => re.test(f) && f !== 'README.md').sort()
    .map((f) => ({ name: `${prefix}${f}`, file: path.join(dir, f) })) : []);
  return [...read(corpusDir, /\.txt$/, ''), ...read(path.join(root, 'examples'), /\.(txt|md)$/, 'examples/')];
}

// ---------------------------------------------------------------- the child: warm up, then N calls

/** Batches per document: the cheapest of three is the one that GC disturbed least. */
const BATCHES = 3;

if (args[0] === '--child') {
  const [, bundle, mode, n, warm, only] = args;
  const engine = createRequire(import.meta.url)(bundle);
  const texts = documents().map((d) => ({ name: d.name, text: fs.readFileSync(d.file, 'utf8') }));
  const lint = (t) => engine.lint(t);
  // One function runs both the warm-up and the batches, so no batch pays for compiling its loop.
  const repeat = (fn, text, times) => { let sink = 0; for (let i = 0; i < times; i++) sink += fn(text) ? 1 : 0; return sink; };
  let sink = 0;
  for (let r = 0; r < Number(warm); r++) for (const d of texts) sink += repeat(lint, d.text, 1) + repeat(floor, d.text, 1);
  for (const d of texts.filter((t) => only === '-' || only.split(',').some((o) => t.name.includes(o)))) {
    for (let batch = 0; batch < BATCHES; batch++) {
      sink += Math.acosh(2); // the marker: a part per batch
      sink += repeat(mode === 'floor' ? floor : lint, d.text, Number(n));
    }
  }
  Math.acosh(2);
  process.exitCode = sink > 0 ? 0 : 1;
} else {
  await main();
}

async function main() {
  const n = Number(opt('n', '20'));
  const warm = opt('warm', '80');
  const only = opt('only', null)?.split(',');
  const keep = opt('keep', null);
  const tmp = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'gov-report-instr-'));
  fs.mkdirSync(tmp, { recursive: true });
  const bundle = path.join(tmp, 'engine.cjs');
  const esbuild = await import('esbuild');
  // The same options as bench/run.mjs engineBundle() (and scripts/build.mjs).
  await esbuild.build({ entryPoints: [path.join(root, 'server', 'src', 'engine', 'index.ts')], outfile: bundle, bundle: true, platform: 'node', target: 'node18', format: 'cjs', minify: !args.includes('--names'), logLevel: 'warning', legalComments: 'none' });
  const self = fileURLToPath(import.meta.url);
  const docs = documents().filter((d) => !only || only.some((o) => d.name.includes(o)));
  /** Instructions of each batch, in order: parts 2.. of the callgrind output (part 1 is start-up and warm-up). */
  const batches = (mode) => {
    const out = path.join(tmp, `${mode}.out`);
    const r = spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, '--dump-before=Builtins_MathAcosh', process.execPath, '--single-threaded', ...(args.includes('--perf-map') ? ['--perf-basic-prof'] : []), self, '--child', bundle, mode, String(n), warm, only ? only.join(',') : '-'], { encoding: 'utf8', cwd: tmp }); // cwd: --perf-basic-prof leaves V8 logs there
    if (r.status !== 0) throw new Error(`callgrind failed (${mode}): ${r.stderr.slice(-2000)}`);
    const parts = fs.readdirSync(tmp).filter((f) => f.startsWith(`${mode}.out.`)).sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop()));
    return parts.slice(1, 1 + BATCHES * docs.length).map((f) => Number(/^(?:summary|totals): (\d+)/m.exec(fs.readFileSync(path.join(tmp, f), 'utf8'))[1]));
  };
  console.log(`instructions per call (callgrind; warm-up ${warm} rounds over ${documents().length} documents, then ${BATCHES} batches of ${n} calls); node ${process.version}`);
  const lint = batches('lint');
  const fl = batches('floor');
  console.log(`${'file'.padEnd(40)} ${'lint'.padStart(12)} ${'median batch'.padStart(12)} ${'floor'.padStart(10)} ${'ratio'.padStart(7)}`);
  const rows = docs.map((d, i) => {
    const of = (xs) => xs.slice(BATCHES * i, BATCHES * (i + 1)).map((x) => x / n);
    const row = { name: d.name, lint: Math.min(...of(lint)), median: median(of(lint)), floor: Math.min(...of(fl)) };
    const fmt = (x, w) => Math.round(x).toLocaleString('en').padStart(w);
    console.log(`${d.name.padEnd(40)} ${fmt(row.lint, 12)} ${fmt(row.median, 12)} ${fmt(row.floor, 10)} ${(row.lint / row.floor).toFixed(1).padStart(6)}×`);
    return row;
  });
  const corpus = rows.filter((r) => !r.name.startsWith('examples/'));
  if (corpus.length) {
    console.log(`median over the corpus: ${Math.round(median(corpus.map((r) => r.lint))).toLocaleString('en')} per lint, ${median(corpus.map((r) => r.lint / r.floor)).toFixed(1)}× floor`);
  }
  if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
}
