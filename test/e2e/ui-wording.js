// UI test of issue 12 on screen: code-server with the packaged extension, an English VS Code, headless chromium.
// 1. A report line full of Chinese punctuation has no unicode-highlight boxes, while the same text as a log file
//    (a language without the plain-text defaults) has them: the control shows that the check can fail.
// 2. The README's screenshot: the Problems panel on corpus 004 (one finding on the table, its rows related) and
//    the hover of a blank cell, Chinese by default.
// usage: node ui-wording.js <workspaceFolder> <extensionsDir> <outDir>   (env NODE24, CS_ENTRY)
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startCodeServer, launchChromium, uiUserDataDir, freePort, boxOf } = require('./cs-common');

const REPORT = '004_974e4c203befb017.txt';
const CONTROL = '004-as-log.log';
// 1-based: "2020年本行政区域（或本部门）政府信息公开发布总数量（非新闻类、消息类）：0". VS Code boxes ambiguous
// characters only in words that hold some ASCII (here the figures), so a line of Chinese alone would prove nothing.
const PUNCTUATION_LINE = 87;
const PUNCTUATION_TEXT = '政府信息公开发布总数量';
const BLANK_LINE = 111; // 1-based: a blank cell of table 三 (一、本年新收 · 商业企业), shown on its tab
const step = (s) => console.log(`  ui-wording: ${s}`);

