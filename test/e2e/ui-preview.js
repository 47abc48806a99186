// UI test of the table preview: code-server with the packaged extension, driven by headless chromium as a user
// would. Opens the preview from the editor title on corpus 000 (blank cells) and with Ctrl+K V on a copy of 003
// with a balance error, checks the marked cells in the webview's DOM (code-server puts webviews in nested
// iframes), clicks a cell and reads the editor's cursor in the status bar, moves the cursor and finds the cell
// highlighted, edits the report and sees the preview follow, and checks that the page's strict CSP held. Then
// "New annual report…" answered through its input boxes, as a user would.
// Screenshots go to <outDir>; each check counts as one test for CI ($GOV_REPORT_RESULTS, suite ui-preview).
// usage: node ui-preview.js <workspaceFolder> <extensionsDir> <outDir>   (env NODE24, CS_ENTRY, PORT optional)
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startCodeServer, launchChromium, freePort } = require('./cs-common');

const BLANKS = '000_a4e415a0067ed183.txt';
const BALANCE = 'balance-003.txt';
const results = [];
const log = (s) => console.log(`  ui-preview: ${s}`);

async function check(name, fn) {
  try {
    await fn();
    results.push({ name, ok: true });
    log(`✔ ${name}`);
  } catch (e) {
    results.push({ name, ok: false });
    log(`✗ ${name}\n${(e && e.stack) || e}`);
  }
}

/** The frame of the table preview's page (a webview: an iframe inside an iframe), once it has drawn `selector`. */
async function previewFrame(page, selector, ms = 30000) {
  const end = Date.now() + ms;
  for (;;) {
    for (const f of page.frames()) {
      try { if (await f.$(`#app ${selector}`)) return f; } catch { /* frame navigating */ }
    }
    if (Date.now() > end) throw new Error(`no preview frame with ${selector} within ${ms} ms`);
    await page.waitForTimeout(200);
  }
}

/** The editor's cursor as the status bar shows it ("Ln 95, Col 1"). */
async function cursorText(page) {
  return (await page.locator('.statusbar-item[id="status.editor.selection"]').first().innerText()).trim();
}

async function openFromExplorer(page, name) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name });
  await row.first().waitFor({ timeout: 60000 });
  await row.first().click();
  await page.locator('.tab.active', { hasText: name }).first().waitFor({ timeout: 30000 });
  await page.locator('.statusbar-item', { hasText: '政府信息公开年度报告' }).first().waitFor({ timeout: 30000 });
}

async function goTo(page, where) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+g');
  await page.keyboard.type(where);
  await page.keyboard.press('Enter');
}

