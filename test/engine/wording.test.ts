// What a person reads is worded for a person. In Chinese: no rule id, no version code (T2019/T2021), no equation
// code (R1–R4), no ASCII + or = (the template writes ＋ ＝): checked on every catalogue template, rule name and
// description, setting description and command title, and on the messages, fix titles and hovers the engine
// produces for the examples, the corpora and each injected defect. In English: no Chinese outside quotation marks
// (report text is quoted), so that an English reader meets no untranslated word of ours.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { format, hoverAt, lint, ruleMessage, ruleMetas, type Locale } from '../../server/src/engine';
import { catalogues as all } from '../support/catalogues';
import { reportText } from '../../server/src/engine/messages/skeleton';
import { injections, clean2023 } from '../support/injections';
import { corpus, examplesDir, repoRoot } from '../support/paths';
import { readScenario } from '../support/scenarios';

const RULE_IDS = ruleMetas.map((m) => m.id);
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** What is wrong with a Chinese text a person reads, or null. Inline code (`…`) is exempt: settings.json keys. */
function chineseProblem(text: string): string | null {
  const prose = text.replace(/`[^`]*`/g, '');
  const outsideQuotes = prose.replace(/“[^”]*”/g, '“”');
  for (const id of RULE_IDS) if (new RegExp(`(^|[^a-z-])${id}([^a-z-]|$)`).test(prose)) return `rule id ${id}`;
  if (/T20(19|21)/.test(prose)) return 'version code';
  if (/(^|[^A-Za-z0-9])R[1-4]([^0-9]|$)/.test(prose)) return 'equation code';
  if (/[+=]/.test(outsideQuotes)) return 'ASCII + or =';
  const jargon = /占位符|安全修复|计算值|语言服务器|LSP|不平衡/.exec(outsideQuotes);
  if (jargon) return `programmer's word ${jargon[0]}`;
  return null;
}

/** What is wrong with an English text, or null: Chinese outside “…”, "…" and **…** (report text and template labels). */
function englishProblem(text: string): string | null {
  const bare = text.replace(/“[^”]*”/g, '').replace(/"[^"]*"/g, '').replace(/\*\*[^*]*\*\*/g, '');
  return CJK.test(bare) ? `Chinese outside quotes: ${(/.{0,20}[\u3400-\u9fff].{0,20}/.exec(bare))?.[0]}` : null;
}

const catalogues = Object.entries(all);

/** Texts the engine produces for a report: messages, related messages, fix titles, hovers of every row and cell. */
function produced(text: string, locale: Locale): string[] {
  const r = lint(text, { locale });
  const out = r.findings.flatMap((f) => [f.message, ...(f.related ?? []).map((x) => x.message), ...f.fixes.map((x) => x.title)]);
  for (const t of r.report.tables) {
    for (const row of t.rows) {
      for (const at of [row.labelRange?.start, ...row.cells.map((c) => c.range.start)]) {
        const h = at && hoverAt(r, at, locale);
        if (h) out.push(...h.markdown.split('\n\n'));
      }
    }
  }
  for (const p of r.report.parts) {
    const h = hoverAt(r, p.heading.range.start, locale);
    if (h) out.push(...h.markdown.split('\n\n'));
  }
  return out;
}

function reports(): [string, string][] {
  const out: [string, string][] = [];
  for (const f of readdirSync(examplesDir).filter((x) => /\.(txt|md)$/.test(x) && !/^readme/i.test(x))) out.push([f, readFileSync(path.join(examplesDir, f), 'utf8')]);
  const scenarios = path.join(repoRoot, 'test', 'fixtures', 'scenarios');
  for (const f of readdirSync(scenarios)) out.push([f, readScenario(readFileSync(path.join(scenarios, f), 'utf8')).text]);
  for (const [id, { text }] of Object.entries(corpus())) out.push([`corpus ${id}`, text]);
  const wild = path.resolve(repoRoot, '..', 'shared', 'corpus-wild');
  if (existsSync(wild)) for (const f of readdirSync(wild).filter((x) => x.endsWith('.txt'))) out.push([f, readFileSync(path.join(wild, f), 'utf8')]);
  for (const inj of injections) out.push([`injected ${inj.name}`, inj.apply(clean2023)]);
  return out;
}

