// Round trip through a browser: do the forms in which people really get a report (a saved web page, the browser's
// innerText of it, a real copy-and-paste of it, the page printed to PDF) give the same findings as its tidy text?
// corpus-wild holds such forms of real reports, nearly all from one site; this manufactures new ones from the tidy
// reports (../shared/corpus/*.txt and examples/*.txt), in four markups that sites and office software really
// produce, so that the reading is shown not to depend on one site's markup:
//   pingtan  the pingtan.gov.cn CMS of corpus-wild: <td><p>value</p></td>, header words over two paragraphs
//   word     Word / WPS "Save as Web Page" (gb2312): MsoNormalTable, <p class=MsoNormal><span lang=EN-US>3<o:p>,
//            &nbsp; in empty cells, labels split over spans and broken by <br>
//   ueditor  a rich-text editor (UEditor / KindEditor): <td style="word-break:break-all" width=..>3</td>, empty
//            cells <td><br></td>, title and parts as <p style="text-align:center"><strong>
//   portal   a whole portal page in GBK: nav bar, breadcrumbs, sidebar, scripts, styles and footer around a TRS
//            editor's article
// Every table keeps the official template's header (rowspans and colspans; server/src/engine/template/grid.ts).
// Headless Chromium then gives each page's document.body.innerText, a real copy (the article selected, Ctrl+C, the
// clipboard's text/plain read back) and page.pdf() (A4 portrait and landscape). Every form is linted with the built
// CLI (server/out/cli.js --format json) and its findings compared with the tidy text's: the same rule ids on the
// same template rows (a finding is placed on the row, header, table or part of the model of the text it points
// into, never by line number). The differences that the product documents are rules of the comparison (EXPECTED
// below). Last, the harness checks itself on corpus-wild: Chromium's innerText and copy of each of its pages
// against the provided .innertext.txt / .copy.txt (text, and findings).
//
//   npm run build && node bench/roundtrip.mjs [--only 000,clean-2023] [--markups pingtan,word] [--no-pdf]
//                                             [--keep DIR] [--verbose]
// (GOV_REPORT_SHARED names the shared folder when it is not ../shared.)
//
// Needs /usr/bin/chromium (or $CHROMIUM) and playwright-core. Not part of `npm test`: it takes minutes. Results
// and what they showed: docs/README.md, "网页经浏览器往返 / Round trip through a browser".
/* global document, getSelection -- page.evaluate() runs these functions in the page */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.GOV_REPORT_SHARED || path.resolve(root, '..', 'shared');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const flag = (name) => args.includes(`--${name}`);
const cli = path.join(root, 'server', 'out', 'cli.js');
const MARKUPS = ['pingtan', 'word', 'ueditor', 'portal'];
const FORMS = ['html', 'innertext', 'copy', 'pdf', 'pdf-landscape'];

// ---------------------------------------------------------------- the engine and the HTML reader, from source

async function bundles(tmp) {
  const esbuild = await import('esbuild');
  const out = path.join(tmp, 'rt-bundle.cjs');
  const contents = [
    "export { lint, LineIndex } from './server/src/engine/index';",
    "export { templates } from './server/src/engine/template';",
    "export { headerRows, subTables, printedRows } from './server/src/engine/template/grid';",
    "export { readHtml } from './server/src/formats/html';",
  ].join('\n');
  await esbuild.build({ stdin: { contents, resolveDir: root, loader: 'ts' }, outfile: out, bundle: true, platform: 'node', target: 'node18', format: 'cjs', logLevel: 'warning' });
  return require(out);
}

// ---------------------------------------------------------------- a tidy report as blocks

/**
 * The tidy text as paragraphs and tables. A table is rebuilt from the template (header rows with their merged
 * cells, nested label cells) with the labels and cells as the report writes them, so that every markup prints
 * the same table; the text outside the tables' lines is kept line by line.
 */