(async () => {
  const [folder, extensionsDir, outDir] = process.argv.slice(2);
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(path.join(folder, REPORT), path.join(folder, CONTROL));
  const port = await freePort();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-ui-wording-'));
  const cs = startCodeServer({ port, folder: path.resolve(folder), userDataDir: uiUserDataDir(tmp), extensionsDir: path.resolve(extensionsDir) });
  let browser; let page; let passed = 0; let failed = 0;
  const hardTimeout = setTimeout(() => { console.error('ui-wording: TIMEOUT'); finish(); }, Number(process.env.UI_TIMEOUT_MS || 180000));
  async function finish() {
    clearTimeout(hardTimeout);
    if (failed && page) await page.screenshot({ path: path.join(outDir, 'ui-wording-fail.png') }).catch(() => {});
    if (browser) await browser.close().catch(() => {});
    cs.proc.kill('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
    if (process.env.GOV_REPORT_RESULTS) fs.appendFileSync(process.env.GOV_REPORT_RESULTS, `${JSON.stringify({ suite: 'ui-wording', passed, failed: failed || (passed ? 0 : 1), skipped: 0 })}\n`);
    process.exit(failed || !passed ? 1 : 0);
  }
  const test = async (name, fn) => {
    try { await fn(); passed++; step(`✔ ${name}`); } catch (e) { failed++; console.error(`  ui-wording: ✖ ${name}\n${e && e.stack || e}`); }
  };

  const open = async (name, language) => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
    await page.locator('.tab.active', { hasText: name }).first().waitFor({ timeout: 30000 });
    await page.locator('.statusbar-item', { hasText: language }).first().waitFor({ timeout: 30000 });
  };
  const goToLine = async (n) => {
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+g');
    await page.keyboard.type(String(n));
    await page.keyboard.press('Enter');
  };
  /** Unicode-highlight boxes on the visible line holding `text`. The line is found and measured in one step in the
   * page, and again until it is on screen: the editor recycles its line elements while it renders, so a line found
   * in one call may be detached by the next. */
  const boxesOn = async (text, { waitForSome }) => {
    const count = () => page.evaluate((want) => {
      const line = [...document.querySelectorAll('.monaco-editor .view-line')].find((e) => e.textContent.includes(want));
      const box = line && line.getBoundingClientRect();
      if (!box || box.height === 0) return -1;
      // decorations are drawn in the overlay layer, at the line's height
      return [...document.querySelectorAll('.monaco-editor .view-overlays .unicode-highlight, .monaco-editor .unicode-highlight')]
        .filter((e) => Math.abs(e.getBoundingClientRect().y - box.y) < 4).length;
    }, text);
    const poll = async (ms, done) => {
      const deadline = Date.now() + ms;
      for (let n = await count(); ; n = await count()) {
        if (done(n) || Date.now() > deadline) return n;
        await page.waitForTimeout(200);
      }
    };
    if (await poll(15000, (n) => n >= 0) < 0) throw new Error(`no line holding “${text}” on screen after 15 s`);
    // The highlight is computed off the renderer's thread and drawn after the text: the control waits for its boxes
    // (up to 15 s); the report is watched for 3 s, in which none may appear.
    if (waitForSome) return poll(15000, (n) => n > 0);
    let most = 0;
    await poll(3000, (n) => { most = Math.max(most, n); return false; });
    return most;
  };

  try {
    await cs.ready;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1500, height: 940 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(path.resolve(folder))}`);
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });

    await test('no unicode-highlight boxes on Chinese punctuation in a report; the same line as a log file has them', async () => {
      await open(CONTROL, 'Log');
      await goToLine(PUNCTUATION_LINE);
      const control = await boxesOn(PUNCTUATION_TEXT, { waitForSome: true });
      step(`as Log: ${control} boxes on line ${PUNCTUATION_LINE}`);
      if (control === 0) throw new Error('the control shows no unicode-highlight box: the check below could not fail');
      await open(REPORT, '政府信息公开年度报告');
      await goToLine(PUNCTUATION_LINE);
      const report = await boxesOn(PUNCTUATION_TEXT, { waitForSome: false });
      step(`as a report: ${report} boxes on line ${PUNCTUATION_LINE}`);
      if (report !== 0) throw new Error(`${report} unicode-highlight boxes on a report line`);
    });

    await test('004 in the Problems panel (the table first, its rows related) and the hover of a blank cell, in Chinese', async () => {
      // on its own, whatever the test before left open: the hover below is read in the report's editor
      await open(REPORT, '政府信息公开年度报告');
      await page.keyboard.press('Control+Shift+M');
      // The background pass lists every report of the folder; show 004's alone (the list is virtual: rows far down
      // are not in the page).
      const filter = page.locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input').first();
      await filter.waitFor({ timeout: 30000 });
      await filter.fill(`**/${REPORT}`);
      const first = page.locator('.markers-panel .monaco-list-row', { hasText: '第三部分表格“自然人”至“其他”6 列在全部 23 行均未填写' }).first();
      await first.waitFor({ timeout: 60000 });
      step(`Problems: ${(await first.innerText()).replace(/\s+/g, ' ').slice(0, 120)}`);
      const related = page.locator('.markers-panel .monaco-list-row', { hasText: '“一、本年新收政府信息公开申请数量”行：6 格未填写' }).first();
      if (!(await related.isVisible())) {
        // the related places are children of the finding: expand it
        await first.click();
        await page.keyboard.press('ArrowRight');
      }
      await related.waitFor({ timeout: 15000 });
      step(`related: ${(await related.innerText()).replace(/\s+/g, ' ').slice(0, 80)}`);
      await goToLine(BLANK_LINE);
      const line = page.locator('.monaco-editor .view-line').filter({ hasText: /^\s*$/ }).nth(0);
      await line.waitFor({ timeout: 15000 });
      const cursor = await boxOf(page.locator('.monaco-editor .cursor').first());
      // The blank cell's finding is on the tab that begins its line; hover it.
      const gutter = await boxOf(page.locator('.monaco-editor .view-lines').first());
      await page.mouse.move(gutter.x + 8, cursor.y + cursor.height / 2);
      await page.mouse.move(gutter.x + 10, cursor.y + cursor.height / 2);
      // The finding's part of the hover comes first; wait for the server's part too (its article line).
      const hover = page.locator('.monaco-hover:visible').filter({ hasText: '未填写' }).filter({ hasText: '依据：' }).first();
      await hover.waitFor({ timeout: 20000 });
      const text = (await hover.innerText()).replace(/\s+/g, ' ');
      step(`hover: ${text.slice(0, 240)}`);
      for (const want of ['“一、本年新收政府信息公开申请数量”行“商业企业”列未填写（本表“自然人”至“其他”6 列均未填写，见表格开头）', '未填写（空白不等于 0）', '依据：《条例》第二十七条']) {
        if (!text.includes(want)) throw new Error(`the hover lacks “${want}”`);
      }
      if (/商业企业”列未填写.*自然人”列未填写|科研机构”列未填写/.test(text)) throw new Error('the hover shows a neighbouring cell\'s finding');
      await page.screenshot({ path: path.join(outDir, 'problems-hover-004.png') });
      step(`screenshot ${path.join(outDir, 'problems-hover-004.png')}`);
    });
  } catch (e) {
    failed++;
    console.error(e && e.stack || e);
    if (process.env.CS_VERBOSE) console.error(cs.getLog());
  }
  await finish();
})();
