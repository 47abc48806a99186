// End-to-end: "Open as report" in VS Code's extension host, on the published examples copied into the workspace
// (test/e2e/make-workspace.js): a saved web page and a PDF open as read-only gov-report documents with the findings
// examples/README.md lists, the outline and hovers; the published reports of corpus-wild add cases when they are
// beside the repository. (Pasting HTML needs a real clipboard event, which the extension API cannot make:
// test/e2e/ui-inputs.js does it in the browser.) 0-based lines.
const assert = require('assert');
const vscode = require('vscode');
const { LANG, PARTS, brief, codeOf, fileIn, hoverText, partSymbols, symbolsOf, until, waitDiags } = require('./helpers');

const SCHEME = 'gov-report-extract';
const LOUD = new Set([vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Warning]);

/** Run the command on a workspace file and wait for its extracted report to be the active gov-report editor. */
async function openAsReport(name) {
  const file = vscode.Uri.file(fileIn(name));
  await vscode.commands.executeCommand('govReport.openAsReport', file);
  const editor = await until(() => {
    const e = vscode.window.activeTextEditor;
    return e && e.document.uri.scheme === SCHEME && e.document.uri.path === file.path && e.document.languageId === LANG ? e : null;
  }, `${name} opened as a report`);
  return editor.document;
}

/** "rule: label" of the error and warning diagnostics, sorted; the label is the first cell of the finding's line. */
const loud = (doc, ds) => ds.filter((d) => LOUD.has(d.severity)).map((d) => `${codeOf(d)}: ${doc.lineAt(d.range.start.line).text.trim().split(/\t| {2,}/)[0]}`).sort();

/** Each published document: its findings at error and warning ("rule: label"), and the text of its balance findings. */
const DOCUMENTS = [
  {
    file: 'defects-2021-web-page.html', what: 'the example web page',
    loud: ['balance-outcome-total: 三、本年度办理结果', 'balance-row-total: 三、本年度办理结果', 'row-label: 2.其他法律行政止公开', 'section-title: 六、需要说明的其他事项与附表'],
    balances: ['13', '13'],
  },
  {
    file: 'defects-2023-wrong-total.pdf', what: 'the example PDF',
    loud: ['balance-outcome-total: 三、本年度办理结果', 'balance-row-total: 三、本年度办理结果'],
    balances: ['13', '13'],
  },
  {
    // （七）总计 in the 自然人 and 其他 columns: each fails R3 and, so, R1 (corpus-wild's README).
    file: '005_pingtan_nyn_2021.html', what: 'corpus-wild 005 (a saved web page)',
    loud: [
      'balance-carryover: （七）总计', 'balance-carryover: （七）总计', 'balance-outcome-total: （七）总计', 'balance-outcome-total: （七）总计',
      'section-title: 五、政府信息公开存在的主要问题及改进情况', 'section-title: 六、需要说明的其他事项与附表',
    ],
    balances: ['3', '3', '0', '0'],
  },
  { file: '018_huaian_hongze_2024.pdf', what: 'corpus-wild 018 (a PDF)', loud: ['row-label: 2.其他法律行政止公开'], balances: [] },
];

describe('published documents opened as reports', function () {
  for (const c of DOCUMENTS) {
    it(`${c.what}: the findings listed for it, read-only text`, async function () {
      if (!fileIn(c.file)) { console.log(`SKIP: ${c.file} is not in the workspace (corpus-wild absent)`); this.skip(); }
      const doc = await openAsReport(c.file);
      const d = await waitDiags(doc, (ds) => ds.filter((x) => LOUD.has(x.severity)).length >= c.loud.length, `${c.loud.length} findings`);
      console.log(`    ${c.file}:`, d.map(brief).join(' | '));
      assert.deepStrictEqual(loud(doc, d), c.loud);
      assert.deepStrictEqual(d.filter((x) => codeOf(x).startsWith('balance-')).map((x) => doc.getText(x.range)), c.balances);
    });
  }

  it('the extracted report is read-only: typing changes nothing, and no fix is offered', async () => {
    const doc = await openAsReport('defects-2021-web-page.html');
    const before = doc.getText();
    await vscode.commands.executeCommand('type', { text: '改' });
    assert.strictEqual(doc.getText(), before);
    assert.strictEqual(doc.isDirty, false);
    const title = await waitDiags(doc, (ds) => ds.some((x) => codeOf(x) === 'section-title'), 'section-title');
    const range = title.find((x) => codeOf(x) === 'section-title').range;
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, range, vscode.CodeActionKind.QuickFix.value);
    assert.deepStrictEqual((actions || []).filter((a) => a.edit).map((a) => a.title), []);
  });

  it('outline and hover of the extracted report', async () => {
    const doc = await openAsReport('defects-2021-web-page.html');
    const parts = partSymbols(await symbolsOf(doc.uri));
    assert.deepStrictEqual(parts.map((s) => s.name.charAt(0)), PARTS);
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('一、本年新收'));
    assert.ok(line > 0, 'row 一、本年新收 in the text');
    const text = await until(async () => hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 2))), 'hover');
    assert.match(text, /本年新收|received/);
  });

  it('corpus-wild 018 (a PDF): the single （六）其他处理 row as an info', async function () {
    if (!fileIn('018_huaian_hongze_2024.pdf')) { console.log('SKIP: corpus-wild not found (see test/e2e/make-workspace.js)'); this.skip(); }
    const doc = await openAsReport('018_huaian_hongze_2024.pdf');
    const d = await waitDiags(doc, (ds) => ds.some((x) => codeOf(x) === 'template-version'), 'template-version');
    const info = d.find((x) => codeOf(x) === 'template-version');
    assert.strictEqual(info.severity, vscode.DiagnosticSeverity.Information);
    assert.match(doc.lineAt(info.range.start.line).text, /（六）其他处理/);
  });

  it('a damaged Word document opens nothing (the reason is a notification: see ui-inputs.js)', async () => {
    const before = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === SCHEME).length;
    await vscode.commands.executeCommand('govReport.openAsReport', vscode.Uri.file(fileIn('broken.docx')));
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.scheme === SCHEME && d.uri.path.endsWith('/broken.docx')));
    assert.ok(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === SCHEME).length <= before);
  });
});
