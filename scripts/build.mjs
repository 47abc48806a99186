// Two kinds of bundle, as vscode-eslint does: the client (vscode external) and the server side
// (language server + CLI), each a single CommonJS file so the .vsix ships no node_modules; pdf.js beside them.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import './gen-rules.mjs';
import { pdfjsPatchPlugin } from './pdfjs-patches.mjs';

const watch = process.argv.includes('--watch');
// jsonc-parser's CommonJS build is a UMD wrapper whose require() calls esbuild cannot follow: bundle its ES modules.
const alias = { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' };
const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: false, minify: !watch, logLevel: 'warning', legalComments: 'none', alias };
// pdf.js is a bundle of its own, server/out/pdfjs.js, loaded on the first PDF (server/src/formats/pdfjs.ts): an
// `import('./pdfjs')` stays an import of that file. PDFs are read in a worker thread, server/out/pdf-worker.js.
const pdfjsApart = { name: 'pdfjs-apart', setup(b) { b.onResolve({ filter: /^\.\/pdfjs$/ }, () => ({ path: './pdfjs.js', external: true })); } };
const pdfjsVersion = JSON.parse(readFileSync(new URL('../node_modules/pdfjs-dist/package.json', import.meta.url), 'utf8')).version;
const pdfjs = {
  // Faster ways to the same text, each checked against pdf.js's code as it is bundled (scripts/pdfjs-patches.mjs).
  plugins: [pdfjsPatchPlugin],
  // In CommonJS there is no import.meta: pdf.js only uses it to look for an optional canvas, which text needs not.
  define: { 'import.meta.url': 'undefined' },
  banner: { js: `/*! pdf.js ${pdfjsVersion} (pdfjs-dist), Copyright Mozilla Foundation, Apache License 2.0: https://www.apache.org/licenses/LICENSE-2.0 */` },
};
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
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js', plugins: [formatsApart, pdfjsApart] },
  // The command, cli.js, is small: it compiles the CLI, cli-main.js, with the V8 code cache written below.
  { entryPoints: ['server/src/cliLoader.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli-main.js', plugins: [formatsApart, pdfjsApart] },
  { entryPoints: ['server/src/formats/index.ts'], outfile: 'server/out/formats.js', plugins: [pdfjsApart] },
  { entryPoints: ['server/src/formats/pdfjs.ts'], outfile: 'server/out/pdfjs.js', ...pdfjs },
  { entryPoints: ['server/src/formats/pdfWorker.ts'], outfile: 'server/out/pdf-worker.js', plugins: [pdfjsApart] },
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  // The table preview's page, run in the webview.
  { entryPoints: ['client/src/webview/preview.ts'], outfile: 'client/out/preview.js', platform: 'browser', format: 'iife', target: 'es2022' },
].filter((e) => existsSync(e.entryPoints[0]));

// The CMaps of Chinese (GB) fonts that PDFs name without embedding them, read by server/out/pdf-worker.js.
const cmapsFrom = new URL('../node_modules/pdfjs-dist/cmaps/', import.meta.url);
const cmapsTo = new URL('../server/out/cmaps/', import.meta.url);
mkdirSync(cmapsTo, { recursive: true });
for (const f of readdirSync(cmapsFrom).filter((n) => /GB/.test(n))) copyFileSync(new URL(f, cmapsFrom), new URL(f, cmapsTo));

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
