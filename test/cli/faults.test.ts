// The CLI under faults (issue 8): every fault either leaves the original intact or is reported with exit 2,
// and no run hangs. Faults are injected for real: `ulimit -f` and a full tmpfs for short writes, a non-root
// user (setpriv) for permissions, the test-only GOV_REPORT_LINT_TEST_FAULT hooks (server/src/cli/testFaults.ts)
// for a worker that hangs, exits or crashes and for a pause before the rename (a signal, a concurrent writer).
// Cases that need root (a tmpfs, chown, another user) skip with the reason when not root.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fixAll, lint } from '../../server/src/engine';
import { LineIndex } from '../../server/src/engine/text';
import { CLI, copyReport, corpusFile, ensureBuilt, requireCorpus, run, tempDir, type Run } from './helpers';

const NOBODY = 65534;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function requireRoot(ctx: Mocha.Context, why: string): void {
  if (!isRoot) {
    console.log(`      (skipped: needs root, ${why})`);
    ctx.skip();
  }
}

/** A fixable report of about 34 KB: corpus 001 (a truncated heading) and a long part 五. */
function bigFixable(): string {
  const text = fs.readFileSync(corpusFile('001'), 'utf8');
  return `${text}\n${'本机关持续推进政府信息公开工作，进一步完善制度建设。\n'.repeat(320)}`;
}

function tmpFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));
}

/** `node cli.js ARGS` as the user nobody (setpriv), in a shell when `prefix` is given (e.g. `ulimit -f 12;`). */
function runAsNobody(args: readonly string[]): Run {
  const r = spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, CLI, ...args], {
    encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GOV_REPORT_LINT_JOBS: '' },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runInShell(script: string, args: readonly string[]): Run {
  const r = spawnSync('bash', ['-c', `${script} "$@"`, 'bash', process.execPath, CLI, ...args], {
    encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GOV_REPORT_LINT_JOBS: '' },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Spawned { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** Run the CLI; when it prints the test hook's "paused before renaming" line, call `onPause` (once). */
function runWithPause(args: readonly string[], env: NodeJS.ProcessEnv, onPause: (child: ReturnType<typeof spawn>) => void): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1', GOV_REPORT_LINT_JOBS: '', ...env } });
    let stdout = '';
    let stderr = '';
    let paused = false;
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!paused && stderr.includes('paused before renaming')) { paused = true; onPause(child); }
    });
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

