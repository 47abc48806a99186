// The writer's desk over LSP: the table preview's request, the new-report skeleton, completion snippets for a
// missing row, and the debounce (leading and trailing edge; hover and outline from the latest model).
import assert from 'node:assert/strict';
import {
  ErrorCodes, ResponseError,
  type CompletionList, type DocumentSymbol, type Hover, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { lint, type PreviewCell, type Skeleton } from '../../server/src/engine';
import type { TablesResult } from '../../server/src/protocol';
import { example } from '../support/paths';
import { applyEdits, TestClient, uriOf } from './helpers/client';

const DEFECTS = example('defects-2022-pipe.md');
const CLEAN = example('clean-2023-row-per-line.txt');
/** A cell of table 三 by row label and column, from a preview. */
function appCell(t: TablesResult, rowId: string, column: string): PreviewCell {
  const table = t.preview.tables.find((x) => x.id === 'applications')!;
  return table.blocks[0].rows.find((r) => r.id === rowId)!.cells.find((c) => c.columnId === column)!;
}

describe('language server: the writer\'s desk', function () {
  let c: TestClient;
  before(async function () {
    this.timeout(60000);
    c = await TestClient.start({ initializationOptions: { locale: 'zh-CN' } });
  });
  after(async function () { await c?.stop(); });

  it('advertises completion', function () {
    assert.deepEqual(c.initializeResult.capabilities.completionProvider, {});
  });

  it('govReport/tables: the preview of the latest version, its cells with findings and balance results', async function () {
    const uri = uriOf('tables.md');
    await c.open(uri, DEFECTS, 1);
    const t1 = await c.conn.sendRequest<TablesResult>('govReport/tables', { uri });
    assert.equal(t1.version, 1);
    assert.deepEqual(t1.preview.tables.map((x) => [x.id, x.found]), [['active', true], ['applications', true], ['review', true]]);
    const wrong = appCell(t1, 'app.unable.1', 'total');
    assert.deepEqual([wrong.text, wrong.findings.map((f) => `${f.severity} ${f.rule}`), wrong.balances.map((b) => b.status)], ['3', ['error balance-row-total'], ['wrong']]);
    const blank = appCell(t1, 'app.rejected.2', 'research');
    assert.deepEqual([blank.kind, blank.findings.map((f) => f.rule)], ['blank', ['cell-blank']]);
    // Fix the row total: the next request answers from version 2 without waiting for its diagnostics.
    const line = DEFECTS.split('\n').findIndex((l) => l.startsWith('| 1.本机关不掌握相关政府信息'));
    const fixed = DEFECTS.split('\n').map((l, i) => (i === line ? l.replace(/\| 3 \|$/, '| 4 |') : l)).join('\n');
    await c.replace(uri, 2, fixed);
    const t2 = await c.conn.sendRequest<TablesResult>('govReport/tables', { uri });
    assert.equal(t2.version, 2);
    assert.deepEqual(appCell(t2, 'app.unable.1', 'total').balances.map((b) => b.status), ['ok']);
    await c.close(uri);
  });

  it('govReport/tables for a document that is not open: null', async function () {
    assert.equal(await c.conn.sendRequest('govReport/tables', { uri: uriOf('never-opened.txt') }), null);
    assert.equal(await c.conn.sendRequest('govReport/tables', {}), null);
  });

  it('govReport/skeleton: a new report that lints with blank-cell findings only; from last year, carried figures', async function () {
    const s = await c.conn.sendRequest<Skeleton>('govReport/skeleton', { office: '某县农业农村局', year: 2024, layout: 'pipe' });
    assert.equal(s.template, 'T2021');
    assert.deepEqual([...new Set(lint(s.text).findings.map((f) => f.rule))], ['cell-blank']);
    const carried = await c.conn.sendRequest<Skeleton>('govReport/skeleton', { office: '某街道办事处', year: 2024, layout: 'row-per-line', lastYear: { text: CLEAN } });
    assert.deepEqual(carried.carried.filter((x) => !x.confirm).map((x) => x.value), ['2', '0', '0', '0', '1', '0', '3']);
    assert.deepEqual(carried.carried.filter((x) => x.confirm).map((x) => x.column), ['in-force', 'in-force']);
  });

  it('govReport/skeleton with bad parameters: InvalidParams, and the server goes on', async function () {
    for (const params of [{ office: '', year: 2024, layout: 'pipe' }, { office: 'X', year: 2018, layout: 'pipe' }, { office: 'X', year: 2024, layout: 'html' }, null]) {
      await assert.rejects(c.conn.sendRequest('govReport/skeleton', params), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidParams);
    }
    assert.ok((await c.conn.sendRequest<Skeleton>('govReport/skeleton', { office: 'X', year: 2020, layout: 'pipe' })).text.includes('X2020年'));
  });

  it('completion: a missing row of table 三 is offered as a snippet in the table\'s layout; inserted, row-missing goes', async function () {
    const uri = uriOf('completion.txt');
    const lines = CLEAN.split('\n');
    const at = lines.findIndex((l) => l.includes('2.其他法律行政法规禁止公开'));
    lines[at] = '';
    const text = lines.join('\n');
    await c.open(uri, text, 1);
    const before = await c.waitVersion(uri, 1);
    assert.deepEqual(before.diagnostics.map((d) => d.code), ['row-missing']);
    const list = await c.conn.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: at, character: 0 } });
    assert.deepEqual(list.items.map((i) => i.label), ['2.其他法律行政法规禁止公开']);
    const item = list.items[0];
    assert.equal(item.insertTextFormat, 2);
    const edit = item.textEdit as { range: PublishDiagnosticsParams['diagnostics'][number]['range']; newText: string };
    assert.equal(edit.newText, `2.其他法律行政法规禁止公开${[1, 2, 3, 4, 5, 6, 7].map((n) => `\t\${${n}}`).join('')}$0`);
    // What the editor inserts when the tab stops are left empty: seven blank cells to fill.
    await c.replace(uri, 2, applyEdits(text, [{ range: edit.range, newText: edit.newText.replace(/\$\{\d+\}|\$0/g, '') }]));
    const after = await c.waitVersion(uri, 2);
    const loud = after.diagnostics.filter((d) => d.severity === 1 || d.severity === 2);
    // seven blank cells side by side: one finding over them
    assert.deepEqual(loud.map((d) => `${d.code}@${d.range.start.line}`), [`cell-blank@${at}`]);
    assert.match(loud[0].message, /^“（三）2\.其他法律行政法规禁止公开”行“自然人”至“总计”列共 7 格未填写/);
    // Inside a cell (after a tab) nothing is offered.
    const none = await c.conn.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: at, character: lines[at - 1].indexOf('\t') + 1 } });
    assert.deepEqual(none.items, []);
    await c.close(uri);
  });
});

