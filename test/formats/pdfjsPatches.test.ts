// The patches of pdf.js applied to the bundle (scripts/pdfjs-patches.mjs): each one finds its code in the installed
// pdfjs-dist (else the build fails, and so does this test), and the patched bundle reads every PDF at hand to the
// very text that unpatched pdf.js (which the sources run here use) reads.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { readPdf } from '../../server/src/formats/pdf';
import { readPdfInThread } from '../../server/src/formats/pdfThread';
import { DEFAULT_LIMITS } from '../../server/src/formats/types';
import { ensureBundle } from '../support/build';
import { onePagePdf } from '../support/pdfs';
import { repoRoot, wildDir } from '../support/paths';

interface Patch { name: string; file: RegExp; find: string; replace: string }
interface Patches { pdfjsPatches: Patch[]; applyPdfjsPatches: (file: string, source: string, patches?: Patch[]) => string }
const load = async () => (await import(path.join(repoRoot, 'scripts', 'pdfjs-patches.mjs'))) as Patches;

const workerModule = path.join(repoRoot, 'node_modules', 'pdfjs-dist', 'build', 'pdf.worker.mjs');
const workerFile = path.join(repoRoot, 'server', 'out', 'pdf-worker.js');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'pdf');

describe('pdf.js patches: their guard', () => {
  it('finds the code of each patch exactly once in the installed pdf.js', async () => {
    const { pdfjsPatches, applyPdfjsPatches } = await load();
    assert.deepEqual(pdfjsPatches.map((p) => p.name), ['loca-in-order', 'native-inflate']);
    const source = fs.readFileSync(workerModule, 'utf8');
    const patched = applyPdfjsPatches(workerModule, source);
    for (const p of pdfjsPatches) {
      assert.ok(patched.includes(p.replace), p.name);
      assert.ok(!patched.includes(p.find), p.name);
    }
  });

  it('fails when pdf.js no longer has a patch\'s code, or has it twice', async () => {
    const { pdfjsPatches, applyPdfjsPatches } = await load();
    const [loca] = pdfjsPatches;
    const changed = 'class Font {}\n' + loca.find.replace('a.offset - b.offset', 'a.offset - b.offset || a.index - b.index');
    assert.throws(() => applyPdfjsPatches(workerModule, changed, [loca]), /loca-in-order: its code is not in/);
    assert.throws(() => applyPdfjsPatches(workerModule, loca.find + loca.find, [loca]), /loca-in-order: its code is more than once in/);
    // Another file of pdfjs-dist is left as it is.
    assert.equal(applyPdfjsPatches('/x/pdfjs-dist/build/pdf.mjs', 'unchanged', [loca]), 'unchanged');
  });
});

const PAGE_LINES = Array.from({ length: 40 }, (_, i) => `Line ${i + 1} of a deflated page`);
/**
 * A page of 40 lines, its content stream deflated by `deflater`. Flushed but never finished, as some writers leave
 * it, the stream has no last block: zlib refuses it, pdf.js reads it whole (so the patched bundle takes pdf.js's way).
 */
function deflatedPage(deflater: (content: Buffer) => Buffer): Uint8Array {
  const content = PAGE_LINES.map((l, i) => `BT /F1 12 Tf 72 ${760 - 18 * i} Td (${l}) Tj ET`).join('\n');
  return onePagePdf(Buffer.from(content), ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'], deflater);
}
const finished = (c: Buffer) => zlib.deflateSync(c);
const unfinished = (c: Buffer) => zlib.deflateSync(c, { finishFlush: zlib.constants.Z_SYNC_FLUSH });

describe('pdf.js patches: the same text as pdf.js unpatched', function () {
  this.timeout(60000);
  before(() => ensureBundle(workerFile));

  const files = [
    ...fs.readdirSync(fixtures).filter((f) => f.endsWith('.pdf') && f !== 'password.pdf').map((f) => path.join(fixtures, f)),
    path.join(wildDir, '018_huaian_hongze_2024.pdf'),
  ].filter((f) => fs.existsSync(f));

  for (const file of files) {
    it(`reads ${path.basename(file)} alike`, async () => {
      const bytes = new Uint8Array(fs.readFileSync(file));
      const [unpatched, bundled] = await Promise.all([outcome(readPdf(bytes, DEFAULT_LIMITS)), outcome(readPdfInThread(bytes, DEFAULT_LIMITS, workerFile))]);
      assert.deepEqual(bundled, unpatched);
    });
  }

  it('reads a deflated stream alike, and one that zlib refuses (never finished) that pdf.js reads whole', async () => {
    assert.throws(() => zlib.inflateSync(unfinished(Buffer.from('x'))), /unexpected end of file/);
    for (const deflater of [finished, unfinished]) {
      const bytes = deflatedPage(deflater);
      const unpatched = await outcome(readPdf(bytes, DEFAULT_LIMITS));
      assert.equal(unpatched, `text:${PAGE_LINES.join('\n')}\n`);
      assert.equal(await outcome(readPdfInThread(bytes, DEFAULT_LIMITS, workerFile)), unpatched);
    }
  });
});

/** The text read, or the error's code: what must not differ. */
async function outcome(p: Promise<{ text: string }>): Promise<string> {
  try {
    return `text:${(await p).text}`;
  } catch (e) {
    return `error:${(e as { code?: string }).code ?? String(e)}`;
  }
}
