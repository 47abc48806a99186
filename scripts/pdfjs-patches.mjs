// Patches of pdfjs-dist applied when server/out/pdfjs.js is bundled (scripts/build.mjs): each one rewrites one exact
// piece of pdf.js's code, and the build fails when that piece is not found exactly once (pdf.js changed: read the
// new code before moving the patch). Each leaves what getTextContent returns unchanged, for every PDF: it only
// takes a faster way to the same bytes, and the old way wherever the faster one does not apply.
// test/formats/pdfjsPatches.test.ts checks the pieces against the installed pdfjs-dist and compares the text of the
// bundle with that of unpatched pdf.js. The sources run by the tests (tsx) use pdf.js unpatched.
import { readFileSync } from 'node:fs';

/** pdf.js's worker code (fonts, streams, text), bundled into server/out/pdfjs.js. */
const WORKER = /pdfjs-dist[\\/]build[\\/]pdf\.worker\.mjs$/;

/**
 * The largest stream inflated natively, in bytes; a larger one is inflated by pdf.js as before, within the reader
 * thread's memory watch (pdfThread.ts), so that a flate bomb costs at most this much more.
 */
const NATIVE_INFLATE_MAX = 32 * 1024 * 1024;

export const pdfjsPatches = [
  {
    name: 'loca-in-order',
    file: WORKER,
    // sanitizeGlyphLocations sorts one object per glyph by offset, then back by index, to find where each glyph
    // ends. Fonts subset by WPS and Word keep all 20–30 thousand glyph slots (most of them empty): the two sorts were
    // a sixth of reading such a PDF. When the offsets already ascend (every well-formed font), the stable sort by
    // offset leaves the order as it is and the sort back by index does nothing, so each glyph ends where the next
    // begins: the same ends, without the sorts. Offsets out of order take pdf.js's own way.
    find: `      locaEntries.sort((a, b) => a.offset - b.offset);
      for (i = 0; i < numGlyphs; i++) {
        locaEntries[i].endOffset = locaEntries[i + 1].offset;
      }
      locaEntries.sort((a, b) => a.index - b.index);
`,
    replace: `      let inOrder = true;
      for (i = 0; i < numGlyphs && inOrder; i++) {
        inOrder = locaEntries[i].offset <= locaEntries[i + 1].offset;
      }
      if (!inOrder) {
        locaEntries.sort((a, b) => a.offset - b.offset);
      }
      for (i = 0; i < numGlyphs; i++) {
        locaEntries[i].endOffset = locaEntries[i + 1].offset;
      }
      if (!inOrder) {
        locaEntries.sort((a, b) => a.index - b.index);
      }
`,
  },
  {
    name: 'native-inflate',
    file: WORKER,
    // pdf.js inflates FlateDecode streams (fonts, page contents, ToUnicode maps) in JavaScript, block by block,
    // doubling its buffer as it goes: a tenth of reading a PDF. Node's zlib gives the same bytes for any complete,
    // valid deflate stream. On the first block, the rest of the stream (after the 2-byte header pdf.js has checked)
    // is inflated by zlib at once; if zlib finds any fault (a cut or corrupt stream, which pdf.js reads up to the
    // fault) or the result would pass NATIVE_INFLATE_MAX, the stream goes back to where it was and pdf.js inflates
    // it its own way. Trailing bytes (the Adler-32 checksum, which pdf.js ignores) are ignored by both.
    find: `  readBlock() {
    let buffer, hdr, len;
    const str = this.str;
`,
    replace: `  readBlock() {
    if (this.triedNativeInflate !== true) {
      this.triedNativeInflate = true;
      const start = this.str.pos;
      try {
        const out = require("node:zlib").inflateRawSync(this.str.getBytes(), { maxOutputLength: ${NATIVE_INFLATE_MAX} });
        // A buffer of its own: pdf.js may transfer a stream's buffer, and zlib's result can share a larger one.
        this.buffer = out.byteOffset === 0 && out.length === out.buffer.byteLength ? new Uint8Array(out.buffer) : new Uint8Array(out);
        this.bufferLength = out.length;
        this.eof = true;
        return;
      } catch {
        this.str.pos = start;
      }
    }
    let buffer, hdr, len;
    const str = this.str;
`,
  },
];

/** `source` (the file at `file`) with the patches for it applied; throws when a patch's code is not there once. */
export function applyPdfjsPatches(file, source, patches = pdfjsPatches) {
  let out = source;
  for (const p of patches.filter((q) => q.file.test(file))) {
    const at = out.indexOf(p.find);
    if (at < 0 || out.indexOf(p.find, at + 1) >= 0) {
      throw new Error(`pdf.js patch ${p.name}: its code is ${at < 0 ? 'not' : 'more than once'} in ${file} (pdfjs-dist changed: see scripts/pdfjs-patches.mjs)`);
    }
    out = out.slice(0, at) + p.replace + out.slice(at + p.find.length);
  }
  return out;
}

/** The esbuild plugin: patches pdf.js's files as they are loaded, and fails the build if a patch was not applied. */
export const pdfjsPatchPlugin = {
  name: 'pdfjs-patches',
  setup(build) {
    const applied = new Set();
    build.onStart(() => applied.clear());
    build.onLoad({ filter: /pdfjs-dist[\\/]build[\\/].*\.mjs$/ }, (args) => {
      for (const p of pdfjsPatches) if (p.file.test(args.path)) applied.add(p.name);
      return { contents: applyPdfjsPatches(args.path, readFileSync(args.path, 'utf8')), loader: 'js' };
    });
    build.onEnd((result) => {
      const missing = pdfjsPatches.filter((p) => !applied.has(p.name)).map((p) => p.name);
      if (missing.length && !result.errors.length) {
        result.errors.push({ text: `pdf.js patches not applied (no file of pdfjs-dist matched): ${missing.join(', ')}` });
      }
    });
  },
};
