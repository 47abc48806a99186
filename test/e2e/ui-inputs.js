// UI test of published documents in the editor: code-server with the packaged extension installed, driven by
// headless chromium as a user would (test/e2e/run.sh runs it after ui-smoke.js, on the same extensions folder):
//   1. open: the example PDF opened as a report from the Explorer's context menu: a read-only editor whose problems
//      show its wrong total;
//   2. paste: a report copied from a web page (clipboard text/html = examples/defects-2021-web-page.html, text/plain =
//      its text a paragraph a line, as a browser's copy gives it) is pasted into a report; plain paste stays the
//      default, and "Paste as report text" is offered beside it and gives the tables one row per line, as the
//      server's HTML reader reads them (the expected text is computed with server/out/formats.js);
//   3. a damaged Word document opened the same way: an error notification that names it.
// Each of the three is one test in the counts (GOV_REPORT_RESULTS, suite ui-inputs). Screenshots in test-output/.
// usage: node ui-inputs.js <workspaceFolder> <extensionsDir> <outDir>   (env NODE24, CS_ENTRY)
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startCodeServer, launchChromium, uiUserDataDir } = require('./cs-common');
const { PASTE_TARGET } = require('./make-workspace');

const ROOT = path.resolve(__dirname, '../..');
const step = (s) => console.log(`  ui-inputs: ${s}`);

/** The report text the paste option must give: the server's HTML reader on the same HTML. */
function expectedReportText(html) {
  const { readHtml } = require(path.join(ROOT, 'server', 'out', 'formats.js'));
  const text = readHtml(new TextEncoder().encode(`\uFEFF${html}`)).text;
  return text.endsWith('\n') ? text : `${text}\n`;
}

async function waitFor(what, fn, ms = 20000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function openFromExplorer(page, fileName) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first();
  await row.waitFor({ timeout: 60000 });
  await row.click();
  return row;
}

/** Dispatch a paste event carrying `data` (mime → string) at the focused editor, as the browser does on Ctrl+V. */
function paste(page, data) {
  return page.evaluate((items) => {
    const dt = new DataTransfer();
    for (const [type, value] of Object.entries(items)) dt.setData(type, value);
    const target = document.activeElement;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    return `${target.tagName}.${target.className}`;
  }, data);
}

/** The text a browser puts on the clipboard beside the HTML: each paragraph, heading and table cell a line. */
function plainTextOf(html) {
  return html.replace(/<(script|style)[^]*?<\/\1>/gi, '').replace(/<\/?(p|div|h[1-6]|td|th|tr|li|br)\b[^>]*>/gi, '\n').replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .split('\n').map((l) => l.trim()).filter(Boolean).join('\n') + '\n';
}

async function testPaste(page, folder) {
  const html = fs.readFileSync(path.join(ROOT, 'examples', 'defects-2021-web-page.html'), 'utf8');
  const plain = plainTextOf(html);
  const file = path.join(folder, PASTE_TARGET);
  const head = fs.readFileSync(file, 'utf8');
  await openFromExplorer(page, PASTE_TARGET);
  await page.locator('.statusbar-item', { hasText: '政府信息公开年度报告' }).first().waitFor({ timeout: 30000 });
  // The breadcrumbs show the report's title once the server has answered for the document: by then the extension
  // has registered its paste provider (a paste before that is a plain paste and nothing else).
  await page.locator('.monaco-breadcrumb-item', { hasText: head.trim() }).first().waitFor({ timeout: 30000 });
  const editor = page.locator('.monaco-editor .view-lines').first();
  await editor.click();
  await page.keyboard.press('Control+End');
  step(`paste event dispatched at ${await paste(page, { 'text/html': html, 'text/plain': plain })}`);
  // The default edit is plain paste; then a widget offers the others.
  const widget = page.locator('.post-edit-widget').first();
  await widget.waitFor({ timeout: 20000 });
  await page.keyboard.press('Control+s');
  await waitFor('plain paste saved', () => fs.readFileSync(file, 'utf8') === head + plain);
  step('plain paste is the default');
  await widget.click();
  const option = page.locator('.action-widget .monaco-list-row', { hasText: /Paste as report text|粘贴为报告文本/ }).first();
  await option.waitFor({ timeout: 10000 });
  step(`paste options: ${(await page.locator('.action-widget .monaco-list-row').allInnerTexts()).map((t) => t.trim()).join(' | ')}`);
  await option.click();
  const expected = head + expectedReportText(html);
  // The option's edit is applied after the menu closes: save until the file holds it.
  await waitFor('report text saved', async () => {
    await page.keyboard.press('Control+s');
    return fs.readFileSync(file, 'utf8') === expected;
  }, 10000).catch((e) => {
    fs.writeFileSync(path.join(os.tmpdir(), 'ui-inputs-pasted.txt'), fs.readFileSync(file, 'utf8'));
    throw e;
  });
  if (!/\n一、本年新收政府信息公开申请数量(\t\d+){7}\n/.test(expected)) throw new Error('the expected text has no tab-separated row');
  step('"Paste as report text" gave the tables one row per line');
  const marker = page.locator('.markers-panel .monaco-list-row', { hasText: 'section-title' });
  await page.keyboard.press('Control+Shift+M');
  await marker.first().waitFor({ timeout: 30000 });
  step(`Problems after the paste: ${await page.locator('.markers-panel .monaco-list-row').count()} rows`);
}

