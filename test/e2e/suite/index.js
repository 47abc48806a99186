// extensionTestsPath module: the extension host (VS Code in code-server, or Electron via
// @vscode/test-electron) calls run() and takes its promise as pass/fail. Plain JS on purpose:
// nothing to compile, mocha comes from the project's node_modules.
const fs = require('fs');
const path = require('path');
const Mocha = require(path.resolve(__dirname, '../../../node_modules/mocha'));

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false,
    reporter: path.resolve(__dirname, '../../support/counting-reporter.js'), reporterOptions: { suite: 'e2e' } });
  const grep = process.env.E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} tests failed.`)) : resolve()));
  });
};
