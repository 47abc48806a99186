// Mutation fuzzing of the engine: ≥ 20,000 documents a run, made from the corpus and the examples with a
// seeded PRNG (mulberry32), so a failure is reproducible from its seed and index. For each document:
// lint (strict) does not throw; every range lies inside the document (LSP line splitting, UTF-16); the model
// is consistent; applying every fix loses no text outside the edits; safe fixes add no new error.
//
// Speed (2 cores, tsx): ≈ 400 whole documents/s, ≈ 1,000 docs/s with the window mix below.
// GOV_REPORT_FUZZ_DOCS overrides the number of documents, GOV_REPORT_FUZZ_SEED the seed.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { applyFixes, lint, outline, type Finding, type Fix, type LintResult, type Range } from '../../server/src/engine';
import { pickFixes } from '../../server/src/engine/fix';
import { corpus, corpusDir, examplesDir, hasCorpus, wildDir } from '../support/paths';
import { scenariosDir } from '../support/scenarios';


const DOCS = Number(process.env.GOV_REPORT_FUZZ_DOCS) || 20000;
const SEED = Number(process.env.GOV_REPORT_FUZZ_SEED) || 0x5eed2024;

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Line lengths as an LSP client splits lines: on \r\n, \r or \n. */
export function lspLineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function inDoc(lines: number[], r: Range | null | undefined, what: string): string | null {
  if (!r) return null;
  for (const p of [r.start, r.end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return `${what}: bad position ${JSON.stringify(p)}`;
    if (p.line >= lines.length) return `${what}: line ${p.line} ≥ lineCount ${lines.length}`;
    if (p.character > lines[p.line]) return `${what}: character ${p.character} > length ${lines[p.line]} of line ${p.line}`;
  }
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return `${what}: start after end ${JSON.stringify(r)}`;
  return null;
}

function before(a: Range['start'], b: Range['start']): number { return a.line - b.line || a.character - b.character; }
function contains(outer: Range, inner: Range): boolean { return before(outer.start, inner.start) <= 0 && before(inner.end, outer.end) <= 0; }

/** Every problem with the ranges and the model of one lint result (empty when all is well). */
export function checkResult(text: string, res: LintResult): string[] {
  const lines = lspLineLengths(text);
  const errs: string[] = [];
  const chk = (r: Range | null | undefined, what: string) => { const e = inDoc(lines, r, what); if (e) errs.push(e); };
  const { report, findings } = res;
  if (report.lineCount !== lines.length) errs.push(`report.lineCount ${report.lineCount} ≠ LSP line count ${lines.length}`);
  findings.forEach((f, i) => {
    chk(f.range, `finding ${i} ${f.rule}`);
    f.fixes.forEach((x, j) => x.edits.forEach((e, k) => chk(e.range, `finding ${i} ${f.rule} fix ${j} edit ${k}`)));
  });
  chk(report.title?.range, 'title');
  chk(report.period?.range, 'period');
  report.parts.forEach((p, i) => {
    chk(p.heading.range, `part ${i} heading`);
    chk(p.range, `part ${i} range`);
    chk(p.bodyRange, `part ${i} body`);
    if (!contains(p.range, p.heading.range)) errs.push(`part ${i} range does not contain its heading`);
    if (i > 0 && before(report.parts[i - 1].heading.range.start, p.heading.range.start) >= 0) errs.push(`part ${i} heading not after part ${i - 1}'s`);
    p.subHeadings.forEach((h, j) => chk(h.range, `part ${i} sub-heading ${j}`));
    if (p.table && !contains(p.range, p.table.range)) errs.push(`part ${i} (${p.number}) holds a table outside its range (table lines ${p.table.range.start.line}-${p.table.range.end.line}, part lines ${p.range.start.line}-${p.range.end.line})`);
  });
  if (new Set(report.tables).size !== report.tables.length) errs.push('report.tables lists a table twice');
  const tableKeys = report.tables.map((t) => `${t.id}@${JSON.stringify(t.range)}`);
  if (new Set(tableKeys).size !== tableKeys.length) errs.push('two tables with the same id and range');
  const findingKeys = findings.map((f) => `${f.rule} ${JSON.stringify(f.range)} ${f.message}`);
  if (new Set(findingKeys).size !== findingKeys.length) errs.push('duplicate findings (same rule, range and message)');
  report.tables.forEach((t, i) => {
    chk(t.range, `table ${i}`);
    t.sections.forEach((s, j) => chk(s.range, `table ${i} section ${j}`));
    t.headerCells.forEach((h, j) => chk(h.range, `table ${i} header ${j}`));
    t.unreadable.forEach((u, j) => chk(u, `table ${i} unreadable ${j}`));
    for (const v of ['T2019', 'T2021'] as const) {
      t.versionLabels[v].forEach((u, j) => { chk(u.range, `table ${i} ${v} label ${j}`); u.pieces?.forEach((p, k) => chk(p, `table ${i} ${v} label ${j} piece ${k}`)); });
    }
    t.rows.forEach((r, j) => {
      chk(r.range, `table ${i} row ${j} ${r.id}`);
      chk(r.labelRange, `table ${i} row ${j} label`);
      r.labelPieces?.forEach((p, k) => chk(p, `table ${i} row ${j} label piece ${k}`));
      r.cells.forEach((c, k) => { chk(c.range, `table ${i} row ${j} cell ${k}`); chk(c.separator, `table ${i} row ${j} cell ${k} separator`); });
    });
  });
  // DocumentSymbol: VS Code rejects a symbol whose selectionRange is not inside its range.
  const end = { line: lines.length - 1, character: lines[lines.length - 1] };
  const walk = (nodes: ReturnType<typeof outline>, depth: string) => nodes.forEach((n, i) => {
    chk(n.range, `outline ${depth}${i}`);
    chk(n.selectionRange, `outline ${depth}${i} selection`);
    if (!contains(n.range, n.selectionRange)) errs.push(`outline ${depth}${i} (${n.kind}) selectionRange outside range`);
    walk(n.children, `${depth}${i}.`);
  });
  walk(outline(report, 'zh-CN', end), '');
  return errs;
}

// ------------------------------------------------------------------ fixes

interface Off { start: number; end: number; newText: string }

function offsets(text: string): (p: Range['start']) => number {
  const starts = [0];
  const ends: number[] = [];
  const re = /\r\n|\r|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) { ends.push(m.index); starts.push(m.index + m[0].length); }
  ends.push(text.length);
  return (p) => p.line >= starts.length ? text.length : starts[p.line] + Math.min(p.character, ends[p.line] - starts[p.line]);
}

