// Instructions per warm PDF read, for callgrind (`perf stat` is not available here): reads one PDF W times to
// warm up, then N times, with readPdf bundled as in production (PDFium's glue inside, pdfium.wasm beside it).
// Run it with N = 0 and N = R under valgrind and divide the difference in instructions by R:
//
//   npm run build && valgrind --tool=callgrind --callgrind-out-file=/tmp/r0.out node bench/pdf-reads.mjs --warm 5 --reads 0
//   valgrind --tool=callgrind --callgrind-out-file=/tmp/r8.out node bench/pdf-reads.mjs --warm 5 --reads 8
//   (callgrind_annotate /tmp/rN.out | head: the "PROGRAM TOTALS" line)
//
// Without a file: corpus-wild 018. Prints one line.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i < 0 ? dflt : Number(args.splice(i, 2)[1]); };
const warm = opt('--warm', 5);
const reads = opt('--reads', 8);
const file = args[0] ?? path.resolve(root, '..', 'shared', 'corpus-wild', '018_huaian_hongze_2024.pdf');
// Under valgrind a read takes seconds.
const limits = { maxInputBytes: 20 * 1048576, maxInflatedBytes: 64 * 1048576, maxTextChars: 5 * 1048576, maxMillis: 3_600_000 };

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-reads-'));
const esbuild = await import('esbuild');
const bundle = path.join(tmp, 'pdf.cjs');
await esbuild.build({
  entryPoints: [path.join(root, 'server', 'src', 'formats', 'pdf.ts')], outfile: bundle, bundle: true, platform: 'node', target: 'node18', format: 'cjs',
  minify: true, logLevel: 'warning', alias: { '@embedpdf/pdfium': path.join(root, 'node_modules', '@embedpdf', 'pdfium', 'dist', 'index.cjs') },
});
fs.copyFileSync(path.join(root, 'server', 'out', 'pdfium.wasm'), path.join(tmp, 'pdfium.wasm'));
const { readPdf } = require(bundle);
const bytes = new Uint8Array(fs.readFileSync(file));
let chars = 0;
for (let i = 0; i < warm + reads; i++) chars = (await readPdf(bytes, limits)).text.length;
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`${warm} warm-up + ${reads} reads of ${path.basename(file)} (${chars} characters)`);
