// Issue 12 in VS Code itself: Chinese by default in an English VS Code; reports look as plain text does (no unicode
// highlight of Chinese punctuation, see also ui-wording.js for the decorations on screen); a switch to Plain Text
// sticks; a finding's rule link opens the page rendered; a cause repeated along a table is one finding on the
// table with its rows as related places (corpus 002, 004).
const assert = require('assert');
const vscode = require('vscode');
const { LANG, codeOf, brief, until, fileIn, openReport, waitDiags } = require('./helpers');

const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);

describe('wording and first contact (issue 12)', function () {
  before(function () {
    if (!fileIn('002_90b599f5afc7c4ca.txt')) this.skip();
  });

  it('Chinese by default in an English VS Code: the findings of notes-a.txt (a copy of examples/defects-2022-pipe.md) are the Chinese ones', async () => {
    assert.match(vscode.env.language, /^en/, `VS Code's display language: ${vscode.env.language}`);
    assert.strictEqual(vscode.workspace.getConfiguration('govReport').get('locale'), 'zh-CN');
    const doc = await openReport('notes-a.txt');
    const d = await waitDiags(doc, (ds) => ds.some((x) => codeOf(x) === 'section-title'), 'section-title');
    assert.strictEqual(d.find((x) => codeOf(x) === 'section-title').message, '标题“三、收到和处理政府信息公开申请情”与模板不一致，应为“三、收到和处理政府信息公开申请情况”');
    assert.strictEqual(d.find((x) => codeOf(x) === 'cell-blank' && x.range.start.line === 76).message, '“（五）2.重复申请”行“科研机构”列未填写；没有发生的请填 0，不能留空');
  });

  it('a report looks as plain text does: no unicode highlight of ambiguous characters (Chinese punctuation) in gov-report', () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: LANG });
    assert.strictEqual(editor.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.strictEqual(editor.get('unicodeHighlight.invisibleCharacters'), false);
    // the same as VS Code's own default for plain text
    const plain = vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' });
    assert.strictEqual(plain.get('unicodeHighlight.ambiguousCharacters'), false);
  });

  it('002: one finding on the table for the 21 rows short of a column, the rows as related places; each row refers to it', async () => {
    const doc = await openReport('002_90b599f5afc7c4ca.txt');
    const d = await waitDiags(doc, (ds) => ds.filter((x) => codeOf(x) === 'row-cells').length === 22, '22 row-cells');
    const table = d.find((x) => codeOf(x) === 'row-cells' && x.range.start.line === 65);
    assert.ok(table, d.map(brief).join(' | '));
    assert.strictEqual(table.message, '第三部分表格 21 行均少 1 列：每行应有 7 个数字，实有 6 个，可能有整列漏填或错位，请对照原表核对');
    assert.strictEqual(table.relatedInformation.length, 21);
    assert.strictEqual(table.relatedInformation[0].location.uri.toString(), doc.uri.toString());
    assert.strictEqual(table.relatedInformation[0].location.range.start.line, 72);
    assert.strictEqual(table.relatedInformation[0].message, '“（一）予以公开”行：实有 6 个数字');
    const row = d.find((x) => codeOf(x) === 'row-cells' && x.range.start.line === 72);
    assert.strictEqual(row.message, '“（一）予以公开”行应有 7 个数字，实有 6 个（本表 21 行同样如此，见表格开头）');
  });

  it('004: one finding on the table for the six applicant columns blank in every row, no "cannot be checked" info', async () => {
    const doc = await openReport('004_974e4c203befb017.txt');
    const d = await waitDiags(doc, (ds) => ds.length >= 139, '139 diagnostics');
    assert.strictEqual(d.length, 139, 'the table, then 138 cells; no info');
    const table = d.find((x) => x.range.start.line === 91);
    assert.strictEqual(table.message, '第三部分表格“自然人”至“其他”6 列在全部 23 行均未填写，共 138 格：没有发生的请填 0，不能留空；相关合计暂无法核对');
    assert.strictEqual(table.relatedInformation.length, 23);
  });

  it('the rule link of a finding opens the rule page rendered (Markdown preview), read-only', async () => {
    const doc = await openReport('notes-a.txt'); // a copy of examples/defects-2022-pipe.md
    const d = await waitDiags(doc, (ds) => ds.some((x) => codeOf(x) === 'section-title'), 'section-title');
    const target = d.find((x) => codeOf(x) === 'section-title').code.target;
    assert.strictEqual(target.scheme, 'command', String(target));
    assert.strictEqual(target.path, 'govReport.showRule');
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(target.query)), ['section-title']);
    const previews = () => tabs().filter((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType));
    const before = previews().length;
    // What a click on the link runs (the Problems panel and the hover open command links).
    await vscode.commands.executeCommand(target.path, ...JSON.parse(decodeURIComponent(target.query)));
    const tab = await until(() => previews().length > before && previews().find((t) => /section-title/.test(t.label)), 'a Markdown preview of section-title.md');
    console.log(`    rule page: ${tab.label} [${tab.input.viewType}]`);
    // No text editor was opened on the page: it is shown rendered only.
    assert.ok(!vscode.workspace.textDocuments.some((t) => t.uri.path.endsWith('/docs/rules/section-title.md') && vscode.window.visibleTextEditors.some((e) => e.document === t)));
  });

  it('a report switched to Plain Text stays Plain Text (content detection does not switch it back), and the command brings it back', async () => {
    const doc = await openReport('notes-a.txt');
    const plain = await vscode.languages.setTextDocumentLanguage(doc, 'plaintext'); // what the language picker does
    assert.strictEqual(plain.languageId, 'plaintext');
    // Give the extension every chance to switch it back: a few turns of the event loop and a round trip to the server.
    for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 50));
    await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', plain.uri);
    const now = vscode.workspace.textDocuments.find((t) => t.uri.toString() === plain.uri.toString());
    assert.strictEqual(now.languageId, 'plaintext');
    await vscode.window.showTextDocument(now);
    await vscode.commands.executeCommand('govReport.switchLanguage');
    await until(() => vscode.workspace.textDocuments.find((t) => t.uri.toString() === plain.uri.toString() && t.languageId === LANG), 'the command to make it a report again');
    // and the language picker's way back (a change to gov-report by the user) stays too
    await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(plain.uri), 'plaintext');
    const back = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(plain.uri), LANG);
    for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 50));
    assert.strictEqual(vscode.workspace.textDocuments.find((t) => t.uri.toString() === back.uri.toString()).languageId, LANG);
  });

  it('a file matched by the filename pattern, switched to Plain Text, is Plain Text when opened again', async () => {
    const uri = vscode.Uri.file(fileIn('2020年度报告-000.txt'));
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(doc.languageId, LANG);
    await vscode.window.showTextDocument(doc);
    await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // VS Code drops the document some time after its last editor closes; the choice is remembered per file.
    const gone = await new Promise((resolve) => {
      if (!vscode.workspace.textDocuments.some((t) => t.uri.toString() === uri.toString())) return resolve(true);
      const sub = vscode.workspace.onDidCloseTextDocument((t) => { if (t.uri.toString() === uri.toString()) { sub.dispose(); resolve(true); } });
      setTimeout(() => { sub.dispose(); resolve(false); }, 3000);
    });
    const again = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(again);
    await until(async () => {
      for (let i = 0; i < 4; i++) await new Promise((r) => setTimeout(r, 50));
      return vscode.workspace.textDocuments.find((t) => t.uri.toString() === uri.toString()).languageId === 'plaintext';
    }, 'the file to be Plain Text again', 5000);
    console.log(`    reopened ${gone ? 'after VS Code dropped the document' : '(VS Code kept the document loaded)'}: plaintext`);
    await vscode.commands.executeCommand('govReport.switchLanguage'); // leave it as the other tests expect
  });
});