function clash(a: Off, b: Off): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * The text applyFixes must produce, computed independently: fixes taken greedily in order, a fix whose edits
 * clash with a taken edit (or with each other) skipped whole, everything outside the taken edits copied.
 */
export function expectedAfterFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number; edits: Off[] } {
  const at = offsets(text);
  const taken: Off[] = [];
  let applied = 0;
  for (const f of fixes) {
    const es = f.edits.map((e) => { const a = at(e.range.start); const b = at(e.range.end); return { start: Math.min(a, b), end: Math.max(a, b), newText: e.newText }; });
    const self = es.some((e, i) => es.some((g, j) => j > i && clash(e, g)));
    if (self || es.some((e) => taken.some((t) => clash(t, e)))) continue;
    taken.push(...es);
    applied++;
  }
  taken.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of taken) { out += text.slice(pos, e.start) + e.newText; pos = e.end; }
  out += text.slice(pos);
  return { text: out, applied, edits: taken };
}

function errorIds(findings: readonly Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) if (f.severity === 'error') m.set(f.rule, (m.get(f.rule) ?? 0) + 1);
  return m;
}

// ------------------------------------------------------------------ mutations

const PUNCT = ['\t', '|', '||', '\t\t', '0', '7', '12', '-1', '1.5', '０', '９', '１２', '（', '）', '(', ')', '、', '.', '：', '\u3000', ' ', '  ',
  '\0', '\ud800', '\udfff', '\udbff', '\r', '\n', '\r\n', '一', '三', '六', '十', '（一）', '1.', '**', '[bookmark: x]', '#', '\ufeff', '\u200b', '—', '无', '/'];

function randomUnicode(rnd: () => number): string {
  const r = rnd();
  if (r < 0.5) return String.fromCharCode(Math.floor(rnd() * 0x10000)); // may be a lone surrogate
  if (r < 0.8) return String.fromCodePoint(0x4e00 + Math.floor(rnd() * 0x5000));
  return String.fromCodePoint(0x10000 + Math.floor(rnd() * 0xfffff));
}

