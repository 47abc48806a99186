// UI smoke test: code-server with the packaged extension installed, driven by headless chromium as a
// user would: open a report from the explorer (notes-a.txt, a copy of examples/defects-2022-pipe.md that reaches
// gov-report through content detection), open the Problems panel, hover a table row label, save a screenshot.
// usage: node ui-smoke.js <workspaceFolder> <fileName> <extensionsDir> <png>   (env NODE24, CS_ENTRY)
const { runUiSession, boxOf } = require('./cs-common');

const LABEL_LINE = 61; // 1-based line of "| 一、本年新收政府信息公开申请数量 | …" in examples/defects-2022-pipe.md
const step = (s) => console.log(`  ui: ${s}`);

const [folder, fileName, extensionsDir, png] = process.argv.slice(2);

runUiSession({ folder, extensionsDir, png, name: 'ui', timeoutMs: 150000 }, async (page) => {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName });
  await row.first().waitFor({ timeout: 60000 });
  await row.first().click();
  step(`opened ${fileName} from the explorer`);
  const editor = page.locator('.monaco-editor .view-lines').first();
  await editor.waitFor({ timeout: 30000 });
  // the language indicator in the status bar shows the language's first alias once content detection ran
  await page.locator('.statusbar-item', { hasText: '政府信息公开年度报告' }).first().waitFor({ timeout: 30000 });
  step('status bar language: 政府信息公开年度报告');
  await editor.click();
  await page.keyboard.press('Control+Shift+M');
  const marker = page.locator('.markers-panel .monaco-list-row', { hasText: 'section-title' });
  await marker.first().waitFor({ timeout: 60000 });
  step(`Problems row: ${(await marker.first().innerText()).replace(/\s+/g, ' ')}`);
  const count = await page.locator('.markers-panel .monaco-list-row').count();
  step(`Problems rows visible: ${count}`);
  // go to the row label and hover it
  await editor.click();
  await page.keyboard.press('Control+g');
  await page.keyboard.type(String(LABEL_LINE));
  await page.keyboard.press('Enter');
  const label = page.locator('.monaco-editor .view-line', { hasText: '本年新收政府信息公开申请数量' }).first();
  await label.waitFor({ timeout: 15000 });
  const box = await boxOf(label);
  // the label starts after "| "; aim at its middle
  await page.mouse.move(box.x + 120, box.y + box.height / 2);
  await page.mouse.move(box.x + 124, box.y + box.height / 2);
  const hover = page.locator('.monaco-hover:visible').filter({ hasText: /申请|received|application/ }).first();
  await hover.waitFor({ timeout: 20000 });
  step(`hover: ${(await hover.innerText()).replace(/\s+/g, ' ').slice(0, 160)}`);
  await page.screenshot({ path: png });
  step(`screenshot ${png}`);
});
