// End-to-end: the real extension + language server inside VS Code's extension host, on copies of the project's
// examples in the workspace folder prepared by test/e2e/make-workspace.js (notes-a.txt and the fix-*.txt copies are
// examples/defects-2022-pipe.md); the shared corpus adds cases when it is beside the repository. 0-based lines.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const {
  LANG, EXT_ID, PARTS, wsRoot, codeOf, brief, tick, until, fileIn, openReport, waitDiags, hoverText, symbolsOf, partSymbols,
} = require('./helpers');

/** Where examples/defects-2022-pipe.md has its findings (examples/README.md lists them). */
const DEFECTS = { period: 2, placeholder: 54, heading: 56, blank: 76, rowLabel: 60 };
const HEADING = '三、收到和处理政府信息公开申请情况';
const LOUD = new Set([vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Warning]);

describe('gov-report in VS Code', function () {
  describe('language mode', () => {
    it('content detection: a report named notes-a.txt (no filename pattern) becomes gov-report and activates the extension', async () => {
      const doc = await openReport('notes-a.txt');
      assert.strictEqual(doc.languageId, LANG);
      const ext = vscode.extensions.getExtension(EXT_ID);
      assert.ok(ext, `extension ${EXT_ID} not found`);
      await until(() => ext.isActive, 'activation');
    });

    it('content detection at activation and on open: every plain-text example (and corpus copy) becomes gov-report', async () => {
      const reports = fs.readdirSync(wsRoot()).filter((n) => /^(clean-.*|\d{3}_.*)\.txt$/.test(n));
      assert.ok(reports.length >= 2, reports.join(' '));
      for (const n of reports) assert.strictEqual((await openReport(n)).languageId, LANG, n);
    });

    it('filename pattern *年度报告*.txt gives gov-report directly', async () => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(fileIn('2022年度报告-defects.txt')));
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
    it('the defects example: the findings examples/README.md lists, at their lines', async () => {
      const doc = await openReport('notes-a.txt');
      const d = await waitDiags(doc, (ds) => ds.some((x) => codeOf(x) === 'section-missing'), 'section-missing diagnostic');
      console.log('    diagnostics:', d.map(brief).join(' | '));
      const at = d.map((x) => `${codeOf(x)}@${x.range.start.line}`).sort();
      assert.deepStrictEqual(at, [
        'balance-outcome-total@83', 'balance-outcome-total@83', 'balance-row-total@72', 'balance-row-total@76',
        'cell-blank@54', 'cell-blank@76', 'period-mismatch@2', 'section-missing@99', 'section-title@56',
      ]);
      assert.ok(doc.lineAt(DEFECTS.heading).text.startsWith('三、收到和处理政府信息公开申请情'));
      for (const x of d) assert.strictEqual(x.source, 'gov-report', brief(x));
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
      const doc = await openReport('clean-2023-row-per-line.txt');
      const flat = await symbolsOf(doc.uri);
      console.log('    outline:', flat.map((s) => `${'  '.repeat(s.depth)}${s.name}@${s.line}`).join(' | '));
      const parts = partSymbols(flat);
      assert.deepStrictEqual(parts.map((s) => s.name.charAt(0)), PARTS, 'six part symbols 一…六');
      const lines = parts.map((s) => s.line);
      assert.deepStrictEqual([...lines].sort((a, b) => a - b), lines, 'parts in document order');
    });

    it('hover on a table row label explains the row', async () => {
      const doc = await openReport('notes-a.txt');
      const line = DEFECTS.rowLabel;
      assert.ok(doc.lineAt(line).text.includes('本年新收'), doc.lineAt(line).text);
      const text = await until(async () => hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 4))), 'hover');
      console.log('    hover:', text.replace(/\s+/g, ' ').slice(0, 200));
      assert.match(text, /本年新收|received|申请/);
    });
  });

  describe('fixes', () => {
    it('quick fix restores the truncated heading and the finding goes away', async () => {
      const doc = await openReport('fix-heading.txt');
      const d = await waitDiags(doc, (ds) => ds.some((x) => codeOf(x) === 'section-title'), 'section-title');
      const diag = d.find((x) => codeOf(x) === 'section-title');
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      console.log('    actions:', (actions || []).map((a) => `${a.title} [${a.kind && a.kind.value}${a.edit ? ' edit' : ''} ${(a.diagnostics || []).map(codeOf).join(',')}]`).join(' | '));
      const fix = (actions || []).find((a) => a.edit && (a.diagnostics || []).some((x) => codeOf(x) === 'section-title'))
        || (actions || []).find((a) => a.edit && a.kind && a.kind.value.startsWith('quickfix'));
      assert.ok(fix, 'no quick fix with an edit for section-title');
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit failed');
      if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments || []));
      assert.strictEqual(doc.lineAt(DEFECTS.heading).text.trim(), HEADING);
      await waitDiags(doc, (ds) => !ds.some((x) => codeOf(x) === 'section-title'), 'section-title to go away');
    });

    it('quick fix fills a blank cell with 0 (the user\'s explicit choice) and that cell-blank goes away', async () => {
      const doc = await openReport('fix-blank.txt');
      const onBlank = (ds) => ds.filter((x) => codeOf(x) === 'cell-blank' && x.range.start.line === DEFECTS.blank);
      const d = await waitDiags(doc, (ds) => onBlank(ds).length > 0, `cell-blank on ${DEFECTS.blank}`);
      const diag = onBlank(d)[0];
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      console.log('    actions:', (actions || []).map((a) => `${a.title} [${a.kind && a.kind.value}${a.edit ? ' edit' : ''} ${(a.diagnostics || []).map(codeOf).join(',')}]`).join(' | '));
      // executeCodeActionProvider does not hand back the actions' diagnostics: pick the single-cell fix by title.
      // The title names its cell, so that neighbouring cells' fixes offered together can be told apart; the fix of a
      // single cell says the blank means nothing happened (确认未发生), the table's says 确认均未发生.
      const fix = (actions || []).find((a) => a.edit && a.kind && a.kind.value === 'quickfix' && /^确认未发生，“.+”列填 0$/.test(a.title));
      assert.ok(fix, 'no quick fix for cell-blank');
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit failed');
      await waitDiags(doc, (ds) => onBlank(ds).length === 0, `no cell-blank left on line ${DEFECTS.blank}`);
    });

    it('govReport.fixAll applies the safe fixes of the active document', async () => {
      const doc = await openReport('fix-all.txt');
      await waitDiags(doc, (ds) => ds.some((x) => codeOf(x) === 'section-title'), 'section-title');
      await vscode.commands.executeCommand('govReport.fixAll');
      await until(() => doc.lineAt(DEFECTS.heading).text.trim() === HEADING, 'fixAll to restore the heading');
      await waitDiags(doc, (ds) => !ds.some((x) => codeOf(x) === 'section-title'), 'section-title to go away');
    });
  });

  describe('the shared corpus (when it is beside the repository)', () => {
    const expected = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../fixtures/corpus-expected.json'), 'utf8')).corpus;
    const copies = () => fs.readdirSync(wsRoot()).filter((n) => /^\d{3}_.*\.txt$/.test(n)).sort();

    it('every corpus copy: the diagnostics at error and warning of test/fixtures/corpus-expected.json', async function () {
      if (copies().length === 0) { console.log('SKIP: no corpus copies in the workspace'); this.skip(); }
      for (const n of copies()) {
        const e = expected[n.slice(0, 3)];
        const doc = await openReport(n);
        const loudWanted = (e.findings || []).filter((f) => /^(error|warning) /.test(f)).map((f) => `${f.split(' ')[1]}@${f.split(' ')[2].split(':')[0]}`);
        const count = e.findings ? loudWanted.length : Object.entries(e.summary.counts).filter(([k]) => /^(error|warning) /.test(k)).reduce((s, [, v]) => s + v, 0);
        const d = await waitDiags(doc, (ds) => ds.filter((x) => LOUD.has(x.severity)).length === count, `${count} findings at error and warning in ${n}`);
        if (e.findings) assert.deepStrictEqual(d.filter((x) => LOUD.has(x.severity)).map((x) => `${codeOf(x)}@${x.range.start.line}`), loudWanted, n);
      }
    });
  });
});