export function mutate(base: string, rnd: () => number): string {
  const int = (n: number) => Math.floor(rnd() * n);
  let lines = base.split('\n');
  const ops = 1 + int(4);
  for (let o = 0; o < ops; o++) {
    const n = lines.length;
    const i = int(n);
    switch (int(12)) {
      case 0: lines.splice(i, 1 + int(3)); break; // delete lines
      case 1: lines.splice(i, 0, ...lines.slice(i, i + 1 + int(3))); break; // duplicate
      case 2: { const j = int(n); [lines[i], lines[j]] = [lines[j], lines[i]]; break; } // swap
      case 3: lines[i] = (lines[i] ?? '').slice(0, int((lines[i] ?? '').length + 1)); break; // truncate a line
      case 4: case 5: case 6: { // insert punctuation/digits/specials into a line
        const l = lines[i] ?? '';
        const k = int(l.length + 1);
        lines[i] = l.slice(0, k) + PUNCT[int(PUNCT.length)] + l.slice(k);
        break;
      }
      case 7: { // random Unicode
        const l = lines[i] ?? '';
        const k = int(l.length + 1);
        let s = '';
        for (let c = 1 + int(3); c > 0; c--) s += randomUnicode(rnd);
        lines[i] = l.slice(0, k) + s + l.slice(k);
        break;
      }
      case 8: { // replace a character with a digit (changes numbers in tables)
        const l = lines[i] ?? '';
        if (l.length) { const k = int(l.length); lines[i] = l.slice(0, k) + String(int(10)) + l.slice(k + 1); }
        break;
      }
      case 9: { // move a block
        const len = 1 + int(8);
        const block = lines.splice(i, len);
        const j = int(lines.length + 1);
        lines.splice(j, 0, ...block);
        break;
      }
      case 10: { // cut the text at any point (a slice)
        const t = lines.join('\n');
        const a = rnd() < 0.5 ? 0 : int(t.length);
        const b = a + int(t.length - a + 1);
        lines = t.slice(a, b).split('\n');
        break;
      }
      default: { // delete a character range (may split a surrogate pair or a \r\n)
        const l = lines[i] ?? '';
        const k = int(l.length + 1);
        lines[i] = l.slice(0, k) + l.slice(k + 1 + int(3));
      }
    }
    if (lines.length === 0) lines = [''];
  }
  let text = lines.join(rnd() < 0.15 ? '\r\n' : '\n');
  if (rnd() < 0.05) text = text.replace(/\n/g, '\r');
  return text;
}

// ------------------------------------------------------------------ the run

function seeds(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  if (hasCorpus) {
    for (const { file, text } of Object.values(corpus())) out.push({ name: `corpus/${path.basename(file)}`, text });
  } else {
     
    console.log(`    (corpus not found at ${corpusDir}: fuzzing from examples/ only)`);
  }
  if (existsSync(examplesDir)) {
    for (const f of readdirSync(examplesDir).filter((x) => /\.(txt|md)$/.test(x) && x !== 'README.md').sort()) out.push({ name: `examples/${f}`, text: readFileSync(path.join(examplesDir, f), 'utf8') });
  }
  // The other layouts: innerText and copies of web pages, PDF text, single-space rows (the scenario fixtures, markers
  // and all: they are text too), and the real ones of corpus-wild when it is there.
  const more = [scenariosDir, wildDir].filter((d) => existsSync(d));
  for (const dir of more) {
    for (const f of readdirSync(dir).filter((x) => /\.(txt|md)$/.test(x) && x !== 'README.md').sort()) out.push({ name: `${path.basename(dir)}/${f}`, text: readFileSync(path.join(dir, f), 'utf8') });
  }
  return out;
}

