// Two kinds of bundle, as vscode-eslint does: the client (vscode external) and the server side
// (language server + CLI), each a single CommonJS file so the .vsix ships no node_modules; PDFium's wasm beside them.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import './gen-rules.mjs';

const watch = process.argv.includes('--watch');
const PDFIUM_BANNER = '/*! PDFium (@embedpdf/pdfium, MIT; PDFium BSD-3-Clause and the libraries in pdfium.wasm): see THIRD-PARTY-NOTICES-PDFIUM.md */';
// jsonc-parser's CommonJS build is a UMD wrapper whose require() calls esbuild cannot follow: bundle its ES modules.
// @embedpdf/pdfium's ES module finds pdfium.wasm from import.meta.url, which a CommonJS bundle lacks: bundle its
// CommonJS build, which looks beside the bundle (__dirname).
const alias = { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js', '@embedpdf/pdfium': './node_modules/@embedpdf/pdfium/dist/index.cjs' };
const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: false, minify: !watch, logLevel: 'warning', legalComments: 'none', alias };
// PDFs are read in a worker thread, server/out/pdf-worker.js, with PDFium's Emscripten glue inside it; the glue
// reads pdfium.wasm from its own folder, server/out (copied below).
// The CLI and the language server load the document readers (parse5, fflate, saxes) only when they meet a
// document: they are a bundle of their own, required from cli.js and server.js as ./formats.js (see
// server/src/formats/load.ts).
const formatsApart = {
  name: 'formats-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/index$/ }, (a) => (/[\\/]formats[\\/]load\.ts$/.test(a.importer) ? { path: './formats.js', external: true } : undefined));
  },
};
const entries = [
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js', plugins: [formatsApart] },
  // The command, cli.js, is small: it compiles the CLI, cli-main.js, with the V8 code cache written below.
  { entryPoints: ['server/src/cliLoader.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli-main.js', plugins: [formatsApart] },
  { entryPoints: ['server/src/formats/index.ts'], outfile: 'server/out/formats.js' },
  { entryPoints: ['server/src/formats/pdfWorker.ts'], outfile: 'server/out/pdf-worker.js', banner: { js: PDFIUM_BANNER } },
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  // The table preview's page, run in the webview.
  { entryPoints: ['client/src/webview/preview.ts'], outfile: 'client/out/preview.js', platform: 'browser', format: 'iife', target: 'es2022' },
].filter((e) => existsSync(e.entryPoints[0]));

// PDFium's WebAssembly (it carries the CMaps of Chinese fonts named without embedding), and the notices of what
// is compiled into it (THIRD-PARTY-NOTICES-PDFIUM.md, shipped in the .vsix beside it).
mkdirSync('server/out', { recursive: true });
copyFileSync('node_modules/@embedpdf/pdfium/dist/pdfium.wasm', 'server/out/pdfium.wasm');
for (const old of ['server/out/pdfjs.js', 'server/out/cmaps']) rmSync(old, { recursive: true, force: true });

if (watch) {
  for (const e of entries) await (await esbuild.context({ ...common, ...e })).watch();
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
  writeCliCodeCache();
}

/**
 * server/out/cli-main.cache: the bytecode of the CLI after it linted the examples, made by this Node (another
 * Node ignores it; see server/src/cli/codeCache.ts). Not in watch mode: the bundle changes on every save.
 */
function writeCliCodeCache() {
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-build-'));
  try {
    const writer = join(dir, 'write-code-cache.js');
    esbuild.buildSync({ ...common, entryPoints: ['server/src/cli/writeCodeCache.ts'], outfile: writer });
    const examples = readdirSync('examples').filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md').map((f) => join('examples', f));
    const r = spawnSync(process.execPath, [writer, 'server/out/cli-main.js', ...examples], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`writing the CLI's code cache failed (status ${r.status})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
