// Restricted Mode (issue 8): the extension declares capabilities.untrustedWorkspaces supported (it runs no
// workspace code), so in a folder that is not trusted it still activates and checks reports. Runs only in the
// Restricted Mode session of test/e2e/run.sh (E2E_RESTRICTED=1: workspace trust on, the folder untrusted, the
// packaged extension installed in E2E_EXTENSIONS_DIR).
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const restricted = process.env.E2E_RESTRICTED === '1';

describe('Restricted Mode', function () {
  before(function () {
    if (!restricted) this.skip(); // the main session runs with workspace trust disabled
  });

  it('the folder is untrusted, and a report still gets its diagnostics (section-title on line 56 of the defects example)', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace should be in Restricted Mode');
    const root = vscode.workspace.workspaceFolders[0].uri.fsPath;
    const file = path.join(root, 'notes-a.txt');
    assert.ok(fs.existsSync(file), 'the copy of examples/defects-2022-pipe.md in the workspace');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    if (doc.languageId !== 'gov-report') await vscode.languages.setTextDocumentLanguage(doc, 'gov-report');
    const end = Date.now() + 30000;
    let diags = [];
    while (Date.now() < end) {
      diags = vscode.languages.getDiagnostics(doc.uri);
      if (diags.some((d) => String(d.code && d.code.value) === 'section-title' && d.range.start.line === 56)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(diags.some((d) => String(d.code && d.code.value) === 'section-title' && d.range.start.line === 56),
      `diagnostics: ${diags.map((d) => `${String(d.code && d.code.value)}@${d.range.start.line}`).join(', ') || 'none'}`);
    const ext = vscode.extensions.getExtension('gov-report.gov-report');
    assert.ok(ext && ext.isActive, 'the extension is active');
    // The installed .vsix, not a development copy (those are exempt from workspace trust).
    const installed = process.env.E2E_EXTENSIONS_DIR;
    if (installed) assert.ok(ext.extensionPath.startsWith(installed), `${ext.extensionPath} is not under ${installed}`);
  });
});