describe('cli: faults (issue 8)', function () {
  this.timeout(60000);
  let dir = '';
  before(function () {
    this.timeout(120000);
    requireCorpus(this);
    ensureBuilt();
  });
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => { spawnSync('rm', ['-rf', dir]); });

  describe('1. short writes', () => {
    it('ulimit -f 12 on a 34 KB report: exit 2, "writing the fixes failed", the original byte-identical, no .tmp', () => {
      const f = path.join(dir, 'r.md');
      const text = bigFixable();
      fs.writeFileSync(f, text);
      assert.ok(fs.statSync(f).size > 30000 && fixAll(text, lint).applied > 0);
      const r = runInShell('ulimit -f 12;', ['--locale', 'en', '--fix', f]);
      assert.equal(r.status, 2, r.stderr);
      assert.ok(r.stderr.includes(`${f}: writing the fixes failed (EFBIG`), r.stderr);
      assert.ok(r.stderr.includes('the original is unchanged'), r.stderr);
      assert.ok(!r.stdout.includes('fix applied'), r.stdout);
      assert.equal(fs.readFileSync(f, 'utf8'), text);
      assert.deepEqual(tmpFiles(dir), []);
    });

    it('a full tmpfs: exit 2, the original byte-identical, no .tmp', function () {
      requireRoot(this, 'to mount a 64 KB tmpfs');
      const mnt = path.join(dir, 'small');
      fs.mkdirSync(mnt);
      const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt], { encoding: 'utf8' });
      if (m.status !== 0) { console.log(`      (skipped: mount failed: ${m.stderr.trim()})`); this.skip(); }
      try {
        const f = path.join(mnt, 'r.md');
        const text = bigFixable();
        fs.writeFileSync(f, text);
        // Leave less room than the fixed file needs.
        fs.writeFileSync(path.join(mnt, 'filler'), Buffer.alloc(64 * 1024 - Math.ceil(Buffer.byteLength(text) / 4096) * 4096 - 2 * 4096));
        const r = run(['--locale', 'en', '--fix', f]);
        assert.equal(r.status, 2, r.stderr);
        assert.match(r.stderr, /writing the fixes failed \((ENOSPC|short write)/);
        assert.equal(fs.readFileSync(f, 'utf8'), text);
        assert.deepEqual(tmpFiles(mnt), []);
      } finally {
        spawnSync('umount', [mnt]);
      }
    });
  });

  describe('2. owner, mode, hard links, read-only files', () => {
    it('root fixing a user\'s 0640 report keeps its owner, group and mode', function () {
      requireRoot(this, 'to chown a file to another user');
      const f = path.join(dir, 'r.txt');
      copyReport(corpusFile('001'), f);
      fs.chmodSync(f, 0o640);
      fs.chownSync(f, NOBODY, NOBODY);
      const r = run(['--fix', f]);
      assert.notEqual(r.status, 2, r.stderr);
      assert.match(r.stdout, /已应用 1 处修复/);
      const s = fs.statSync(f);
      assert.deepEqual([s.uid, s.gid, s.mode & 0o7777], [NOBODY, NOBODY, 0o640]);
    });

    it('drops setuid/setgid/sticky bits and keeps the permission bits', function () {
      requireRoot(this, 'to keep setuid bits on a file');
      const f = path.join(dir, 'r.txt');
      copyReport(corpusFile('001'), f);
      fs.chmodSync(f, 0o6755);
      assert.equal(fs.statSync(f).mode & 0o7777, 0o6755);
      const r = run(['--fix', f]);
      assert.notEqual(r.status, 2, r.stderr);
      assert.equal(fs.statSync(f).mode & 0o7777, 0o755);
    });

    it('a user fixing their own file (not root): written, still theirs', function () {
      requireRoot(this, 'to run the CLI as another user');
      fs.chmodSync(dir, 0o755);
      const d = path.join(dir, 'home');
      fs.mkdirSync(d);
      fs.chownSync(d, NOBODY, NOBODY);
      const f = path.join(d, 'r.txt');
      copyReport(corpusFile('001'), f);
      fs.chownSync(f, NOBODY, NOBODY);
      const r = runAsNobody(['--fix', f]);
      assert.notEqual(r.status, 2, r.stderr);
      assert.match(r.stdout, /已应用 1 处修复/);
      assert.equal(fs.statSync(f).uid, NOBODY);
    });

    it('a file with two hard links: not written (exit 2, message), both names unchanged and still one file', () => {
      const f = path.join(dir, 'r.txt');
      const g = path.join(dir, 'other-name.txt');
      copyReport(corpusFile('001'), f);
      fs.linkSync(f, g);
      const before = fs.readFileSync(f);
      const r = run(['--locale', 'en', '--fix', f]);
      assert.equal(r.status, 2);
      assert.ok(r.stderr.includes(`${f}: the file has 2 hard links`), r.stderr);
      assert.deepEqual(fs.readFileSync(f), before);
      assert.equal(fs.statSync(f).ino, fs.statSync(g).ino);
      assert.deepEqual(tmpFiles(dir), []);
    });

    it('a read-only file (0444): not written, even by root (exit 2, message)', () => {
      const f = path.join(dir, 'r.txt');
      copyReport(corpusFile('001'), f);
      fs.chmodSync(f, 0o444);
      const before = fs.readFileSync(f);
      const r = run(['--locale', 'en', '--fix', f]);
      assert.equal(r.status, 2);
      assert.ok(r.stderr.includes(`${f}: the file is read-only; fixes not written`), r.stderr);
      assert.deepEqual(fs.readFileSync(f), before);
    });
  });

  describe('3. symbolic links inside directories', () => {
    it('are not followed: --fix on the tree never writes outside it; each link is noted', () => {
      const repo = path.join(dir, 'repo');
      const elsewhere = path.join(dir, 'elsewhere');
      fs.mkdirSync(repo);
      fs.mkdirSync(path.join(elsewhere, 'sub'), { recursive: true });
      const outsideFile = path.join(elsewhere, 'outside.txt');
      const outsideInDir = path.join(elsewhere, 'sub', 'deep.txt');
      copyReport(corpusFile('001'), outsideFile);
      copyReport(corpusFile('001'), outsideInDir);
      copyReport(corpusFile('003'), path.join(repo, 'own.txt'));
      fs.symlinkSync(outsideFile, path.join(repo, 'x.txt'));
      fs.symlinkSync(path.join(elsewhere, 'sub'), path.join(repo, 'linked-dir'));
      fs.symlinkSync('.', path.join(repo, 'loop'));
      const before = [fs.readFileSync(outsideFile), fs.readFileSync(outsideInDir)];
      const r = run(['--locale', 'en', '--format', 'json', '--fix', repo]);
      assert.deepEqual(JSON.parse(r.stdout).map((e: { file: string }) => e.file), [path.join(repo, 'own.txt')]);
      assert.deepEqual([fs.readFileSync(outsideFile), fs.readFileSync(outsideInDir)], before);
      for (const l of ['x.txt', 'linked-dir', 'loop']) {
        assert.ok(r.stderr.includes(`${path.join(repo, l)}: symbolic link inside a directory, not followed`), `${l}: ${r.stderr}`);
      }
      assert.notEqual(r.status, 2, r.stderr);
    });

    it('a link named on the command line is still followed', () => {
      const target = path.join(dir, 'target.txt');
      copyReport(corpusFile('001'), target);
      fs.symlinkSync(target, path.join(dir, 'named.txt'));
      const r = run(['--fix', path.join(dir, 'named.txt')]);
      assert.match(r.stdout, /已应用 1 处修复/);
    });

    it('a tree deeper than PATH_MAX: no crash; the part that cannot be read is reported (exit 2), the rest is linted', () => {
      const top = path.join(dir, 'deep');
      fs.mkdirSync(top);
      copyReport(corpusFile('003'), path.join(top, 'top.txt'));
      // bash `cd` goes deeper than any path the CLI can name: 30 levels of 200-character names.
      const b = spawnSync('bash', ['-c', 'cd "$1" && n=$(printf "d%.0s" $(seq 200)) && for i in $(seq 30); do mkdir $n && cd $n || exit 1; done && echo x > bottom.txt', 'bash', top]);
      assert.equal(b.status, 0, String(b.stderr));
      const r = run(['--locale', 'en', '--format', 'json', top]);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /cannot read the directory \(ENAMETOOLONG\)/);
      assert.deepEqual(JSON.parse(r.stdout).map((e: { file: string }) => e.file), [path.join(top, 'top.txt')]);
    });
  });

  describe('4. unreadable directories and broken links', () => {
    it('a directory the user cannot read: reported, exit 2 (not "no problems")', function () {
      requireRoot(this, 'to run the CLI as a user who cannot read a directory');
      fs.chmodSync(dir, 0o755);
      const tree = path.join(dir, 'tree');
      fs.mkdirSync(path.join(tree, 'locked'), { recursive: true });
      copyReport(corpusFile('003'), path.join(tree, 'ok.txt'));
      copyReport(corpusFile('003'), path.join(tree, 'locked', 'hidden.txt'));
      fs.chmodSync(path.join(tree, 'locked'), 0o700);
      const r = runAsNobody(['--locale', 'en', tree]);
      assert.equal(r.status, 2, r.stderr);
      assert.ok(r.stderr.includes(`${path.join(tree, 'locked')}: cannot read the directory (EACCES)`), r.stderr);
      assert.match(r.stdout, /1 file could not be checked/);
    });

    it('a broken link with a report\'s name: reported, exit 2', () => {
      const tree = path.join(dir, 'tree');
      fs.mkdirSync(tree);
      copyReport(corpusFile('003'), path.join(tree, 'ok.txt'));
      fs.symlinkSync(path.join(dir, 'gone.txt'), path.join(tree, 'broken.txt'));
      const r = run(['--locale', 'en', tree]);
      assert.equal(r.status, 2, r.stderr);
      assert.ok(r.stderr.includes(`${path.join(tree, 'broken.txt')}: broken symbolic link`), r.stderr);
    });
  });

  describe('5. a stuck or dying worker', () => {
    for (const jobs of ['', '2']) {
      it(`hang, exit and crash on three files${jobs ? ' (2 workers)' : ''}: each reported (exit 2), the rest linted, output in order`, function () {
        const names = ['a.txt', 'hang.txt', 'b.txt', 'exit.txt', 'c.txt', 'crash.txt', 'd.txt'];
        const files = names.map((n) => { const f = path.join(dir, n); copyReport(corpusFile('003'), f); return f; });
        const r = run(['--locale', 'en', '--format', 'json', ...files], {
          env: { GOV_REPORT_LINT_TIMEOUT: '1', GOV_REPORT_LINT_JOBS: jobs, GOV_REPORT_LINT_TEST_FAULT: 'hang:hang.txt,exit:exit.txt,crash:crash.txt' },
        });
        assert.equal(r.status, 2, r.stderr);
        assert.deepEqual(JSON.parse(r.stdout).map((e: { file: string }) => path.basename(e.file)), ['a.txt', 'b.txt', 'c.txt', 'd.txt']);
        const lines = r.stderr.trim().split('\n');
        assert.deepEqual(lines, [
          `gov-report-lint: ${files[1]}: checking took more than 1 s and was stopped (with --fix the file is either unchanged or fully fixed)`,
          `gov-report-lint: ${files[3]}: the thread checking this file died (exit code 7); the file is either unchanged or fully fixed`,
          `gov-report-lint: ${files[5]}: the thread checking this file died (test fault: crash on crash.txt); the file is either unchanged or fully fixed`,
        ]);
      });
    }

    it('the default budget is 60 s per file and GOV_REPORT_LINT_TIMEOUT changes it', () => {
      const r = run(['--help']);
      assert.match(r.stdout, /60 秒/);
      assert.match(r.stdout, /GOV_REPORT_LINT_TIMEOUT/);
    });
  });

  describe('6. signals during --fix', () => {
    for (const [sig, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
      it(`${sig} while a fix is being written: exit ${code}, no .tmp left, the original intact`, async () => {
        const f = path.join(dir, 'r.txt');
        copyReport(corpusFile('001'), f);
        const before = fs.readFileSync(f);
        let tmpWhilePaused: string[] = [];
        const r = await runWithPause(['--locale', 'en', '--fix', f], { GOV_REPORT_LINT_TEST_FAULT: 'pause:r.txt', GOV_REPORT_LINT_TEST_PAUSE_MS: '20000' }, (child) => {
          tmpWhilePaused = tmpFiles(dir);
          child.kill(sig);
        });
        assert.equal(tmpWhilePaused.length, 1, 'the temporary file existed when the signal came');
        assert.equal(r.status, code, r.stderr);
        assert.match(r.stderr, new RegExp(`interrupted by ${sig}`));
        assert.deepEqual(tmpFiles(dir), []);
        assert.deepEqual(fs.readFileSync(f), before);
      });
    }
  });

  describe('7. another program writes the file during --fix', () => {
    it('a write after the content check and before the rename is kept: exit 2, "changed after it was read"', async () => {
      const f = path.join(dir, 'r.txt');
      copyReport(corpusFile('001'), f);
      const theirs = `${fs.readFileSync(f, 'utf8')}\n(edited by someone else)\n`;
      const r = await runWithPause(['--locale', 'en', '--fix', f], { GOV_REPORT_LINT_TEST_FAULT: 'pause:r.txt', GOV_REPORT_LINT_TEST_PAUSE_MS: '1500' }, () => {
        fs.writeFileSync(f, theirs);
      });
      assert.equal(r.status, 2, r.stderr);
      assert.ok(r.stderr.includes(`${f}: another program changed the file after it was read; fixes not written`), r.stderr);
      assert.equal(fs.readFileSync(f, 'utf8'), theirs);
      assert.deepEqual(tmpFiles(dir), []);
    });
  });

  describe('8. output that cannot be written', () => {
    it('stdout on a full disk (/dev/full): exit 2 with a message', function () {
      if (!fs.existsSync('/dev/full')) this.skip();
      const f = path.join(dir, 'r.txt');
      copyReport(corpusFile('003'), f);
      const out = fs.openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [CLI, '--locale', 'en', f], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        assert.equal(r.status, 2, r.stderr);
        assert.match(r.stderr, /cannot write the output \(ENOSPC/);
      } finally { fs.closeSync(out); }
    });

    it('stdout closed early (| head -c 1): exit 2', () => {
      const files: string[] = [];
      for (let i = 0; i < 60; i++) { const f = path.join(dir, `r${i}.txt`); copyReport(corpusFile('001'), f); files.push(f); }
      const r = runInShell('"$@" | head -c 1 >/dev/null; echo "status ${PIPESTATUS[0]}";', ['--format', 'json', ...files]);
      assert.match(r.stdout, /status 2/, r.stderr);
    });
  });

  describe('9. terminal escapes', () => {
    it('control characters in file names and report text are printed escaped, never raw', () => {
      const f = path.join(dir, 'evil\u001b]0;owned\u0007\u001b[2J.txt');
      const text = fs.readFileSync(corpusFile('001'), 'utf8').replace('三、收到和处理政府信息公开申请情', '三、收到和处理政府信息公开申请情\u001b[31m');
      fs.writeFileSync(f, text);
      const r = run(['--locale', 'en', f, path.join(dir, 'missing\u001b[1m.txt')]);
      // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
      for (const s of [r.stdout, r.stderr]) assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(s), JSON.stringify(s));
      assert.ok(r.stdout.includes('evil\\x1B]0;owned\\x07\\x1B[2J.txt:'), r.stdout);
      assert.ok(r.stdout.includes('申请情\\x1B[31m'), r.stdout);
      assert.ok(r.stderr.includes('missing\\x1B[1m.txt: no such file'), r.stderr);
    });
  });

  describe('10. input size', () => {
    it('a file over 20 MB: not read, exit 2 with the limit in the message', () => {
      const f = path.join(dir, 'big.txt');
      fs.writeFileSync(f, '\n'.repeat(50 * 1024 * 1024));
      const r = run(['--locale', 'en', f]);
      assert.equal(r.status, 2, r.stderr);
      assert.ok(r.stderr.includes(`${f}: 50 MB, larger than the limit of 20 MB; not checked`), r.stderr);
    });

    it('20 MB of short lines (the worst case per byte) is linted', function () {
      this.timeout(120000);
      const f = path.join(dir, 'lines.txt');
      fs.writeFileSync(f, '\n'.repeat(20 * 1024 * 1024));
      const r = run(['--format', 'json', f]);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(JSON.parse(r.stdout)[0].diagnostics.filter((d: { rule: string }) => d.rule === 'section-missing').length, 6);
    });

    it('the line index of short-line text costs at most 10 bytes per line (it was ≈ 19 on the heap)', () => {
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as () => void;
      const text = '\n'.repeat(5_000_000);
      const used = () => { gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
      const before = used();
      const index = new LineIndex(text);
      const perLine = (used() - before) / index.lineCount;
      assert.ok(perLine <= 10, `${perLine.toFixed(1)} bytes per line`);
    });
  });
});