function documentOf(B, text) {
  const report = B.lint(text).report;
  const index = new B.LineIndex(text);
  const tableAt = new Map(report.tables.map((t) => [t.range.start.line, t]));
  const headings = new Set(report.parts.map((p) => p.heading.range.start.line));
  const blocks = [];
  for (let i = 0; i < index.lineCount; i++) {
    const t = tableAt.get(i);
    if (t) { blocks.push({ kind: 'table', grid: tableGrid(B, t) }); i = t.range.end.line; continue; }
    const line = index.line(i).replace(/\t+/g, ' ').trim();
    if (!line) continue;
    if (report.title && report.title.range.start.line === i) {
      // A title over two lines is one heading on a page.
      blocks.push({ kind: 'p', text: report.title.text, role: 'title' });
      i = report.title.range.end.line;
      continue;
    }
    blocks.push({ kind: 'p', text: line, role: headings.has(i) ? 'heading' : 'p' });
  }
  // The portal prints a publication date ("发布时间"), which the publication-deadline rule reads before the date
  // under the signature: the report's own date when it has one, else one within the deadline.
  const signed = /((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日\s*$/.exec(text.trimEnd().split('\n').slice(-12).join('\n'));
  const published = signed ? `${signed[1]}-${signed[2].padStart(2, '0')}-${signed[3].padStart(2, '0')}` : `${(report.year ?? 2023) + 1}-01-20`;
  return { title: report.title?.text ?? blocks.find((b) => b.kind === 'p')?.text ?? '', published, blocks };
}

/** A printed cell: text, spans, and its kind: a column header, a row label (or section), or a value. */
const cell = (text, colspan = 1, rowspan = 1, kind = 'label') => ({ text, colspan, rowspan, kind, head: kind !== 'value' });

function tableGrid(B, tm) {
  const def = B.templates[tm.template].tables.find((t) => t.id === tm.id);
  const byId = new Map(tm.rows.map((r) => [r.id, r]));
  const written = (s) => tm.sections.find((x) => x.id === s.id)?.label || s.label;
  if (tm.id === 'active') return activeGrid(B, def, byId, written);
  const set = Object.keys(def.columnSets)[0];
  const header = B.headerRows(def, set);
  const chains = new Map(def.rows.filter((r) => byId.has(r.id)).map((r) => [r, sectionChain(def, r)]));
  const depth = Math.max(1, ...[...chains.values()].map((c) => c.length + 1));
  const labelled = def.unlabelledRow === undefined;
  const rows = header.map((hr, i) => [
    ...(i === 0 && labelled ? [cell(def.corner ?? '', depth, header.length, 'header')] : []),
    ...hr.map((h) => cell(h.text, h.colSpan, h.rowSpan, 'header')),
  ]);
  const started = new Set();
  for (const [r, chain] of chains) {
    const m = byId.get(r.id);
    const out = [];
    for (const s of chain) {
      if (started.has(s.id)) continue;
      started.add(s.id);
      const span = [...chains.values()].filter((c) => c.includes(s)).length;
      out.push(cell(written(s), 1, span));
    }
    if (labelled) out.push(cell(m.label || r.label, depth - chain.length));
    for (const c of m.cells) out.push(cell(c.raw, 1, 1, 'value'));
    rows.push(out);
  }
  return rows;
}

/** The sections a row's label sits in, outermost first (三、本年度办理结果, （三）不予公开); sub-tables aside. */
function sectionChain(def, r) {
  const chain = [];
  for (let id = r.section; id;) {
    const s = def.sections.find((x) => x.id === id);
    if (!s || def.columnSets[s.id]) break;
    chain.unshift(s);
    id = s.parent ?? null;
  }
  return chain;
}

/** Table 二: a sub-table per item of 第二十条, each with its heading row, its column labels and its rows. */
function activeGrid(B, def, byId, written) {
  const subs = B.subTables(def);
  const width = 1 + Math.max(...subs.map((s) => def.columnSets[s.id].length));
  const rows = [];
  const widen = (cells) => { cells[cells.length - 1].colspan += width - cells.reduce((n, c) => n + c.colspan, 0); return cells; };
  for (const s of subs) {
    const members = def.rows.filter((r) => r.section === s.id && byId.has(r.id));
    if (!members.length) continue;
    rows.push([cell(written(s), width)]);
    rows.push(widen([cell(def.corner ?? '信息内容', 1, 1, 'header'), ...def.columnSets[s.id].map((c) => cell(c.label, 1, 1, 'header'))]));
    for (const r of members) {
      const m = byId.get(r.id);
      rows.push(widen([cell(m.label || r.label), ...m.cells.map((c) => cell(c.raw, 1, 1, 'value'))]));
    }
  }
  return rows;
}

// ---------------------------------------------------------------- four markups

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const spans = (c) => `${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}`;

/** Where a long label breaks in a narrow cell: before its bracketed note, else in the middle. */
function breakAt(text) {
  const paren = text.indexOf('（', 1);
  if (paren > 0 && text.length - paren > 4) return paren;
  return text.length > 12 ? Math.ceil(text.length / 2) : -1;
}

const pingtan = {
  charset: 'utf-8',
  page: (doc, body) => `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div id="art">\n${body}</div></body></html>\n`,
  para: (b) => (b.role === 'title' ? `<div class="title">${esc(b.text)}</div>` : `<p>${esc(b.text)}</p>`),
  table: (rows) => `<table border="1" cellspacing="0"><tbody>\n${rows.map((r) => `<tr>${r.map((c) => {
    // Narrow column headers wrap as two paragraphs ("商业" / "企业", "结果" / "维持"), as the site's pages have them.
    const paras = c.kind === 'header' && c.text.length === 4 ? [c.text.slice(0, 2), c.text.slice(2)] : [c.text];
    return `<td${spans(c)}>${paras.map((p) => `<p>${esc(p)}</p>`).join('')}</td>`;
  }).join('')}</tr>`).join('\n')}\n</tbody></table>`,
  select: ['#art', '#art'],
};

/** Word's runs: Latin and digits in a span of their own (lang=EN-US), the rest in the Chinese font's span. */
function wordRuns(text, font) {
  return text.split(/([A-Za-z0-9.%+\-/]+)/).filter(Boolean).map((r) => (/^[A-Za-z0-9.%+\-/]+$/.test(r)
    ? `<span lang=EN-US style='font-size:10.5pt;font-family:"Times New Roman"'>${esc(r)}</span>`
    : `<span style='font-size:10.5pt;font-family:${font}'>${esc(r)}</span>`)).join('');
}

const word = {
  charset: 'gb2312',
  page: (doc, body) => `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>${esc(doc.title)}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties><o:Author>办公室</o:Author><o:Pages>6</o:Pages></o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm;text-align:justify;text-justify:inter-ideograph;font-size:10.5pt;font-family:"Times New Roman",serif;}
 table.MsoNormalTable {mso-style-name:普通表格;mso-tstyle-rowband-size:0;mso-padding-alt:0cm 5.4pt 0cm 5.4pt;}
@page WordSection1 {size:595.3pt 841.9pt;margin:72.0pt 90.0pt 72.0pt 90.0pt;}
div.WordSection1 {page:WordSection1;}
-->
</style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<div class=WordSection1 style='layout-grid:15.6pt'>
${body}
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
</div>
</body>
</html>
`,
  para: (b) => {
    if (b.role === 'title') return `<p class=MsoNormal align=center style='text-align:center;line-height:28.0pt'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>${esc(b.text)}</span></b><b><span lang=EN-US style='font-size:22.0pt'><o:p></o:p></span></b></p>`;
    const font = b.role === 'heading' ? '黑体' : '仿宋_GB2312';
    return `<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt'>${wordRuns(b.text, font)}<span lang=EN-US style='font-size:16.0pt'><o:p></o:p></span></p>`;
  },
  table: (rows) => `<div align=center>
<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
${rows.map((r, i) => ` <tr style='mso-yfti-irow:${i};height:19.85pt'>\n${r.map((c) => `  <td width=${wordWidth(c) * 4 / 3}${spans(c).replace(/"/g, '')} valign=center style='width:${wordWidth(c)}.0pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt;height:19.85pt'>
  <p class=MsoNormal align=center style='text-align:center;mso-pagination:widow-orphan'>${wordCell(c)}</p>
  </td>`).join('\n')}\n </tr>`).join('\n')}
</table>
</div>`,
  select: ['.WordSection1', '.WordSection1'],
};

/** A cell's width in points, as Word writes it: the label columns wide, the figure columns narrow (A4, 415pt of text). */
function wordWidth(c) {
  return c.colspan * (c.kind === 'value' || (c.kind === 'header' && c.text.length <= 6) ? 34 : 72);
}

function wordCell(c) {
  if (c.text === '') return "<span lang=EN-US style='font-size:10.5pt'><o:p>&nbsp;</o:p></span>";
  if (!c.head) return `<span lang=EN-US style='font-size:10.5pt;font-family:"Times New Roman";mso-bidi-font-family:宋体;color:black;mso-font-kerning:0pt'>${esc(c.text)}<o:p></o:p></span>`;
  // A label is split over runs (Word starts a new run where formatting or editing history changes) and a long
  // one is broken by a line break where it wrapped in the writer's document.
  const at = breakAt(c.text);
  const runs = at > 0 ? [c.text.slice(0, at), c.text.slice(at)] : [c.text.slice(0, Math.ceil(c.text.length / 2)), c.text.slice(Math.ceil(c.text.length / 2))];
  const run = (s) => `<span style='font-size:10.5pt;font-family:宋体;mso-ascii-font-family:"Times New Roman";color:black;mso-font-kerning:0pt'>${esc(s)}</span>`;
  return `${run(runs[0])}${at > 0 ? "<span lang=EN-US style='font-size:10.5pt'><br></span>" : ''}${runs[1] ? run(runs[1]) : ''}<span lang=EN-US style='font-size:10.5pt'><o:p></o:p></span>`;
}

const ueditor = {
  charset: 'utf-8',
  page: (doc, body) => `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(doc.title)}</title></head>
<body><div class="ke-content">
${body}
</div></body></html>
`,
  para: (b) => (b.role === 'p'
    ? `<p style="text-indent: 2em; line-height: 2em;"><span style="font-family: 仿宋_GB2312, 仿宋; font-size: 16px;">${esc(b.text)}</span></p>`
    : `<p style="text-align: center;"><strong><span style="font-size: ${b.role === 'title' ? 22 : 16}px;">${esc(b.text)}</span></strong></p>`),
  table: (rows) => `<table border="1" width="100%" cellspacing="0" cellpadding="0"><tbody>${rows.map((r, i) => `<tr${i === 0 ? ' class="firstRow"' : ''}>${r.map((c) =>
    `<td style="word-break: break-all;" width="${c.colspan * (c.kind === 'value' ? 54 : 110)}" valign="middle"${spans(c)}${c.head ? ' align="center"' : ''}>${c.text === '' ? '<br/>' : esc(c.text)}</td>`).join('')}</tr>`).join('')}</tbody></table>`,
  select: ['.ke-content', '.ke-content'],
};

const portal = {
  charset: 'gbk',
  page: (doc, body) => `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="gbk">
<meta name="SiteName" content="某某区人民政府">
<meta name="ColumnName" content="政府信息公开年报">
<title>${esc(doc.title)}_某某区人民政府</title>
<link rel="stylesheet" href="/css/common.css">
<style>.nav li{float:left;margin:0 12px}.sidebar{float:left;width:20%}.main{float:right;width:78%}.footer{clear:both;text-align:center}</style>
<script src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; (function(){ var hm = document.createElement("script"); hm.src = "//example.invalid/hm.js"; })();</script>
</head>
<body>
<div class="top"><div class="w1200"><span>欢迎访问某某区人民政府门户网站</span><a href="#">无障碍</a> | <a href="#">长者模式</a> | <a href="#">English</a></div></div>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="某某区人民政府"></div>
<div class="search"><input type="text" placeholder="请输入关键字"><button>搜索</button></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="#">走进某某</a></li><li><a href="#">政务公开</a></li><li><a href="#">政务服务</a></li><li><a href="#">互动交流</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="#">政务公开</a> &gt; <a href="#">政府信息公开年报</a></div>
<div class="w1200">
<div class="sidebar"><div class="side-title">政府信息公开</div><ul><li><a href="#">政府信息公开指南</a></li><li><a href="#">政府信息公开制度</a></li><li><a href="#">法定主动公开内容</a></li><li class="on"><a href="#">政府信息公开年报</a></li></ul></div>
<div class="main">
<div class="article">
<h1 class="article-title">${esc(doc.title)}</h1>
<div class="article-info"><span>发布时间：${doc.published} 09:30</span><span>来源：办公室</span><span>浏览次数：<script>document.write(1024)</script></span><span>字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></div>
<div class="TRS_Editor">
${body}
</div>
<div class="article-tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
</div>
</div>
<div class="footer"><p>主办单位：某某区人民政府办公室\u3000承办单位：某某区大数据中心</p><p>网站标识码：3501000001\u3000<a href="#">闽ICP备05000000号</a>\u3000<a href="#">闽公网安备 35010002000001号</a></p></div>
<script>$(function(){ $(".nav li").hover(function(){ $(this).addClass("on"); }); });</script>
</body>
</html>
`,
  // The title is the page's <h1>; the editor's content starts with the first paragraph after it.
  para: (b) => (b.role === 'title' ? '' : `<p style="text-indent:2em;line-height:1.8"><span style="font-family:仿宋_GB2312;font-size:16pt">${esc(b.text)}</span></p>`),
  table: (rows) => `<table border="1" cellspacing="0" cellpadding="0" align="center" style="border-collapse:collapse;width:100%"><tbody>${rows.map((r) => `<tr>${r.map((c) =>
    `<td${spans(c)} style="border:1px solid #000000;padding:2px"><p style="text-align:center;line-height:1.5"><span style="font-family:宋体;font-size:12pt">${c.text === '' ? '&nbsp;' : esc(c.text)}</span></p></td>`).join('')}</tr>`).join('\n')}</tbody></table>`,
  select: ['.article-title', '.TRS_Editor'],
};

const markupOf = { pingtan, word, ueditor, portal };

function render(doc, m) {
  const body = doc.blocks.map((b) => (b.kind === 'p' ? m.para(b) : m.table(b.grid))).filter(Boolean).join('\n');
  const html = m.page(doc, body);
  return m.charset === 'utf-8' ? Buffer.from(html, 'utf8') : encodeGbk(html);
}

let gbkTable = null;
/** GBK bytes of a string (GB2312 is a subset): a reverse of the platform's GBK decoder, so no dependency. */
function encodeGbk(s) {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(Uint8Array.of(a, b));
      if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [a, b]);
    }
  }
  const out = [];
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (c < 0x80) { out.push(c); continue; }
    const bytes = gbkTable.get(ch);
    if (bytes) out.push(...bytes);
    else for (const x of Buffer.from(`&#${c};`)) out.push(x); // not in GBK: a character reference, as browsers save it
  }
  return Buffer.from(out);
}