(async () => {
  const [folder, extensionsDir, outDir] = process.argv.slice(2);
  fs.mkdirSync(outDir, { recursive: true });
  const port = await freePort();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-preview-'));
  const userDir = path.join(tmp, 'data', 'User');
  fs.mkdirSync(userDir, { recursive: true });
  const settings = {
    'workbench.secondarySideBar.defaultVisibility': 'hidden', 'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true,
    'workbench.tips.enabled': false, 'editor.minimap.enabled': false, 'workbench.colorTheme': 'Default Light Modern', 'govReport.locale': 'zh-CN',
  };
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(settings));
  const cs = startCodeServer({ port, folder: path.resolve(folder), userDataDir: path.join(tmp, 'data'), extensionsDir: path.resolve(extensionsDir) });
  let browser; let page;
  const cspViolations = [];
  const hardTimeout = setTimeout(() => { console.error('ui-preview: TIMEOUT'); finish(); }, Number(process.env.UI_TIMEOUT_MS || 240000));
  async function finish() {
    clearTimeout(hardTimeout);
    if (page && results.some((r) => !r.ok)) await page.screenshot({ path: path.join(outDir, 'ui-preview-fail.png') }).catch(() => {});
    if (browser) await browser.close().catch(() => {});
    cs.proc.kill('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed || (results.length ? 0 : 1);
    if (process.env.GOV_REPORT_RESULTS) fs.appendFileSync(process.env.GOV_REPORT_RESULTS, `${JSON.stringify({ suite: 'ui-preview', passed, failed, skipped: 0 })}\n`);
    log(`${passed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  }
  try {
    await cs.ready;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.on('console', (m) => { if (/Content Security Policy|Refused to (load|execute|apply)/i.test(m.text())) cspViolations.push(m.text()); });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(path.resolve(folder))}`);
    let frame;

    await check('the preview opens beside the report from the editor title button', async () => {
      await openFromExplorer(page, BLANKS);
      await page.locator('.editor-actions [aria-label^="Open Table Preview to the Side"], .editor-actions [aria-label^="在侧边打开表格预览"]').first().click();
      frame = await previewFrame(page, 'section[data-table="review"] td');
      const titles = await frame.$$eval('h2.title', (hs) => hs.map((h) => h.textContent));
      log(`tables: ${titles.join(' | ')}`);
      if (titles.length !== 3) throw new Error(`3 tables expected, got ${titles.length}`);
      const headers = await frame.$$eval('section[data-table="applications"] thead th', (ths) => ths.map((t) => `${t.textContent}${t.colSpan > 1 ? `×${t.colSpan}` : ''}${t.rowSpan > 1 ? `↓${t.rowSpan}` : ''}`));
      log(`table 三 header: ${headers.join(' ')}`);
      if (!headers.includes('申请人情况×7') || !headers.includes('法人或其他组织×5') || !headers.includes('自然人↓2')) throw new Error('merged header cells missing');
    });

    await check('000: the five blank 行政复议 cells are marked as errors, with the message on hover', async () => {
      const marked = await frame.$$eval('section[data-table="review"] td.kind-blank.sev-error', (tds) => tds.map((t) => `${t.dataset.column}: ${t.title}`));
      log(`marked: ${marked.length}; ${marked[0]}`);
      if (marked.length !== 5) throw new Error(`5 marked blank cells expected, got ${marked.length}`);
      if (!marked.every((m) => /: 错误：.*行政复议/.test(m))) throw new Error('a marked cell without its error message');
      await frame.$eval('section[data-table="review"]', (s) => s.scrollIntoView());
      await page.screenshot({ path: path.join(outDir, 'preview-blank-cells.png') });
    });

    await check('a click on a cell puts the editor\'s cursor on it', async () => {
      await goTo(page, '1');
      const before = await cursorText(page);
      await frame.click('section[data-table="review"] td.kind-blank.sev-error >> nth=2');
      // The third blank cell of line 95, after two tabs: column 9 as VS Code counts them (tab size 4).
      await page.waitForFunction(() => /Ln 95, Col 9\b/.test(document.querySelector('[id="status.editor.selection"]')?.textContent || ''), null, { timeout: 10000 });
      log(`cursor: ${before} → ${await cursorText(page)}`);
    });

    await check('moving the cursor in the editor highlights its cell in the preview', async () => {
      // Line 64 is 一、本年新收政府信息公开申请数量 and its seven figures: End puts the cursor on the total.
      await goTo(page, '64');
      await page.keyboard.press('End');
      await frame.waitForSelector('tr[data-row="app.received"] td.cursor', { timeout: 10000 });
      const cell = await frame.$eval('td.cursor', (t) => `${t.closest('tr').dataset.row} ${t.dataset.column}`);
      log(`cursor ${await cursorText(page)} → highlighted: ${cell}`);
      if (cell !== 'app.received total') throw new Error(`highlighted ${cell}`);
    });

    await check('balance-003 (Ctrl+K V): the row total that does not add up is marked, with its equation', async () => {
      await openFromExplorer(page, BALANCE);
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+k');
      await page.keyboard.press('v');
      frame = await previewFrame(page, 'tr[data-row="app.received"] td.bal-wrong');
      const wrong = await frame.$$eval('td.bal-wrong', (tds) => tds.map((t) => `${t.closest('tr').dataset.row}/${t.dataset.column} ${t.className} :: ${t.title.replace(/\n/g, ' / ')}`));
      log(`wrong totals: ${wrong.join(' || ')}`);
      if (!wrong.some((w) => w.startsWith('app.received/total') && /sev-error/.test(w) && /填写 0，各项之和为/.test(w))) throw new Error('the row total of 一、本年新收 is not marked');
      const summary = await frame.$$eval('section[data-table="applications"] ul.balances li', (lis) => lis.map((l) => l.textContent));
      log(`balances: ${summary.join(' | ')}`);
      // The README's screenshot: no side bar, the editor on table 三, the preview on its marked total.
      await page.keyboard.press('Control+b');
      await goTo(page, '118');
      await frame.$eval('section[data-table="applications"]', (s) => s.scrollIntoView());
      await page.screenshot({ path: path.join(outDir, 'preview-balance.png') });
    });

    await check('the preview follows an edit and keeps its scroll position', async () => {
      const y = await frame.evaluate(() => window.scrollY);
      const line = fs.readFileSync(path.join(folder, BALANCE), 'utf8').split('\n').findIndex((l) => l.includes('一、本年新收')) + 2;
      await goTo(page, `${line}:2`);
      await page.keyboard.press('Shift+End');
      await page.keyboard.type('0');
      await frame.waitForFunction(() => !document.querySelector('td.bal-wrong'), null, { timeout: 15000 });
      const after = await frame.evaluate(() => window.scrollY);
      log(`scroll ${y} → ${after}; no total wrong any more`);
      if (Math.abs(after - y) > 2) throw new Error(`scrolled from ${y} to ${after}`);
    });

    await check('high contrast: the preview takes the theme', async () => {
      await page.keyboard.press('Control+k');
      await page.keyboard.press('Control+t');
      await page.keyboard.type('Dark High Contrast');
      await page.keyboard.press('Enter');
      await frame.waitForFunction(() => document.body.classList.contains('vscode-high-contrast'), null, { timeout: 20000 });
      await page.keyboard.press('Control+z');
      await frame.waitForSelector('td.bal-wrong', { timeout: 15000 });
      await page.screenshot({ path: path.join(outDir, 'preview-high-contrast.png') });
    });

    await check('New annual report…: asked for office, year and layout, a new editor holds the report in its format', async () => {
      const problems = async () => Number(((await page.locator('[id="status.problems"]').first().innerText()).match(/\d+/) || ['0'])[0]);
      const before = await problems();
      await page.keyboard.press('F1');
      await page.keyboard.type('New Annual Report');
      const item = page.locator('.quick-input-list .monaco-list-row', { hasText: 'New Annual Report…' }).filter({ hasNotText: 'Last Year' });
      await item.first().click();
      // Each question by its title (the catalogue's words: govReport.locale is zh-CN here), so that nothing is
      // typed into the palette as it closes or into a box whose validation has not caught up.
      const asked = (title) => page.locator('.quick-input-widget:visible .quick-input-title', { hasText: title }).first().waitFor({ timeout: 15000 });
      const input = page.locator('.quick-input-widget:visible input.input').first();
      const answer = async (title, text) => {
        await asked(title);
        await input.fill(text);
        await page.waitForFunction((t) => document.querySelector('.quick-input-widget input.input')?.value === t
          && !/请填写/.test(document.querySelector('.quick-input-widget .quick-input-message')?.textContent || ''), text, { timeout: 10000 });
        await page.keyboard.press('Enter');
      };
      await answer('机关名称', '某县农业农村局');
      await answer('报告年度', '2022');
      await asked('表格写成哪种形式');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Markdown' }).first().click();
      await page.locator('.monaco-editor .view-line', { hasText: '某县农业农村局2022年政府信息公开工作年度报告' }).first().waitFor({ timeout: 15000 });
      await page.locator('.statusbar-item', { hasText: '政府信息公开年度报告' }).first().waitFor({ timeout: 15000 });
      // The 2021 format's 200 blank cells (Markdown: each between its pipes, one finding each), and table 三's seven
      // columns blank in every row said once on the table: the errors in the status bar grow by 201.
      await page.waitForFunction((n) => Number((document.querySelector('[id="status.problems"]')?.textContent.match(/\d+/) || ['0'])[0]) === n, before + 201, { timeout: 20000 });
      log(`errors in the status bar: ${before} → ${await problems()}`);
      await page.screenshot({ path: path.join(outDir, 'new-report.png') });
    });

    await check('the page\'s Content-Security-Policy held: nothing refused', async () => {
      const meta = await frame.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content'));
      log(`CSP: ${meta}`);
      if (!/default-src 'none'/.test(meta) || !/script-src 'nonce-/.test(meta)) throw new Error('CSP is not strict');
      if (cspViolations.length) throw new Error(`CSP violations: ${cspViolations.join(' | ')}`);
    });
  } catch (e) {
    console.error(e && e.stack || e);
    results.push({ name: 'setup', ok: false });
  }
  await finish();
})();
