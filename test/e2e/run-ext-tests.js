// Run VS Code extension tests (extensionTestsPath) inside code-server's bundled VS Code,
// driven headless by Debian chromium. Exit code = extension host exit code.
// usage: node run-ext-tests.js <extensionDevelopmentPath> <extensionTestsPath> <workspaceFolder>
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const { startCodeServer, launchChromium, vscodeRemoteUri, freePort } = require('./cs-common');

// workbench chatter that says nothing about the extension under test (offline marketplace, telemetry, sockets)
const NOISE = /ENOTFOUND|static\/out\/vs\/|^\s*at |\[(AgentHost|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)|^(Resolving|Resolved) connection token|^Creating a socket|^Updating additional builtin/;

(async () => {
  const [extDev, testsPath, folder] = process.argv.slice(2).map((p) => path.resolve(p));
  const port = await freePort();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-'));
  // E2E_RESTRICTED=1: workspace trust on, the folder never trusted and no trust prompt: Restricted Mode.
  const restricted = process.env.E2E_RESTRICTED === '1';
  if (restricted) {
    fs.mkdirSync(path.join(tmp, 'data', 'User'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'data', 'User', 'settings.json'), JSON.stringify({
      'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never',
    }));
  }
  const extensionsDir = process.env.E2E_EXTENSIONS_DIR || path.join(tmp, 'ext'); // E2E_EXTENSIONS_DIR: installed extensions
  const cs = startCodeServer({ port, folder, userDataDir: path.join(tmp, 'data'), extensionsDir, workspaceTrust: restricted,
    // payload's extensionDevelopmentPath/extensionTestsPath are ignored by a built workbench unless the
    // VS Code server runs with --enable-smoke-test-driver (code-server passes it via --vscode-option)
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'] });
  let browser; let code = 1;
  let page;
  const hardTimeout = setTimeout(async () => {
    console.error('TIMEOUT');
    if (page) await page.screenshot({ path: process.env.SHOT || path.join(os.tmpdir(), 'cs-e2e-timeout.png') }).catch(() => {});
    cleanup(124);
  }, Number(process.env.TEST_TIMEOUT_MS || 180000));
  function cleanup(c) {
    clearTimeout(hardTimeout);
    Promise.resolve(browser && browser.close()).catch(() => {}).finally(() => {
      cs.proc.kill('SIGTERM');
      if (!process.env.KEEP) fs.rmSync(tmp, { recursive: true, force: true }); else console.log('kept', tmp);
      process.exit(c);
    });
  }
  try {
    await cs.ready;
    const host = `127.0.0.1:${port}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', vscodeRemoteUri(host, extDev)],
      ['extensionTestsPath', vscodeRemoteUri(host, testsPath)],
      ['skipWelcome', 'true'],
    ]);
    const url = `http://${host}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // The workbench calls window.codeAutomationExit(code, logs) when the test extension host exits,
    // and window.codeAutomationLog(type, args) for console output (same hooks @vscode/test-web uses).
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(args || []));
      // The suite's counts (test/support/counting-reporter.js) go to CI's results file from here: the extension
      // host does not inherit GOV_REPORT_RESULTS (cs-common.js), so each test is counted once.
      const counts = /^GOV_REPORT_COUNTS (\{.*\})/.exec(line);
      if (counts && process.env.GOV_REPORT_RESULTS) fs.appendFileSync(process.env.GOV_REPORT_RESULTS, `${counts[1]}\n`);
      if (!process.env.QUIET || !NOISE.test(line)) console.log(`[${type}] ${line}`);
    });
    const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (c) => resolve(c)));
    page.on('console', (m) => { if (process.env.PAGE_CONSOLE) console.log('[page]', m.text()); });
    await page.goto(url);
    code = await exited;
    console.log(`extension host exited with ${code}`);
  } catch (e) {
    console.error(e && e.stack || e);
    console.error(cs.getLog());
    code = 1;
  }
  cleanup(code);
})();