// ---------------------------------------------------------------- Chromium: innerText, a real copy, print

async function launch() {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return { browser, context };
}

/**
 * The page's forms. The copy is a real one: the article selected (from its first to its last element, as a reader
 * drags over it), Ctrl+C, and the clipboard's text/plain read back with navigator.clipboard.readText().
 */
async function browserForms(context, file, select, pdfBase) {
  const page = await context.newPage();
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const innerText = await page.evaluate(() => document.body.innerText);
    await page.evaluate(([a, b]) => {
      const range = document.createRange();
      range.setStartBefore(document.querySelector(a));
      range.setEndAfter(document.querySelector(b));
      const sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    }, select);
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.keyboard.press('Control+C');
    const copy = await page.evaluate(() => navigator.clipboard.readText());
    if (pdfBase) {
      await page.pdf({ path: `${pdfBase}.pdf`, format: 'A4' });
      await page.pdf({ path: `${pdfBase}.landscape.pdf`, format: 'A4', landscape: true });
    }
    return { innerText, copy };
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------- linting, and placing findings on rows

function lintFiles(files) {
  const out = new Map();
  for (let i = 0; i < files.length; i += 40) {
    const batch = files.slice(i, i + 40);
    const r = spawnSync(process.execPath, [cli, '--format', 'json', '--no-config', ...batch], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`cli exited ${r.status}: ${r.stderr}`);
    for (const f of JSON.parse(r.stdout)) out.set(f.file, f);
  }
  return out;
}

/** The text the CLI's positions refer to, and where each offset of that text is (for a page: in its source). */
function readForm(B, file) {
  if (file.endsWith('.html')) {
    const x = B.readHtml(new Uint8Array(fs.readFileSync(file)));
    return { text: x.text, options: { tableFields: 'exact' }, coords: x.source.text, toCoord: x.source.toSource };
  }
  const text = file.endsWith('.pdf')
    ? spawnSync(process.execPath, [cli, '--extract', file], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout
    : fs.readFileSync(file, 'utf8');
  return { text, options: {}, coords: text, toCoord: (o) => o };
}

/** The places of a report's model, each with a key that names it the same in every form. */
function regions(report) {
  const out = [];
  const add = (key, range, weight) => { if (range) out.push({ key, range, weight }); };
  add('title', report.title?.range, 5);
  for (const p of report.parts) { add(`part${p.number}`, p.range, 9); add(`part${p.number}:heading`, p.heading.range, 5); }
  for (const t of report.tables) {
    add(`${t.id}`, t.range, 8);
    for (const h of t.headerCells) add(`${t.id}/header`, h.range, 3);
    for (const s of t.sections) add(`${t.id}/section:${s.id}`, s.range, 3);
    for (const u of t.unreadable) add(`${t.id}/unreadable`, u, 4);
    for (const r of t.rows) {
      add(`${t.id}/${r.id}`, r.range, 2);
      add(`${t.id}/${r.id}`, r.labelRange, 1);
      for (const c of r.cells) { add(`${t.id}/${r.id}`, c.range, 0); add(`${t.id}/${r.id}`, c.separator, 0); }
    }
  }
  return out;
}

/** Each finding as "rule @ place". */
function placedFindings(B, file, result) {
  const form = readForm(B, file);
  const report = B.lint(form.text, form.options).report;
  const textIndex = new B.LineIndex(form.text);
  const coordIndex = new B.LineIndex(form.coords);
  const places = regions(report).map((g) => {
    const a = form.toCoord(textIndex.offsetAt(g.range.start));
    const b = form.toCoord(textIndex.offsetAt(g.range.end));
    return { key: g.key, a: Math.min(a, b), b: Math.max(a, b), size: Math.abs(b - a), weight: g.weight };
  });
  return result.diagnostics.map((d) => {
    const at = coordIndex.offsetAt(d.range.start);
    let best = null;
    for (const p of places) {
      if (at < p.a || at > p.b) continue;
      if (!best || p.weight < best.weight || (p.weight === best.weight && p.size < best.size)) best = p;
    }
    return { rule: d.rule, place: best ? best.key : 'text', message: d.message };
  });
}

// ---------------------------------------------------------------- the comparison

/**
 * Differences the product documents, applied to the tidy text's findings before they are compared with a form's.
 * Each says why it is not a reading bug.
 */
const EXPECTED = [
  {
    forms: ['copy', 'pdf', 'pdf-landscape'],
    why: 'a blank cell leaves no trace in copied text or in a PDF\'s text (docs/rules/row-cells.md; spec §10): '
      + 'the row comes out short (row-cells) and which of its cells is blank cannot be told, so no cell-blank',
    apply(findings) {
      const blankRows = new Set(findings.filter((f) => f.rule === 'cell-blank').map((f) => f.place));
      const kept = findings.filter((f) => f.rule !== 'cell-blank');
      for (const place of blankRows) if (!kept.some((f) => f.rule === 'row-cells' && f.place === place)) kept.push({ rule: 'row-cells', place });
      return kept;
    },
  },
];

/**
 * Findings as the comparison counts them. Adjacent blank cells of a row on one line are one cell-blank finding
 * (README: "同一行中相邻的几个空白格合为一条问题"), and a layout with a cell per line (the tidy cell-per-line text,
 * innerText's paragraphs) puts each on a line of its own: cell-blank counts once per row.
 */
function counted(findings) {
  const seen = new Set();
  // publication-deadline is told at the date it read: the page's "发布时间" line when the page has one (the portal
  // markup), else the date under the signature; the rule counts, not where the date stands.
  return findings.map((f) => (f.rule === 'publication-deadline' ? { ...f, place: 'report' } : f)).filter((f) => {
    if (f.rule !== 'cell-blank') return true;
    if (seen.has(f.place)) return false;
    seen.add(f.place);
    return true;
  });
}

function expectedFor(form, tidy) {
  let f = tidy;
  for (const e of EXPECTED) if (e.forms.includes(form)) f = e.apply(f);
  return f;
}

/** "rule@place" counts that differ: + found only in the form, − only in the tidy text. */
function compare(expected, got) {
  const count = (fs) => { const m = new Map(); for (const f of counted(fs)) { const k = `${f.rule}@${f.place}`; m.set(k, (m.get(k) ?? 0) + 1); } return m; };
  const a = count(expected);
  const b = count(got);
  const diffs = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const d = (b.get(k) ?? 0) - (a.get(k) ?? 0);
    if (d > 0) diffs.push(`+${k}${d > 1 ? `×${d}` : ''}`);
    if (d < 0) diffs.push(`−${k}${d < -1 ? `×${-d}` : ''}`);
  }
  return diffs.sort();
}

// ---------------------------------------------------------------- main

function inputs() {
  const only = opt('only', '').split(',').filter(Boolean);
  const list = [
    ...fs.readdirSync(path.join(shared, 'corpus')).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f.replace(/_.*$/, ''), file: path.join(shared, 'corpus', f) })),
    ...fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f.replace(/\.txt$/, ''), file: path.join(root, 'examples', f) })),
  ];
  return only.length ? list.filter((x) => only.some((o) => x.name.startsWith(o))) : list;
}

