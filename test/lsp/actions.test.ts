// Code actions through the language server: quick fix → apply the edit → the finding is gone; fix all of a
// rule; source.fixAll.gov-report (what editor.codeActionsOnSave asks for) and context.only filtering.
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { fixAll, lint } from '../../server/src/engine';
import { corpus, hasCorpus, requireCorpus } from '../support/paths';
import { applyEdits, editsFor, ruleLines, TestClient, uriOf } from './helpers/client';

describe('language server: code actions', function () {
  const files = corpus();
  let c: TestClient;
  let n = 0;

  before(async function () {
    requireCorpus(this);
    if (!hasCorpus) return;
    this.timeout(60000);
    c = await TestClient.start({ initializationOptions: { locale: 'zh-CN' } });
  });
  after(async function () { await c?.stop(); });

  /** Open a corpus report under a fresh URI; its first publication. */
  async function openReport(id: string): Promise<{ uri: string; text: string; p: PublishDiagnosticsParams }> {
    const uri = uriOf(`actions-${id}-${++n}.txt`);
    await c.open(uri, files[id].text, 1);
    return { uri, text: files[id].text, p: await c.waitVersion(uri, 1) };
  }

  function actions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return c.conn.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  /** Apply an action's edit as an editor would (an incremental didChange) and wait for that version's diagnostics. */
  async function apply(uri: string, text: string, action: CodeAction, version: number): Promise<{ text: string; p: PublishDiagnosticsParams }> {
    const edits = editsFor(action.edit, uri);
    assert.ok(edits.length > 0, `${action.title}: no edits`);
    for (const dc of action.edit?.documentChanges ?? []) if ('textDocument' in dc) assert.equal(dc.textDocument.version, version - 1, 'edit for the current version');
    await c.edit(uri, version, edits);
    return { text: applyEdits(text, edits), p: await c.waitVersion(uri, version) };
  }

  it('001: the section-title quick fix (safe, preferred) restores the heading and the finding is gone', async function () {
    const { uri, text, p } = await openReport('001');
    const diag = p.diagnostics.find((d) => d.code === 'section-title')!;
    const list = await actions(uri, [diag], ['quickfix']);
    assert.deepEqual(list.map((a) => [a.kind, a.isPreferred]), [['quickfix', true]]);
    assert.match(list[0].title, /三、收到和处理政府信息公开申请情况/);
    assert.deepEqual(list[0].diagnostics?.map((d) => d.code), ['section-title']);
    const after = await apply(uri, text, list[0], 2);
    assert.equal(after.text.split('\n')[57].trim(), '三、收到和处理政府信息公开申请情况');
    assert.deepEqual(ruleLines(after.p), ['period-mismatch@0', 'row-cells@24', 'template-version@292']);
    await c.close(uri);
  });

  it('000: five blank cells side by side, one finding: fill one of them with 0 (never preferred: a blank is not a zero), then the whole table', async function () {
    const { uri, text, p } = await openReport('000');
    const blanks = p.diagnostics.filter((d) => d.code === 'cell-blank');
    assert.equal(blanks.length, 1);
    const list = await actions(uri, [blanks[0]]);
    assert.deepEqual(list.map((a) => [a.title, a.isPreferred ?? false]), [
      ['确认均未发生，“行政复议·结果维持”至“行政复议·总计”列 5 格全部填 0', false],
      ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((c) => [`确认未发生，“行政复议·${c}”列填 0`, false]),
    ]);
    // 结果纠正 filled: 结果维持 stands alone, 其他结果 to 总计 side by side
    const step1 = await apply(uri, text, list[2], 2);
    assert.deepEqual(step1.p.diagnostics.filter((d) => d.code === 'cell-blank').map((d) => d.message), [
      '“行政复议·结果维持”列未填写；没有发生的请填 0，不能留空',
      '“行政复议·其他结果”至“行政复议·总计”列共 3 格未填写；没有发生的请填 0，不能留空',
    ]);
    // the table-wide fix's edits are not in the diagnostic's data; the server takes them from its cache
    const next = step1.p.diagnostics.filter((d) => d.code === 'cell-blank');
    const tableFix = (await actions(uri, [next[0]])).find((a) => a.title === '确认均未发生，第四部分表格 4 个空白格全部填 0')!;
    assert.equal(editsFor(tableFix.edit, uri).length, 4);
    const step2 = await apply(uri, step1.text, tableFix, 3);
    assert.deepEqual(step2.p.diagnostics.filter((d) => d.code === 'cell-blank'), []);
    assert.match(step2.text.split('\n')[94], /^0\t0\t0\t0\t0\t/);
    await c.close(uri);
  });

  it('004: "fix all cell-blank" fills all 138 blank cells in one edit set', async function () {
    const { uri, text, p } = await openReport('004');
    const first = p.diagnostics.find((d) => d.code === 'cell-blank')!;
    const all = (await actions(uri, [first], ['quickfix'])).find((a) => a.title === '确认均未发生，本文档 138 个空白格全部填 0')!;
    assert.ok(all, 'a fix-all-of-rule action');
    assert.equal(all.diagnostics?.length, 1);
    assert.equal(editsFor(all.edit, uri).length, 138);
    const after = await apply(uri, text, all, 2);
    assert.deepEqual(after.p.diagnostics.filter((d) => d.code === 'cell-blank'), []);
    await c.close(uri);
  });

  it('source.fixAll.gov-report with context.only: one edit, the engine fixAll result, the safe finding gone', async function () {
    const { uri, text, p } = await openReport('001');
    const list = await actions(uri, p.diagnostics, ['source.fixAll.gov-report']);
    assert.deepEqual(list.map((a) => a.kind), ['source.fixAll.gov-report']);
    const edits = editsFor(list[0].edit, uri);
    assert.equal(edits.length, 1);
    assert.equal(applyEdits(text, edits), fixAll(text, lint, { locale: 'zh-CN' }).text);
    const after = await apply(uri, text, list[0], 2);
    assert.deepEqual(ruleLines(after.p), ['period-mismatch@0', 'row-cells@24', 'template-version@292']);
    // nothing left to fix: no source action
    assert.deepEqual(await actions(uri, after.p.diagnostics, ['source.fixAll.gov-report']), []);
    await c.close(uri);
  });

  it('honours context.only: parent kinds match, other kinds get nothing', async function () {
    const { uri, p } = await openReport('001');
    const kinds = async (only?: string[]) => (await actions(uri, p.diagnostics, only)).map((a) => a.kind);
    assert.deepEqual(await kinds(['source']), ['source.fixAll.gov-report']);
    assert.deepEqual(await kinds(['source.fixAll']), ['source.fixAll.gov-report']);
    assert.deepEqual(await kinds(['quickfix']), ['quickfix']);
    assert.deepEqual(await kinds(['refactor']), []);
    assert.deepEqual(await kinds(['source.fixAll.eslint']), []);
    assert.deepEqual(await kinds(['source.organizeImports']), []);
    assert.deepEqual(await kinds(), ['quickfix', 'source.fixAll.gov-report']);
    await c.close(uri);
  });

  it('a diagnostic from an older version: fixes come from the current lint at the same range, or none', async function () {
    const { uri, text, p } = await openReport('001');
    const diag = p.diagnostics.find((d) => d.code === 'section-title')!;
    const lines = text.split('\n');
    await c.edit(uri, 2, [{ range: { start: { line: lines.length - 1, character: 0 }, end: { line: lines.length - 1, character: 0 } }, newText: '附：\n' }]);
    await c.waitVersion(uri, 2);
    const list = await actions(uri, [diag], ['quickfix']);
    assert.equal(list.length, 1, 'the finding is still there at the same range');
    assert.equal((list[0].edit?.documentChanges?.[0] as { textDocument: { version: number } }).textDocument.version, 2);
    const moved = { ...diag, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } } };
    assert.deepEqual(await actions(uri, [moved], ['quickfix']), []);
    // a diagnostic of another source is ignored
    assert.deepEqual(await actions(uri, [{ ...diag, source: 'eslint' }], ['quickfix']), []);
    await c.close(uri);
  });
});

describe('language server: code actions for a client without versioned edits', function () {
  it('returns WorkspaceEdit.changes', async function () {
    if (!hasCorpus) this.skip();
    this.timeout(30000);
    const c = await TestClient.start({ capabilities: {} });
    try {
      const uri = uriOf('changes-001.txt');
      const text = corpus()['001'].text;
      await c.open(uri, text, 1);
      const p = await c.waitVersion(uri, 1);
      const diag = p.diagnostics.find((d) => d.code === 'section-title')!;
      const list = await c.conn.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
      assert.ok(list.length >= 1);
      for (const a of list) {
        assert.equal(a.edit?.documentChanges, undefined);
        assert.ok(a.edit?.changes?.[uri]?.length, a.title);
      }
    } finally {
      await c.stop();
    }
  });
});