async function openAsReportFromExplorer(page, fileName) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first();
  const item = page.locator('.context-view .action-item', { hasText: /Open as Report|作为年度报告打开/ }).first();
  // The Explorer can show before the installed extensions' menu items are registered: ask again until it has them.
  for (let attempt = 1; ; attempt++) {
    await row.click({ button: 'right' });
    try { await item.waitFor({ timeout: 3000 }); break; } catch (e) {
      if (attempt === 10) throw e;
      await page.keyboard.press('Escape');
    }
  }
  step(`context menu of ${fileName}: ${(await item.innerText()).trim()}`);
  await item.hover();
  await page.keyboard.press('Enter');
}

const PDF = 'defects-2023-wrong-total.pdf';

async function testOpenPdf(page, outDir) {
  await openAsReportFromExplorer(page, PDF);
  const tab = page.locator('.tab.active', { hasText: PDF }).first();
  await tab.waitFor({ timeout: 30000 });
  await page.locator('.monaco-editor .view-line', { hasText: '某市某区某街道办事处' }).first().waitFor({ timeout: 30000 });
  step(`${PDF} opened as a report`);
  await page.keyboard.press('Control+Shift+M');
  // The background pass lists every report of the folder: the panel is filtered to this document's findings.
  const filter = page.locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input').first();
  await filter.waitFor({ timeout: 30000 });
  await filter.fill(`**/${PDF}`);
  const marker = page.locator('.markers-panel .monaco-list-row', { hasText: 'balance-row-total' }).first();
  await marker.waitFor({ timeout: 30000 });
  step(`Problems row: ${(await marker.innerText()).replace(/\s+/g, ' ')}`);
  await marker.click(); // goes to the finding, in the extracted report
  await filter.fill('');
  const line = page.locator('.monaco-editor .view-line', { hasText: '（一）予以公开' }).first();
  await line.waitFor({ timeout: 10000 });
  await line.click();
  await page.keyboard.type('x');
  const readonly = page.locator('.monaco-editor-overlaymessage', { hasText: /read-only|只读/ }).first();
  await readonly.waitFor({ timeout: 10000 });
  step(`typing: ${(await readonly.innerText()).replace(/\s+/g, ' ')}`);
  await page.screenshot({ path: path.join(outDir, 'ui-open-as-report.png') });
}

async function testBrokenDocx(page) {
  await openAsReportFromExplorer(page, 'broken.docx');
  const toast = page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'broken.docx' }).first();
  await toast.waitFor({ timeout: 20000 });
  const text = (await toast.innerText()).replace(/\s+/g, ' ');
  if (!/Word/.test(text)) throw new Error(`notification does not name the format: ${text}`);
  step(`notification: ${text}`);
}

(async () => {
  const [folder, extensionsDir, outDir] = process.argv.slice(2).map((p) => path.resolve(p));
  fs.mkdirSync(outDir, { recursive: true });
  const port = Number(process.env.PORT || 8126);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-ui-inputs-'));
  const cs = startCodeServer({ port, folder, userDataDir: uiUserDataDir(tmp), extensionsDir });
  const results = { passed: 0, failed: 0, skipped: 0 };
  let browser; let page;
  const hardTimeout = setTimeout(() => { console.error('ui-inputs: TIMEOUT'); finish(); }, Number(process.env.UI_TIMEOUT_MS || 240000));
  async function run(name, fn) {
    try {
      await fn();
      results.passed++;
      step(`✔ ${name}`);
    } catch (e) {
      results.failed++;
      console.error(`  ui-inputs: ✖ ${name}: ${e && e.stack || e}`);
      if (page) await page.screenshot({ path: path.join(outDir, `ui-inputs-fail-${name}.png`) }).catch(() => {});
    }
  }
  async function finish() {
    clearTimeout(hardTimeout);
    if (browser) await browser.close().catch(() => {});
    cs.proc.kill('SIGTERM');
    if (process.env.KEEP) console.log(`kept ${tmp}`); else fs.rmSync(tmp, { recursive: true, force: true });
    const counts = { suite: 'ui-inputs', ...results };
    console.log(`GOV_REPORT_COUNTS ${JSON.stringify(counts)}`);
    if (process.env.GOV_REPORT_RESULTS) fs.appendFileSync(process.env.GOV_REPORT_RESULTS, `${JSON.stringify(counts)}\n`);
    process.exit(results.failed || results.passed + results.skipped < 3 ? 1 : 0);
  }
  try {
    await cs.ready;
    browser = await launchChromium();
    // The workbench reads the clipboard while it pastes (resources copied in the Explorer): without the permission
    // that read waits on a prompt nobody answers, and the paste never reaches the providers.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    page = await context.newPage();
    if (process.env.PAGE_CONSOLE) {
      page.on('console', async (m) => {
        const args = await Promise.all(m.args().map((a) => a.evaluate((v) => (v && v.stack) || String(v)).catch(() => '?')));
        console.log('[page]', args.join(' '));
      });
      page.on('pageerror', (e) => console.log('[pageerror]', e.stack || e));
    }
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
    // The PDF first: its finding is then the only one in the Problems panel (the pasted page has the same defect).
    await run('open-pdf', () => testOpenPdf(page, outDir));
    await run('paste', () => testPaste(page, folder));
    await run('open-broken-docx', () => testBrokenDocx(page));
  } catch (e) {
    results.failed++;
    console.error(e && e.stack || e);
  }
  await finish();
})();
