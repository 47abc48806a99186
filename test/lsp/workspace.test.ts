// The folder of reports in the language server (issue 10): every report of the workspace is checked in the
// background (Problems for files never opened, progress, the Reports view's list and the summary), year against year
// with relatedInformation, open documents compared with last year's report on disk, changes on disk checked again,
// the project configuration and the workspace settings applied.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { example, examplesDir } from '../support/paths';
import { nicenessOf } from '../support/threads';
import { TestClient } from './helpers/client';

interface ReportInfo { uri: string; label: string; office: string | null; year: number | null; template: string | null; counts: Record<string, number>; previous: string | null; open: boolean; parts: unknown[]; findings: { rule: string }[] }

const CAPABILITIES = {
  window: { workDoneProgress: true },
  workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
  textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
};

const uri = (file: string) => pathToFileURL(file).href;
const yearly = (p: PublishDiagnosticsParams | undefined) => (p?.diagnostics ?? []).filter((d) => ['carryover-previous-year', 'active-count-previous-year', 'text-reuse'].includes(String(d.code)));

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-report-ws-'));
  for (const [to, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    fs.writeFileSync(path.join(dir, to), text);
  }
  return dir;
}

/** Wait until the server announced the end of its pass (reportsChanged after the progress end) and is idle. */
async function passDone(c: TestClient, since = 0, ms = 20000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!c.notes.slice(since).some((n) => n.method === 'govReport/reportsChanged')) {
    if (Date.now() > deadline) throw new Error(`no pass finished within ${ms} ms; notes: ${JSON.stringify(c.notes)}\n${c.logs.join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('language server: the folder of reports (issue 10)', function () {
  this.timeout(60000);
  let c: TestClient | undefined;
  afterEach(async () => { await c?.stop(); c = undefined; });

  it('speaks the setting\'s language in the background pass: Chinese by default in an English editor, English when set', async () => {
    const dir = folder({ 'defects.md': example('defects-2022-pipe.md') });
    const file = uri(path.join(dir, 'defects.md'));
    // The messages of a file the pass checked, without quoted report text: Chinese or not.
    const unquoted = (cc: TestClient) => cc.lastDiagnostics(file)!.diagnostics.map((d) => d.message.replace(/“[^”]*”/g, '')).join('\n');
    c = await TestClient.start({ workspaceFolders: [uri(dir)], capabilities: CAPABILITIES, locale: 'en' });
    await passDone(c);
    assert.match(unquoted(c), /[\u4e00-\u9fff]/);
    await c.stop();
    c = await TestClient.start({ workspaceFolders: [uri(dir)], capabilities: CAPABILITIES, locale: 'zh-cn', settings: { '*': { locale: 'en' } } });
    await passDone(c);
    assert.doesNotMatch(unquoted(c), /[\u4e00-\u9fff]/);
  });

  it('checks every report of the folder in the background, with progress; notes and other text are not reports', async () => {
    const dir = folder({
      'a/year-pair-2022.txt': example('year-pair-2022.txt'), 'b/year-pair-2023.txt': example('year-pair-2023.txt'),
      'defects.md': example('defects-2022-pipe.md'), 'README.md': '# 说明\n\n这里放各单位的年度报告。\n', 'notes.txt': '审核意见：请于月底前修改。\n',
      'node_modules/x/report.txt': example('defects-2022-pipe.md'), '.git/report.txt': example('defects-2022-pipe.md'),
    });
    fs.copyFileSync(path.join(examplesDir, 'clean-2021-word.docx'), path.join(dir, 'word.docx'));
    c = await TestClient.start({ workspaceFolders: [uri(dir)], capabilities: CAPABILITIES });
    await passDone(c);
    const published = [...c.published.keys()].map((u) => u.replace(uri(dir), '').replace(`gov-report-extract:${uri(dir).slice(5)}`, 'extract:')).sort();
    assert.deepEqual(published, ['/a/year-pair-2022.txt', '/b/year-pair-2023.txt', '/defects.md', 'extract:/word.docx']);
    assert.deepEqual(c.lastDiagnostics(uri(path.join(dir, 'defects.md')))!.diagnostics.map((d) => `${d.code}@${d.range.start.line}`), [
      'period-mismatch@2', 'cell-blank@54', 'section-title@56', 'balance-row-total@72', 'cell-blank@76', 'balance-row-total@76', 'balance-outcome-total@83', 'balance-outcome-total@83', 'section-missing@99',
    ]);
    const kinds = c.notes.filter((n) => n.method === '$/progress').map((n) => (n.params as { value: { kind: string } }).value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
  });

  it('runs the pass\'s threads at a lower priority than the server\'s own thread (Linux)', async function () {
    if (process.platform !== 'linux') this.skip();
    const text = example('defects-2022-pipe.md');
    const dir = folder(Object.fromEntries(Array.from({ length: 80 }, (_, k) => [`r${k}.md`, text])));
    c = await TestClient.start({ workspaceFolders: [uri(dir)], capabilities: CAPABILITIES });
    const pid = c.proc.pid!;
    const niceness = (tid: string) => { try { return nicenessOf(fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')); } catch { return null; } };
    const server = niceness(String(pid));
    let lowered = 0;
    const watching = (async () => {
      while (!c.notes.some((n) => n.method === 'govReport/reportsChanged')) {
        let tids: string[] = [];
        try { tids = fs.readdirSync(`/proc/${pid}/task`); } catch { /* exited */ }
        lowered = Math.max(lowered, tids.filter((t) => (niceness(t) ?? 0) > (server ?? 0)).length);
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    await passDone(c);
    await watching;
    assert.ok(lowered >= 1, 'a thread of the pass ran at a lower priority');
    assert.equal(niceness(String(pid)), server, 'the server\'s own thread keeps its priority');
  });

  it('year against year: last year\'s cell is relatedInformation; the Reports view lists every report with its counts; the summary', async () => {
    const dir = folder({ '2022.txt': example('year-pair-2022.txt'), '2023.txt': example('year-pair-2023.txt'), 'other.txt': example('clean-2023-row-per-line.txt') });
    c = await TestClient.start({ workspaceFolders: [uri(dir)], capabilities: CAPABILITIES });
    await passDone(c);
    const found = yearly(c.lastDiagnostics(uri(path.join(dir, '2023.txt'))));
    assert.deepEqual(found.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`), ['text-reuse@0:0', 'active-count-previous-year@33:12', 'carryover-previous-year@51:17', 'carryover-previous-year@51:29']);
    const carried = found[2];
    assert.deepEqual(carried.relatedInformation!.map((r) => [r.location.uri, r.location.range.start.line, r.location.range.start.character]), [[uri(path.join(dir, '2022.txt')), 74, 12]]);
    assert.match(carried.message, /上年度报告（2022\.txt）“四、结转下年度继续办理”行的同一列为 2/);
    const reports = await c.conn.sendRequest<ReportInfo[]>('govReport/reports');
    assert.deepEqual(reports.map((r) => `${r.label} ${r.office} ${r.year} ${r.template} e${r.counts.error} w${r.counts.warning} i${r.counts.info} ${r.previous ? path.basename(r.previous) : '-'} ${r.parts.length}`), [
      '2022.txt 某县市场监督管理局 2022 T2021 e0 w0 i0 - 6',
      '2023.txt 某县市场监督管理局 2023 T2021 e0 w4 i1 2022.txt 6',
      'other.txt 某市某区某街道办事处 2023 T2021 e0 w0 i0 - 6',
    ]);
    const summary = await c.conn.sendRequest<{ text: string }>('govReport/summary', { format: 'text' });
    assert.match(summary.text.split('\n')[3], /^2023\.txt +某县市场监督管理局 +2023 +2021年版 +0 +4 +— +正确 +相符 +2022\.txt$/);
    const csv = await c.conn.sendRequest<{ text: string }>('govReport/summary', { format: 'csv' });
    assert.ok(csv.text.startsWith('\uFEFF文件,机关,'));
  });

  it('an open report is compared with last year\'s report on disk, and edits count; closed, the file\'s findings come back', async () => {
    const dir = folder({ '2022.txt': example('year-pair-2022.txt'), '2023.txt': example('year-pair-2023.txt') });
    c = await TestClient.start({ workspaceFolders: [uri(dir)], capabilities: CAPABILITIES });
    await passDone(c);
    const u = uri(path.join(dir, '2023.txt'));
    const text = example('year-pair-2023.txt');
    await c.open(u, text);
    const opened = await c.waitVersion(u, 1);
    assert.equal(yearly(opened).length, 4);
    // Carry over what last year carried forward: the two carry-over findings go.
    await c.replace(u, 2, text.replace('二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1', '二、上年结转政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2'));
    assert.deepEqual(yearly(await c.waitVersion(u, 2)).map((d) => d.code), ['text-reuse', 'active-count-previous-year']);
    // The Reports view counts the text being edited: two year-against-year warnings, and the prose that still says
    // "上年结转1件" against the table's 2.
    const reports = await c.conn.sendRequest<ReportInfo[]>('govReport/reports');
    const open = reports.find((r) => r.uri === u)!;
    assert.deepEqual([open.open, open.counts.warning, open.findings.filter((f) => f.rule === 'narrative-mismatch').length], [true, 3, 1]);
    const before = c.published.get(u)!.length;
    await c.close(u);
    const back = await c.waitDiagnostics(u, () => true, 10000, before);
    assert.equal(yearly(back).length, 4);
  });

  it('a change on disk is checked again: last year\'s figure changed, this year\'s findings follow', async () => {
    const dir = folder({ '2022.txt': example('year-pair-2022.txt'), '2023.txt': example('year-pair-2023.txt') });
    c = await TestClient.start({ workspaceFolders: [uri(dir)], capabilities: CAPABILITIES });
    await passDone(c);
    const seen = c.notes.length;
    const file2022 = path.join(dir, '2022.txt');
    // Last year now carried forward 1 (and received one fewer: its own balance still holds).
    fs.writeFileSync(file2022, example('year-pair-2022.txt')
      .replace('一、本年新收政府信息公开申请数量\t14\t3\t0\t0\t1\t0\t18', '一、本年新收政府信息公开申请数量\t13\t3\t0\t0\t1\t0\t17')
      .replace('四、结转下年度继续办理\t2\t0\t0\t0\t0\t0\t2', '四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1')
      .replace('全年共收到政府信息公开申请18件', '全年共收到政府信息公开申请17件').replace('结转下年度继续办理2件', '结转下年度继续办理1件'));
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(file2022), type: 2 }] });
    await passDone(c, seen);
    assert.deepEqual(c.lastDiagnostics(uri(file2022))!.diagnostics.map((d) => d.code), []);
    assert.deepEqual(yearly(c.lastDiagnostics(uri(path.join(dir, '2023.txt')))).map((d) => d.code), ['text-reuse', 'active-count-previous-year']);
    // Deleted: its diagnostics are cleared, and this year's report has nothing to compare with.
    const seen2 = c.notes.length;
    fs.rmSync(file2022);
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(file2022), type: 3 }] });
    await passDone(c, seen2);
    assert.deepEqual(c.lastDiagnostics(uri(file2022))!.diagnostics, []);
    assert.deepEqual(yearly(c.lastDiagnostics(uri(path.join(dir, '2023.txt')))), []);
  });

  it('a file whose content changes kind is published under its new uri only: the old uri\'s diagnostics are cleared', async () => {
    // A report.txt saved over with a Word document (a .txt that is a .docx, as downloads come): its text's findings
    // were published on the file, its new ones are on the extracted text.
    const dir = folder({ 'report.txt': example('defects-2022-pipe.md') });
    const file = path.join(dir, 'report.txt');
    const extracted = `gov-report-extract:${uri(file).slice('file:'.length)}`;
    c = await TestClient.start({ workspaceFolders: [uri(dir)], capabilities: CAPABILITIES });
    await passDone(c);
    assert.equal(c.lastDiagnostics(uri(file))!.diagnostics.length, 9);
    const seen = c.notes.length;
    fs.copyFileSync(path.join(examplesDir, 'clean-2021-word.docx'), file);
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(file), type: 2 }] });
    await passDone(c, seen);
    assert.deepEqual(c.lastDiagnostics(uri(file))!.diagnostics, []);
    assert.ok(c.lastDiagnostics(extracted), 'the Word document\'s findings are published on its extracted text');
    const reports = await c.conn.sendRequest<ReportInfo[]>('govReport/reports');
    assert.deepEqual(reports.map((r) => r.uri), [extracted]);
  });

  it('files.exclude, govReport.workspace settings and the project configuration decide what is checked and how', async () => {
    const dir = folder({
      'in/a.md': example('defects-2022-pipe.md'), 'drafts/b.md': example('defects-2022-pipe.md'), 'old/c.md': example('defects-2022-pipe.md'),
      'gov-report.config.json': JSON.stringify({ exclude: ['old/**'], rules: { 'cell-blank': 'warning' } }),
    });
    c = await TestClient.start({ workspaceFolders: [uri(dir)], capabilities: CAPABILITIES, sections: { 'files.exclude': { '**/drafts': true } } });
    await passDone(c);
    assert.deepEqual([...c.published.keys()].map((u) => u.replace(uri(dir), '')), ['/in/a.md']);
    const blanks = c.lastDiagnostics(uri(path.join(dir, 'in/a.md')))!.diagnostics.filter((d) => d.code === 'cell-blank');
    assert.deepEqual(blanks.map((d) => d.severity), [2, 2]);
    await c.stop();
    c = await TestClient.start({ workspaceFolders: [uri(dir)], capabilities: CAPABILITIES, settings: { '*': { workspace: { enabled: false } } } });
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual([...c.published.keys()], []);
  });

  it('a malformed configuration file is shown once as a warning with its line; the reports are still checked', async () => {
    const dir = folder({ 'a.md': example('defects-2022-pipe.md'), 'gov-report.config.json': '{\n  "rules": { "cell-blank": "loud" }\n}\n' });
    c = await TestClient.start({ workspaceFolders: [uri(dir)], capabilities: CAPABILITIES });
    await passDone(c);
    const shown = c.notes.filter((n) => n.method.startsWith('window/showMessage')).map((n) => (n.params as { message: string }).message);
    assert.equal(shown.length, 1);
    assert.match(shown[0], /gov-report\.config\.json:2:28：配置文件中的取值无效，应为 cell-blank: error \| warning \| info \| hint \| off/);
    assert.equal(c.lastDiagnostics(uri(path.join(dir, 'a.md')))!.diagnostics.filter((d) => d.code === 'cell-blank').length, 2);
  });

  it('without workspace folders (as the other editors and tests start it), nothing is checked beyond the open documents', async () => {
    c = await TestClient.start({ capabilities: CAPABILITIES });
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual([...c.published.keys()], []);
    assert.deepEqual(await c.conn.sendRequest('govReport/reports'), []);
  });
});