async function main() {
  if (!fs.existsSync(cli)) throw new Error('build first: npm run build');
  const keep = opt('keep', null);
  const tmp = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'gov-report-roundtrip-'));
  fs.mkdirSync(tmp, { recursive: true });
  const markups = opt('markups', MARKUPS.join(',')).split(',');
  const forms = flag('no-pdf') ? FORMS.filter((f) => !f.startsWith('pdf')) : FORMS;
  const B = await bundles(tmp);
  const { browser, context } = await launch();
  const cases = [];
  try {
    for (const input of inputs()) {
      const tidyFile = path.join(tmp, `${input.name}.tidy.txt`);
      const text = fs.readFileSync(input.file, 'utf8');
      fs.writeFileSync(tidyFile, text);
      const doc = documentOf(B, text);
      for (const mk of markups) {
        const base = path.join(tmp, `${input.name}.${mk}`);
        fs.writeFileSync(`${base}.html`, render(doc, markupOf[mk]));
        const got = await browserForms(context, `${base}.html`, markupOf[mk].select, forms.includes('pdf') ? base : null);
        fs.writeFileSync(`${base}.innertext.txt`, got.innerText);
        fs.writeFileSync(`${base}.copy.txt`, got.copy);
        const files = { html: `${base}.html`, innertext: `${base}.innertext.txt`, copy: `${base}.copy.txt`, pdf: `${base}.pdf`, 'pdf-landscape': `${base}.landscape.pdf` };
        cases.push({ input: input.name, markup: mk, tidy: tidyFile, files });
      }
    }
    var wild = await wildForms(context, tmp);
  } finally {
    await browser.close();
  }
  const all = [...new Set(cases.flatMap((c) => [c.tidy, ...forms.map((f) => c.files[f])]))];
  all.push(...wild.flatMap((w) => [w.html, w.innerText, w.copy, w.givenInnerText, w.givenCopy]));
  const results = lintFiles(all);
  const placed = new Map();
  const findingsOf = (file) => {
    if (!placed.has(file)) {
      const r = results.get(file);
      placed.set(file, r && r.linted !== false && r.diagnostics ? placedFindings(B, file, r) : [{ rule: 'UNREAD', place: String(r?.problem?.code ?? 'no result') }]);
    }
    return placed.get(file);
  };
  report(cases, forms, findingsOf, tmp);
  reportWild(wild, findingsOf);
  if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
}

