// UI test of the Reports view (issue 10): code-server with the packaged extension, a folder of the corpus copies
// and the examples (two consecutive years of one office among them), nothing opened. The view in the Explorer must
// list every report with the counts that `gov-report-lint --format csv` gives for the same folder (the same engine,
// the same year pairing), and the 2023 report of the pair, expanded, its parts and findings. Screenshot: <png>.
// usage: node ui-reports.js <workspaceFolder> <extensionsDir> <png>   (env NODE24, CS_ENTRY)
const { execFileSync } = require('child_process');
const path = require('path');
const { runUiSession, boxOf } = require('./cs-common');

const ROOT = path.resolve(__dirname, '../..');
const step = (s) => console.log(`  ui-reports: ${s}`);

/** "office year errors warnings" of every report of the folder, as the CLI counts them (English: the UI's locale). */
function expectedRows(folder) {
  let csv;
  try {
    csv = execFileSync(process.execPath, [path.join(ROOT, 'server/out/cli.js'), '--format', 'csv', '--locale', 'en', '--no-config', folder], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) { csv = e.stdout; } // exit 1 or 2: findings, unreadable files
  const rows = csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((l) => l.split(','));
  // Files that are no report (a README, a note, a damaged document) are not listed by the view.
  return rows.filter((c) => c[1] !== 'unreadable' && c[1] !== '-' && /\.(txt|md|docx|html?|pdf)$/.test(c[0]))
    .map(([, office, year, , errors, warnings]) => `${office} ${year} ${errors} ${warnings}`).sort();
}

const [folder, extensionsDir, png] = process.argv.slice(2);
const expected = expectedRows(path.resolve(folder));
step(`the CLI counts ${expected.length} reports in the folder`);

runUiSession({ folder, extensionsDir, png, name: 'ui-reports', viewport: { width: 1500, height: 1300 } }, async (page) => {
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
  // Fold the file tree so that the Reports view has the side bar's height, and open it.
  const header = (name) => page.locator('.pane-header', { hasText: name }).first();
  await header(path.basename(folder)).click();
  const reportsHeader = header(/^\s*Reports|年度报告/);
  await reportsHeader.waitFor({ timeout: 60000 });
  if ((await reportsHeader.getAttribute('aria-expanded')) !== 'true') await reportsHeader.click();
  const pane = page.locator('.pane', { has: reportsHeader });
  const rows = pane.locator('.monaco-list-row');
  // The list is complete when it has as many reports as the CLI found (the background pass takes a few seconds).
  const end = Date.now() + 90000;
  let seen = [];
  for (;;) {
    seen = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    if (seen.length >= expected.length || Date.now() > end) break;
    await page.waitForTimeout(500);
  }
  step(`the view lists ${seen.length} rows`);
  // "某县市场监督管理局 2023年度 · 2021年版格式 · 错误 0 · 警告 4 · examples/…" (or the English
  // "… 2023 · 2021 template · 0 errors · 4 warnings · …") → "某县市场监督管理局 2023 0 4".
  const listed = seen.map((t) => {
    const m = /^(.*?)\s*(?:(\d{4})年度|(\d{4})|year unknown|年度未知) · .*? · (?:错误 (\d+) · 警告 (\d+)|(\d+) errors? · (\d+) warnings?)/.exec(t);
    if (!m) return `unparsed: ${t}`;
    return `${m[1]} ${m[2] ?? m[3] ?? '-'} ${m[4] ?? m[6]} ${m[5] ?? m[7]}`;
  }).sort();
  if (JSON.stringify(listed) !== JSON.stringify(expected)) {
    throw new Error(`the Reports view and the CLI disagree:\nview: ${listed.join(' | ')}\ncli:  ${expected.join(' | ')}`);
  }
  step('every report is listed with the counts the CLI gives');
  // Widen the side bar (drag the sash on its right edge) so that the descriptions show whole.
  const bar = await boxOf(page.locator('.part.sidebar'));
  const sashes = await page.locator('.monaco-sash.vertical').evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2, h: r.height }; }));
  const sash = sashes.filter((x) => x.h > 200).sort((a, b) => Math.abs(a.x - (bar.x + bar.width)) - Math.abs(b.x - (bar.x + bar.width)))[0];
  if (sash) {
    await page.mouse.move(sash.x, sash.y);
    await page.mouse.down();
    await page.mouse.move(sash.x + 480, sash.y, { steps: 12 });
    await page.mouse.up();
  }
  // Expand the 2023 report of the pair (its twistie: a click on the label opens the report): its six parts and its
  // findings, the carry-over ones among them.
  const pair = rows.filter({ hasText: '某县市场监督管理局' }).filter({ hasText: '2023' }).first();
  await pair.locator('.monaco-tl-twistie').click();
  await pane.locator('.monaco-list-row', { hasText: '一、总体情况' }).first().waitFor({ timeout: 10000 });
  const findings = pane.locator('.monaco-list-row', { hasText: /Problems \(5\)|问题（5）/ }).first();
  await findings.locator('.monaco-tl-twistie').click();
  await pane.locator('.monaco-list-row', { hasText: 'carryover-previous-year' }).first().waitFor({ timeout: 10000 });
  step(`expanded: ${(await rows.allInnerTexts()).filter((t) => /carryover|text-reuse|active-count/.test(t)).length} year-against-year findings shown`);
  await page.screenshot({ path: png });
  step(`screenshot ${png}`);
});