describe('wording: what a person reads', function () {
  this.timeout(60000);
  const nls = (file: string) => JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, string>;

  it('Chinese catalogue templates, rule names and descriptions: no rule id, version or equation code, no ASCII + or =', () => {
    const bad: string[] = [];
    for (const [name, c] of catalogues) for (const [k, v] of Object.entries(c['zh-CN'])) { const p = chineseProblem(v); if (p) bad.push(`${name} ${k}: ${p}: ${v}`); }
    for (const m of ruleMetas) for (const v of [m.name['zh-CN'], m.description['zh-CN']]) { const p = chineseProblem(v); if (p) bad.push(`${m.id}: ${p}: ${v}`); }
    for (const [k, v] of Object.entries(reportText)) { const p = chineseProblem(v); if (p) bad.push(`new report ${k}: ${p}: ${v}`); }
    assert.deepEqual(bad, []);
  });

  it('Chinese setting descriptions and command titles (package.nls.zh-cn.json): the same, code spans aside', () => {
    const bad = Object.entries(nls('package.nls.zh-cn.json')).flatMap(([k, v]) => { const p = chineseProblem(v); return p ? [`${k}: ${p}`] : []; });
    assert.deepEqual(bad, []);
  });

  it('Chinese messages, fix titles, fix-all titles and hovers produced for real and injected reports: the same', () => {
    const bad = new Set<string>();
    for (const [name, text] of reports()) for (const s of produced(text, 'zh-CN')) { const p = chineseProblem(s); if (p) bad.add(`${name}: ${p}: ${s}`); }
    for (const m of ruleMetas) if (m.fixable) { const s = ruleMessage('zh-CN', m.id, 'fixAll', { n: 5 }); const p = chineseProblem(s); if (p) bad.add(`${m.id} fixAll: ${p}: ${s}`); }
    assert.deepEqual([...bad], []);
  });

  it('English catalogue templates, rule names and descriptions, settings: no Chinese outside quotation marks', () => {
    const bad: string[] = [];
    for (const [name, c] of catalogues) for (const [k, v] of Object.entries(c.en)) { const p = englishProblem(v); if (p) bad.push(`${name} ${k}: ${p}`); }
    for (const m of ruleMetas) for (const v of [m.name.en, m.description.en]) { const p = englishProblem(v); if (p) bad.push(`${m.id}: ${p}`); }
    for (const [k, v] of Object.entries(nls('package.nls.json'))) { const p = englishProblem(v.replace(/`[^`]*`/g, '')); if (p) bad.push(`nls ${k}: ${p}`); }
    assert.deepEqual(bad, []);
  });

  it('English messages, fix titles and hovers produced for real and injected reports: no Chinese outside quotation marks', () => {
    const bad = new Set<string>();
    for (const [name, text] of reports()) for (const s of produced(text, 'en')) { const p = englishProblem(s); if (p) bad.add(`${name}: ${p}`); }
    for (const m of ruleMetas) if (m.fixable) { const p = englishProblem(ruleMessage('en', m.id, 'fixAll', { n: 5 })); if (p) bad.add(`${m.id} fixAll: ${p}`); }
    assert.deepEqual([...bad], []);
  });

  it('the checks above can fail', () => {
    assert.equal(chineseProblem('修复本文档中全部 5 处 cell-blank 问题'), 'rule id cell-blank');
    assert.equal(chineseProblem('本表使用了T2019的栏目'), 'version code');
    assert.equal(chineseProblem('本身也不满足勾稽关系 R3（应为 2）'), 'equation code');
    assert.equal(chineseProblem('一、本年新收 + 二、上年结转 = （七）总计'), 'ASCII + or =');
    assert.equal(chineseProblem('必填单元格为空或为占位符'), "programmer's word 占位符");
    assert.equal(chineseProblem('可为负数或带“+”号'), null);
    assert.equal(chineseProblem('例如 `{ "cell-blank": "warning" }` 把“空白单元格”降为警告'), null);
    assert.equal(englishProblem('Table 三 (applications)'), 'Chinese outside quotes: Table 三 (applications)');
    assert.equal(englishProblem('“（七）总计” / “自然人” is blank'), null);
    assert.equal(format('en', 'cell', { row: '（七）总计', column: '自然人' }), '“（七）总计” / “自然人”');
  });
});
