// npm run demo: lint the example reports with the built CLI and show the output.
// README.md in examples/ describes the examples and is not a report, so it is left out.
// Finding defects in the defect example is the point of the demo, so exit status 1 counts as success;
// only exit status 2 (usage error, unreadable file) or a crash fails it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'server', 'out', 'cli.js');
if (!existsSync(cli)) {
  console.error(`demo: ${relative(root, cli)} not found; run npm run build first`);
  process.exit(2);
}
const examplesDir = join(root, 'examples');
const examples = existsSync(examplesDir)
  ? readdirSync(examplesDir).filter((f) => /\.(txt|md|html|docx|pdf)$/i.test(f) && !/^readme\./i.test(f)).sort().map((f) => join('examples', f))
  : [];
if (examples.length === 0) {
  console.error('demo: no example reports (examples/*.txt, .md, .html, .docx, .pdf) to lint');
  process.exit(2);
}

const args = [cli, ...examples, ...process.argv.slice(2)];
console.log(`$ node ${relative(root, cli)} ${[...examples, ...process.argv.slice(2)].join(' ')}`);
const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
if (r.error) {
  console.error(`demo: ${r.error.message}`);
  process.exit(2);
}
if (r.signal) {
  console.error(`demo: the CLI was killed by ${r.signal}`);
  process.exit(2);
}
console.log(`\n(exit status ${r.status}: ${r.status === 0 ? 'no errors' : r.status === 1 ? 'errors found, as the defect example intends' : 'usage or input error'})`);
process.exit(r.status === 2 ? 2 : 0);