function report(cases, forms, findingsOf, tmp) {
  console.log(`Round trip through a browser (${new Date().toISOString().slice(0, 10)}; files in ${tmp})\n`);
  console.log('Comparison rules (documented differences):');
  for (const e of EXPECTED) console.log(`  - ${e.forms.join(', ')}: ${e.why}`);
  console.log('Each cell: "same", or how many findings differ (counted as the comparison counts them).');
  console.log(`\n| report | markup | ${forms.join(' | ')} |\n|---|---|${forms.map(() => '---|').join('')}`);
  const details = [];
  let same = 0;
  for (const c of cases) {
    const tidy = findingsOf(c.tidy);
    const cells = forms.map((f) => {
      const diffs = compare(expectedFor(f, tidy), findingsOf(c.files[f]));
      if (!diffs.length) { same++; return 'same'; }
      details.push(`${c.input} ${c.markup} ${f}: ${diffs.join(' ')}`);
      return `${diffs.reduce((n, d) => n + Number(/×(\d+)$/.exec(d)?.[1] ?? 1), 0)} diff`;
    });
    console.log(`| ${c.input} | ${c.markup} | ${cells.join(' | ')} |`);
  }
  console.log(`\n${same} of ${cases.length * forms.length} forms give the tidy text's findings.`);
  if (details.length) console.log(`\nDifferences (+ only in the form, − only in the tidy text; rule@table/row):\n${details.map((d) => `  ${d}`).join('\n')}`);
  if (flag('verbose')) for (const c of cases) console.log(`\n${c.input} tidy: ${findingsOf(c.tidy).map((f) => `${f.rule}@${f.place}`).join(' ')}`);
}