describe('language server: debounce with a leading and a trailing edge', function () {
  let c: TestClient;
  const DEBOUNCE = 1000;
  before(async function () {
    this.timeout(60000);
    c = await TestClient.start({ initializationOptions: { locale: 'zh-CN', debounceMs: DEBOUNCE } });
  });
  after(async function () { await c?.stop(); });

  it('an edit after a quiet spell is linted at once; a burst is linted once, at its newest version, a debounce later', async function () {
    this.timeout(20000);
    const uri = uriOf('debounce.txt');
    const t0 = Date.now();
    await c.open(uri, CLEAN, 1);
    await c.waitVersion(uri, 1, DEBOUNCE / 2); // a trailing-only debounce would wait a whole period
    const opened = Date.now() - t0;
    for (let v = 2; v <= 10; v++) await c.replace(uri, v, `${CLEAN}${' '.repeat(v)}`);
    await c.waitVersion(uri, 10, 5000);
    const versions = (c.published.get(uri) ?? []).map((p) => p.version);
    assert.deepEqual(versions, [1, 10], `published ${versions.join()}`);
    assert.ok(Date.now() - t0 >= DEBOUNCE * 0.9, 'the burst was linted before a debounce period had passed');
    assert.ok(opened < DEBOUNCE / 2);
    await c.close(uri);
  });

  it('hover and outline answer from the newest version before its diagnostics are published', async function () {
    this.timeout(20000);
    const uri = uriOf('latest-model.txt');
    await c.open(uri, CLEAN, 1);
    await c.waitVersion(uri, 1, 5000);
    // Within the debounce period: the total of 一、本年新收 becomes 99 and part 一's first sub-heading is renamed.
    const lines = CLEAN.split('\n');
    const row = lines.findIndex((l) => l.startsWith('一、本年新收'));
    lines[row] = lines[row].replace(/\t26$/, '\t99');
    const sub = lines.findIndex((l) => l === '（一）主动公开情况');
    lines[sub] = '（一）主动公开工作情况';
    await c.replace(uri, 2, lines.join('\n'));
    const hover = await c.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: row, character: lines[row].length - 1 } });
    const symbols = await c.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(c.lastDiagnostics(uri)?.version, 1, 'version 2 was published before the debounce period');
    assert.match((hover.contents as { value: string }).value, /99/);
    assert.equal(symbols[0].children![0].children![0].name, '（一）主动公开工作情况');
    await c.waitVersion(uri, 2, 5000);
    await c.close(uri);
  });
});
