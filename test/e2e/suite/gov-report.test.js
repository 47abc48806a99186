// End-to-end: the real extension + language server inside VS Code's extension host.
// Runs on copies of corpus reports in the workspace folder prepared by test/e2e/make-workspace.js.
// Line numbers below are 0-based (VS Code API).
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');

const {
  LANG, EXT_ID, PARTS, wsRoot, codeOf, brief, tick, until, fileIn, openReport, waitDiags, hoverText, symbolsOf, partSymbols,
} = require('./helpers');

describe('gov-report in VS Code', function () {
  before(function () {
    if (!fileIn('001_4f9cdb8381e45e30.txt')) {
      console.log('SKIP: the workspace holds no corpus copies (see test/e2e/make-workspace.js)');
      this.skip();
    }
  });

  describe('language mode', () => {
    it('content detection: a report named notes-a.txt (no filename pattern) becomes gov-report and activates the extension', async () => {
      const doc = await openReport('notes-a.txt');
      assert.strictEqual(doc.languageId, LANG);
      const ext = vscode.extensions.getExtension(EXT_ID);
      assert.ok(ext, `extension ${EXT_ID} not found`);
      await until(() => ext.isActive, 'activation');
    });

    it('content detection at activation and on open: every corpus copy becomes gov-report', async () => {
      for (const n of fs.readdirSync(wsRoot()).filter((n) => /^\d{3}_.*\.txt$/.test(n))) {
        const doc = await openReport(n);
        assert.strictEqual(doc.languageId, LANG, n);
      }
    });

    it('filename pattern *年度报告*.txt gives gov-report directly', async () => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(fileIn('2020年度报告-000.txt')));
      assert.strictEqual(doc.languageId, LANG);
    });

    it('a plain-text file that is not a report stays plaintext', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '会议纪要\n\n政府信息公开条例学习情况。\n' });
      await vscode.window.showTextDocument(doc);
      // the detector runs synchronously in the open handler; give the event loop a few turns
      for (let i = 0; i < 5; i++) await tick();
      assert.strictEqual(doc.languageId, 'plaintext');
    });

    it('govReport.switchLanguage switches the active editor', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'no title here\n' });
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('govReport.switchLanguage');
      await until(() => vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.languageId === LANG, 'switchLanguage');
    });
  });

  describe('diagnostics', () => {
    it('001: section-title on the truncated heading (line 57) and row-cells near line 24', async () => {
      const doc = await openReport('notes-a.txt');
      const d = await waitDiags(doc, (ds) => ds.some((x) => codeOf(x) === 'section-title'), 'section-title diagnostic');
      console.log('    001 diagnostics:', d.map(brief).join(' | '));
      const title = d.find((x) => codeOf(x) === 'section-title');
      assert.strictEqual(title.range.start.line, 57, brief(title));
      assert.ok(doc.lineAt(57).text.startsWith('三、收到和处理政府信息公开申请情'));
      const rowCells = d.filter((x) => codeOf(x) === 'row-cells');
      assert.ok(rowCells.some((x) => x.range.start.line >= 20 && x.range.start.line <= 28), `row-cells near line 24: ${rowCells.map(brief)}`);
      for (const x of d) assert.ok(x.source, `diagnostic without source: ${brief(x)}`);
    });

    it('000: cell-blank findings on line 94 (table 四, 行政复议 cells left blank)', async () => {
      const doc = await openReport('000_a4e415a0067ed183.txt');
      const d = await waitDiags(doc, (ds) => ds.some((x) => codeOf(x) === 'cell-blank'), 'cell-blank diagnostic');
      console.log('    000 diagnostics:', d.map(brief).join(' | '));
      assert.ok(d.some((x) => codeOf(x) === 'cell-blank' && x.range.start.line === 94), 'no cell-blank on line 94');
    });

    it('setting govReport.rules turns a rule off and back on', async () => {
      const doc = await openReport('notes-a.txt');
      const cfg = vscode.workspace.getConfiguration('govReport');
      try {
        await cfg.update('rules', { 'section-title': 'off' }, vscode.ConfigurationTarget.Workspace);
        await waitDiags(doc, (ds) => ds.length > 0 && !ds.some((x) => codeOf(x) === 'section-title'), 'section-title to disappear');
      } finally {
        await cfg.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await waitDiags(doc, (ds) => ds.some((x) => codeOf(x) === 'section-title'), 'section-title to come back');
    });
  });

  describe('language features', () => {
    it('outline: the six parts in order', async () => {
      const doc = await openReport('notes-a.txt');
      const flat = await symbolsOf(doc.uri);
      console.log('    outline:', flat.map((s) => `${'  '.repeat(s.depth)}${s.name}@${s.line}`).join(' | '));
      const parts = partSymbols(flat);
      assert.deepStrictEqual(parts.map((s) => s.name.charAt(0)), PARTS, 'six part symbols 一…六');
      const lines = parts.map((s) => s.line);
      assert.deepStrictEqual([...lines].sort((a, b) => a - b), lines, 'parts in document order');
    });

    it('hover on a table row label explains the row', async () => {
      const doc = await openReport('notes-a.txt');
      const line = 77;
      assert.ok(doc.lineAt(line).text.includes('本年新收'), doc.lineAt(line).text);
      const text = await until(async () => hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 4))), 'hover');
      console.log('    hover:', text.replace(/\s+/g, ' ').slice(0, 200));
      assert.match(text, /本年新收|received|申请/);
    });
  });

  describe('fixes', () => {
    it('quick fix restores the truncated heading and the finding goes away', async () => {
      const doc = await openReport('fix-001.txt');
      const d = await waitDiags(doc, (ds) => ds.some((x) => codeOf(x) === 'section-title'), 'section-title');
      const diag = d.find((x) => codeOf(x) === 'section-title');
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      console.log('    actions:', (actions || []).map((a) => `${a.title} [${a.kind && a.kind.value}${a.edit ? ' edit' : ''} ${(a.diagnostics || []).map(codeOf).join(',')}]`).join(' | '));
      const fix = (actions || []).find((a) => a.edit && (a.diagnostics || []).some((x) => codeOf(x) === 'section-title'))
        || (actions || []).find((a) => a.edit && a.kind && a.kind.value.startsWith('quickfix'));
      assert.ok(fix, 'no quick fix with an edit for section-title');
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit failed');
      if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments || []));
      assert.strictEqual(doc.lineAt(57).text.trim(), '三、收到和处理政府信息公开申请情况');
      await waitDiags(doc, (ds) => !ds.some((x) => codeOf(x) === 'section-title'), 'section-title to go away');
    });

    it('quick fix fills a blank cell with 0 (the user\'s explicit choice) and that cell-blank goes away', async () => {
      const doc = await openReport('fix-000.txt');
      const d = await waitDiags(doc, (ds) => ds.some((x) => codeOf(x) === 'cell-blank' && x.range.start.line === 94), 'cell-blank on 94');
      const blanks = d.filter((x) => codeOf(x) === 'cell-blank' && x.range.start.line === 94);
      const diag = blanks[0];
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      console.log('    actions:', (actions || []).map((a) => `${a.title} [${a.kind && a.kind.value}${a.edit ? ' edit' : ''} ${(a.diagnostics || []).map(codeOf).join(',')}]`).join(' | '));
      // executeCodeActionProvider does not hand back the actions' diagnostics: pick the single-cell fix by title.
      const fix = (actions || []).find((a) => a.edit && a.kind && a.kind.value === 'quickfix' && /this cell with 0|此单元格填为 0/.test(a.title));
      assert.ok(fix, 'no quick fix for cell-blank');
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit failed');
      await waitDiags(doc, (ds) => ds.filter((x) => codeOf(x) === 'cell-blank' && x.range.start.line === 94).length < blanks.length,
        'one fewer cell-blank on line 94');
    });

    it('govReport.fixAll applies the safe fixes of the active document', async () => {
      const doc = await openReport('001_4f9cdb8381e45e30.txt');
      await waitDiags(doc, (ds) => ds.some((x) => codeOf(x) === 'section-title'), 'section-title');
      await vscode.commands.executeCommand('govReport.fixAll');
      await until(() => doc.lineAt(57).text.trim() === '三、收到和处理政府信息公开申请情况', 'fixAll to restore the heading');
      await waitDiags(doc, (ds) => !ds.some((x) => codeOf(x) === 'section-title'), 'section-title to go away');
    });
  });
});