// ---------------------------------------------------------------- the harness checked on corpus-wild

async function wildForms(context, tmp) {
  const dir = path.join(shared, 'corpus-wild');
  const out = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.html')).sort()) {
    const stem = f.replace(/\.html$/, '');
    const html = path.join(tmp, `wild-${f}`);
    fs.copyFileSync(path.join(dir, f), html);
    const got = await browserForms(context, html, ['body', 'body'], null);
    const w = { name: stem, html, innerText: path.join(tmp, `wild-${stem}.innertext.txt`), copy: path.join(tmp, `wild-${stem}.copy.txt`), givenInnerText: path.join(dir, `${stem}.innertext.txt`), givenCopy: path.join(dir, `${stem}.copy.txt`) };
    fs.writeFileSync(w.innerText, got.innerText);
    fs.writeFileSync(w.copy, got.copy);
    out.push(w);
  }
  return out;
}

/** Same text as the provided file, or the first line where they part (trailing white space of the whole aside). */
function textAgreement(a, b) {
  const x = fs.readFileSync(a, 'utf8').trimEnd().split('\n');
  const y = fs.readFileSync(b, 'utf8').trimEnd().split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return `line ${i + 1} differs`;
  return 'same text';
}

function reportWild(wild, findingsOf) {
  if (!wild.length) return;
  console.log('\nThe harness on corpus-wild: Chromium\'s innerText and copy of each page against the provided files\n');
  console.log('| page | innerText: text | innerText: findings | copy: text | copy: findings |\n|---|---|---|---|---|');
  for (const w of wild) {
    const f = (a, b) => { const d = compare(findingsOf(b), findingsOf(a)); return d.length ? d.join(' ') : 'same'; };
    console.log(`| ${w.name} | ${textAgreement(w.innerText, w.givenInnerText)} | ${f(w.innerText, w.givenInnerText)} | ${textAgreement(w.copy, w.givenCopy)} | ${f(w.copy, w.givenCopy)} |`);
  }
}

main().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