describe('robustness: fuzzing the engine', function () {
  this.timeout(180000);
  const bases = seeds();

  it('keeps every seed document consistent before mutation', function () {
    if (!bases.length) this.skip();
    for (const b of bases) {
      const res = lint(b.text, { strict: true });
      assert.deepEqual(checkResult(b.text, res), [], b.name);
    }
  });

  it(`survives ${DOCS} mutated documents (seed ${SEED}): no throw, ranges inside, model consistent, fixes lossless, no new errors`, function () {
    if (!bases.length) this.skip();
    const rnd = mulberry32(SEED);
    // One example per kind of failure (the message without its numbers), so a known bug does not hide a new one.
    const kinds = new Map<string, { n: number; example: string }>();
    const fail = (k: number, base: string, msg: string, text: string) => {
      const kind = msg.split('; ')[0].replace(/\d+/g, 'N').replace(/\{.*\}/g, '{…}').slice(0, 120);
      const e = kinds.get(kind);
      if (e) { e.n++; return; }
      kinds.set(kind, { n: 1, example: `doc #${k} from ${base} (seed ${SEED}): ${msg}\n      text (${text.length} chars): ${JSON.stringify(text.length > 600 ? `${text.slice(0, 300)}…${text.slice(-300)}` : text)}` });
    };
    let findings = 0;
    let fixed = 0;
    let relinted = 0;
    const t0 = performance.now();
    for (let k = 0; k < DOCS; k++) {
      const base = bases[k % bases.length];
      // Three documents in four are windows of 200–1,700 characters (cut anywhere) to keep the run near 20 s.
      const whole = mutate(base.text, rnd);
      let text = whole;
      if (k % 4 !== 0 && whole.length > 400) {
        const len = 200 + Math.floor(rnd() * 1500);
        const at = Math.floor(rnd() * Math.max(1, whole.length - len));
        text = whole.slice(at, at + len);
      }
      const locale = k % 7 === 0 ? 'en' : 'zh-CN';
      let res: LintResult;
      try {
        res = lint(text, { strict: true, locale });
      } catch (e) {
        fail(k, base.name, `lint threw ${(e as Error).stack}`, text);
        continue;
      }
      findings += res.findings.length;
      const errs = checkResult(text, res);
      if (errs.length) { fail(k, base.name, errs.slice(0, 5).join('; '), text); continue; }

      // All fixes, suggestions included: nothing outside the edits may change.
      const all = pickFixes(res.findings, true);
      if (all.length) {
        fixed++;
        const got = applyFixes(text, all);
        const want = expectedAfterFixes(text, all);
        if (got.applied + got.skipped !== all.length) fail(k, base.name, `applied ${got.applied} + skipped ${got.skipped} ≠ ${all.length} fixes`, text);
        if (got.text !== want.text) {
          const first = want.edits[0]?.start ?? 0;
          const last = want.edits[want.edits.length - 1]?.end ?? text.length;
          const prefixKept = got.text.startsWith(text.slice(0, first));
          const suffixKept = got.text.endsWith(text.slice(last));
          fail(k, base.name, `applyFixes text differs from the reconstruction (prefix kept: ${prefixKept}, suffix kept: ${suffixKept}, applied ${got.applied}/${want.applied})`, text);
        }
      }
      // Safe fixes only: the errors after them are a subset of the errors before.
      const safe = pickFixes(res.findings, false);
      if (safe.length) {
        relinted++;
        const after = applyFixes(text, safe).text;
        let res2: LintResult;
        try {
          res2 = lint(after, { strict: true, locale });
        } catch (e) {
          fail(k, base.name, `lint of the fixed text threw ${(e as Error).stack}`, after);
          continue;
        }
        const errs2 = checkResult(after, res2);
        if (errs2.length) fail(k, base.name, `after safe fixes: ${errs2.slice(0, 3).join('; ')}`, after);
        const b = errorIds(res.findings);
        const a = errorIds(res2.findings);
        const newIds = [...a.keys()].filter((id) => !b.has(id));
        const nb = [...b.values()].reduce((s, v) => s + v, 0);
        const na = [...a.values()].reduce((s, v) => s + v, 0);
        if (newIds.length || na > nb) fail(k, base.name, `safe fixes added errors: new rules [${newIds.join(', ')}], errors ${nb} → ${na}`, text);
      }
    }
    const s = (performance.now() - t0) / 1000;
     
    console.log(`    ${DOCS} documents in ${s.toFixed(1)} s (${Math.round(DOCS / s)} docs/s; ${findings} findings, ${fixed} with fixes, ${relinted} re-linted after safe fixes)`);
    const failures = [...kinds].map(([kind, e]) => `[${e.n}×] ${kind}\n    e.g. ${e.example}`);
    assert.equal(failures.length, 0, `${failures.length} kinds of failure:\n  ${failures.join('\n  ')}`);
  });
});
