// Stress run of --fix-suggestions (issue 8), run by .ci/run as its own suite:
//   node --import tsx test/stress/fix-stress.ts
// 2,000 copies of the corpus and the examples are fixed by one CLI run while a second process (editor.mjs)
// rewrites some of them. Afterwards every file must be either fixed (exactly the engine's fixed text of a
// version it held, with nothing fixable left) or byte-identical to a version it held, and an unwritten
// fixable file must have been named on stderr; no temporary file may be left. Each checked property counts
// as one test in the line appended to $GOV_REPORT_RESULTS ({"suite":"stress","passed":N,...}).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixAll, lint } from '../../server/src/engine';
import { corpus, corpusDir, examplesDir, hasCorpus, repoRoot } from '../support/paths';

const CLI = path.join(repoRoot, 'server', 'out', 'cli.js');
const COPIES = 2000;
const EDITED_EVERY = 7; // every 7th copy is edited by the other process
const counts = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function check(ok: boolean, what: string): void {
  if (ok) counts.passed++;
  else { counts.failed++; failures.push(what); }
}

function sources(): string[] {
  const texts: string[] = [];
  texts.push(...Object.values(corpus()).map((c) => c.text));
  for (const f of fs.readdirSync(examplesDir).filter((x) => /\.(txt|md)$/.test(x) && x !== 'README.md').sort()) texts.push(fs.readFileSync(path.join(examplesDir, f), 'utf8'));
  return texts;
}

const fixedCache = new Map<string, string>();
function fixed(text: string): string {
  let f = fixedCache.get(text);
  if (f === undefined) { f = fixAll(text, lint, { suggestions: true }).text; fixedCache.set(text, f); }
  return f;
}
const fixable = (text: string) => fixed(text) !== text;

interface Copy { file: string; versions: string[] }

function makeCopies(dir: string, texts: string[]): Copy[] {
  const copies: Copy[] = [];
  for (let i = 0; i < COPIES; i++) {
    const sub = path.join(dir, `d${String(Math.floor(i / 100)).padStart(2, '0')}`);
    fs.mkdirSync(sub, { recursive: true });
    const text = texts[i % texts.length];
    const file = path.join(sub, `r${String(i).padStart(4, '0')}.txt`);
    fs.writeFileSync(file, text);
    const versions = [text];
    // The editor's two edits: a line added to part 五 (text only), then a second one.
    if (i % EDITED_EVERY === 3) versions.push(`${text}\n编辑一：补充说明。\n`, `${text}\n编辑一：补充说明。\n编辑二：再次补充。\n`);
    copies.push({ file, versions });
  }
  return copies;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

function tmpLeft(dir: string): string[] {
  const out: string[] = [];
  for (const d of fs.readdirSync(dir)) for (const n of fs.readdirSync(path.join(dir, d))) if (n.endsWith('.tmp')) out.push(path.join(d, n));
  return out;
}

async function main(): Promise<void> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} missing: npm run build`);
  const texts = sources();
  if (!hasCorpus) console.log(`(corpus not found at ${corpusDir}: examples only)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-report-stress-'));
  try {
    const copies = makeCopies(dir, texts);
    const edits = copies.filter((c) => c.versions.length > 1);
    const plan = path.join(dir, 'edits.json');
    fs.writeFileSync(plan, JSON.stringify(edits.map((c) => ({ file: c.file, versions: c.versions.slice(1) }))));
    const t0 = performance.now();
    const [cli, editor] = await Promise.all([
      run(process.execPath, [CLI, '--locale', 'en', '--fix-suggestions', ...fs.readdirSync(dir).filter((d) => d.startsWith('d')).map((d) => path.join(dir, d))], { NO_COLOR: '1' }),
      run(process.execPath, [path.join(__dirname, 'editor.mjs'), plan], {}),
    ]);
    fs.unlinkSync(plan);
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    check(editor.status === 0, `editor failed: ${editor.stderr}`);
    check(cli.signal === null && cli.status !== null && cli.status <= 2, `CLI status ${cli.status} signal ${cli.signal}: ${cli.stderr.slice(0, 500)}`);
    check(tmpLeft(dir).length === 0, `temporary files left: ${tmpLeft(dir).join(', ')}`);

    let nFixed = 0;
    let nUnchanged = 0;
    let nSkipped = 0;
    for (const c of copies) {
      const now = fs.readFileSync(c.file, 'utf8');
      const fixedFrom = c.versions.find((v) => fixed(v) === now && v !== now);
      const heldVersion = c.versions.includes(now);
      check(fixedFrom !== undefined || heldVersion, `${c.file}: neither fixed nor a version it held (${now.length} chars)`);
      if (fixedFrom !== undefined) {
        nFixed++;
        check(!fixable(now), `${c.file}: fixable findings left after the fix`);
      } else if (heldVersion && fixable(now)) {
        // Not written although fixable: the editor's write came last, or the CLI skipped it and said so.
        const named = cli.stderr.includes(`${c.file}: `);
        const editorLast = c.versions.length > 1 && now !== c.versions[0];
        if (named) nSkipped++;
        check(named || editorLast, `${c.file}: fixable, unchanged, and no message`);
      } else nUnchanged++;
    }
    console.log(`stress: ${COPIES} files (${edits.length} edited meanwhile) in ${seconds} s, CLI exit ${cli.status}: ${nFixed} fixed, ${nSkipped} skipped with a message, ${nUnchanged} without fixes`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => { counts.failed++; failures.push(String((err as Partial<Error> | undefined)?.stack ?? err)); }).finally(() => {
  for (const f of failures.slice(0, 20)) console.log(`  failed: ${f}`);
  const line = { suite: 'stress', ...counts };
  console.log(`GOV_REPORT_COUNTS ${JSON.stringify(line)}`);
  if (process.env.GOV_REPORT_RESULTS) fs.appendFileSync(process.env.GOV_REPORT_RESULTS, `${JSON.stringify(line)}\n`);
  process.exitCode = counts.failed > 0 ? 1 : 0;
});
