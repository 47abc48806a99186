// Same suite in desktop VS Code via @vscode/test-electron (downloads VS Code: needs internet).
// On machines without it use `npm run test:e2e` (code-server). usage: node test/e2e/run-electron.js
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');
const { makeWorkspace } = require('./make-workspace');

(async () => {
  const root = path.resolve(__dirname, '../..');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-report-electron-'));
  const ws = path.join(tmp, 'ws');
  makeWorkspace(ws);
  try {
    await runTests({
      version: process.env.VSCODE_VERSION || 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
        '--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', path.join(tmp, 'extensions')],
    });
  } catch (e) {
    console.error(e && e.message || e);
    process.exitCode = 1;
  } finally {
    if (!process.env.KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  }
})();
