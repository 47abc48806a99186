// End-to-end, the writer's desk: the table preview opens beside its report, new reports in the right template
// (from last year's with its carried figures selected), and a missing row completed from the completion list.
// The preview's page itself (its DOM, a click into the editor) is driven in test/e2e/ui-preview.js.
const assert = require('assert');
const vscode = require('vscode');
const { LANG, codeOf, brief, until, fileIn, openReport, diagsOf, waitDiags } = require('./helpers');

const previewTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
  .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('govReport.tablePreview'));

describe('the writer\'s desk in VS Code', function () {
  before(function () {
    if (!fileIn('last-year-2023.txt')) {
      console.log('SKIP: the workspace holds no corpus copies (see test/e2e/make-workspace.js)');
      this.skip();
    }
  });

  describe('table preview', () => {
    it('govReport.showPreview opens one preview beside the report, titled by its file; again, the same one', async () => {
      await openReport('000_a4e415a0067ed183.txt');
      const before = previewTabs().length;
      await vscode.commands.executeCommand('govReport.showPreview');
      const tabs = await until(() => (previewTabs().length > before ? previewTabs() : null), 'a preview tab');
      const tab = tabs[tabs.length - 1];
      console.log('    preview tab:', tab.label, 'group', tab.group.viewColumn);
      assert.match(tab.label, /000_a4e415a0067ed183\.txt/);
      assert.notStrictEqual(tab.group.viewColumn, vscode.window.activeTextEditor.viewColumn, 'preview beside the editor');
      await vscode.commands.executeCommand('govReport.showPreview');
      assert.strictEqual(previewTabs().length, before + 1, 'a second preview of the same report');
    });
  });

  describe('new report', () => {
    // The blank cells the findings stand for: one, or “……共 N 格未填写” for a row's cells side by side.
    const cellBlanks = (doc) => diagsOf(doc).filter((d) => codeOf(d) === 'cell-blank' && !(d.relatedInformation || []).length)
      .reduce((n, d) => n + Number((/共 (\d+) 格未填写/.exec(d.message) || [])[1] || 1), 0);

    it('New annual report (2023, row per line): the 2021 format, every cell blank (and table 三\'s blank columns said once), nothing else to report', async () => {
      const uri = await vscode.commands.executeCommand('govReport.newReport', { office: '某市某区某街道办事处', year: 2023, layout: 'row-per-line' });
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      assert.strictEqual(doc.languageId, LANG);
      assert.strictEqual(doc.lineAt(0).text, '某市某区某街道办事处2023年政府信息公开工作年度报告');
      assert.ok(doc.getText().includes('统计期限自2023年1月1日起至2023年12月31日止'));
      const d = await waitDiags(doc, (ds) => ds.some((x) => (x.relatedInformation || []).length === 25), 'the finding on table 三');
      console.log('    new 2023 report:', d.length, 'diagnostics;', [...new Set(d.map(codeOf))].join(','));
      assert.deepStrictEqual([...new Set(d.map(codeOf))], ['cell-blank']);
      // 200 cells, and one finding on table 三 for its seven columns blank in all 25 rows (the rows as related places).
      assert.strictEqual(cellBlanks(doc), 200);
      assert.strictEqual(diagsOf(doc).filter((x) => (x.relatedInformation || []).length === 25).length, 1);
    });

    it('New annual report (2020, Markdown): the 2019 format', async () => {
      const uri = await vscode.commands.executeCommand('govReport.newReport', { office: '某县农业农村局', year: 2020, layout: 'pipe' });
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      assert.ok(doc.getText().includes('| 政府集中采购 |'), 'the 2019 format has 第二十条第（九）项');
      const d = await waitDiags(doc, (ds) => ds.length >= 198, '198 diagnostics');
      assert.deepStrictEqual([...new Set(d.map(codeOf))], ['cell-blank']);
    });

    it('…from last year\'s report: 上年结转 filled, 现行有效件数 carried and selected to confirm', async () => {
      const last = vscode.Uri.file(fileIn('last-year-2023.txt')).toString();
      const uri = await vscode.commands.executeCommand('govReport.newReportFromLastYear', { lastYear: last, layout: 'row-per-line', office: '某市某区某街道办事处', year: 2024 });
      const editor = vscode.window.activeTextEditor;
      assert.strictEqual(editor.document.uri.toString(), uri.toString());
      const doc = editor.document;
      const carried = doc.getText().split('\n').find((l) => l.startsWith('二、上年结转'));
      assert.strictEqual(carried, '二、上年结转政府信息公开申请数量\t2\t0\t0\t0\t1\t0\t3');
      const selected = editor.selections.map((s) => `${s.start.line}:${doc.getText(s)}`);
      console.log('    selected to confirm:', selected.join(' '));
      assert.deepStrictEqual(editor.selections.map((s) => doc.lineAt(s.start.line).text.split('\t')[0]), ['规章', '行政规范性文件']);
      assert.deepStrictEqual(editor.selections.map((s) => doc.getText(s)), ['0', '0']);
      const d = await waitDiags(doc, (ds) => ds.length > 0, 'diagnostics');
      assert.deepStrictEqual([...new Set(d.map(codeOf))], ['cell-blank']);
      assert.strictEqual(cellBlanks(doc), 200 - 9);
    });
  });

  describe('snippets', () => {
    it('a deleted row of table 三 comes back from the completion list, its cells to fill', async () => {
      const doc = await openReport('desk-completion.txt');
      const line = doc.getText().split('\n').findIndex((l) => l.includes('2.其他法律行政法规禁止公开'));
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.replace(doc.lineAt(line).range, ''));
      await waitDiags(doc, (ds) => ds.some((x) => codeOf(x) === 'row-missing'), 'row-missing');
      const position = new vscode.Position(line, 0);
      const list = await until(() => vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, position), 'completions');
      const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '2.其他法律行政法规禁止公开');
      console.log('    completion items:', list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).join(' | '));
      assert.ok(item, 'the missing row is offered');
      assert.strictEqual(item.kind, vscode.CompletionItemKind.Snippet);
      const snippet = item.insertText instanceof vscode.SnippetString ? item.insertText : new vscode.SnippetString(String(item.insertText));
      await editor.insertSnippet(snippet, item.range && item.range.replacing ? item.range.replacing : item.range || position);
      assert.strictEqual(doc.lineAt(line).text, `2.其他法律行政法规禁止公开${'\t'.repeat(7)}`);
      const d = await waitDiags(doc, (ds) => !ds.some((x) => codeOf(x) === 'row-missing'), 'row-missing to go');
      console.log('    after:', d.filter((x) => x.severity <= 1).map(brief).join(' | '));
      assert.deepStrictEqual(d.filter((x) => x.severity === vscode.DiagnosticSeverity.Error).map((x) => `${codeOf(x)}@${x.range.start.line}`), [`cell-blank@${line}`]); // seven blank cells side by side: one finding
      await vscode.commands.executeCommand('leaveSnippet');
    });
  });
});
