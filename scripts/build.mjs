// Two kinds of bundle, as vscode-eslint does: the client (vscode external) and the server side
// (language server + CLI), each a single CommonJS file so the .vsix ships no node_modules.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import './gen-rules.mjs';

const watch = process.argv.includes('--watch');
const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: false, minify: !watch, logLevel: 'warning', legalComments: 'none' };
// The CLI loads the document readers (parse5, fflate, saxes) only when it meets a document: they are a bundle of
// their own, required from cli.js as ./formats.js (see server/src/cli/read.ts).
const formatsApart = {
  name: 'formats-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/formats$/ }, (a) => (a.importer.endsWith('read.ts') ? { path: './formats.js', external: true } : undefined));
  },
};
const entries = [
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [formatsApart] },
  { entryPoints: ['server/src/formats/index.ts'], outfile: 'server/out/formats.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
].filter((e) => existsSync(e.entryPoints[0]));

if (watch) {
  for (const e of entries) await (await esbuild.context({ ...common, ...e })).watch();
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
}
