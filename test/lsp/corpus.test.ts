// The five real reports through the language server: published diagnostics equal the engine's findings
// (rule, severity, range, message) and the expected ones; outline, folding and hover on real tables.
import assert from 'node:assert/strict';
import { DiagnosticSeverity, SymbolKind, type DocumentSymbol, type FoldingRange, type Hover, type MarkupContent, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { lint, type Finding } from '../../server/src/engine';
import { CORPUS } from '../support/corpus-expected';
import { countBy, described } from '../support/findings';
import { corpus, hasCorpus, requireCorpus } from '../support/paths';
import { TestClient, uriOf } from './helpers/client';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = { error: 1, warning: 2, info: 3, hint: 4 };
const SEVERITY_NAME: Record<DiagnosticSeverity, Finding['severity']> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const PARTS = ['一', '二', '三', '四', '五', '六'];

describe('language server: corpus reports', function () {
  const files = corpus();
  let c: TestClient;
  const published: Record<string, PublishDiagnosticsParams> = {};
  const uri = (id: string) => uriOf(`corpus-${id}.txt`);

  before(async function () {
    requireCorpus(this);
    if (!hasCorpus) return;
    this.timeout(60000);
    c = await TestClient.start({ initializationOptions: { locale: 'zh-CN' } });
    for (const id of Object.keys(files)) await c.open(uri(id), files[id].text, 1);
    for (const id of Object.keys(files)) published[id] = await c.waitVersion(uri(id), 1);
  });
  after(async function () { await c?.stop(); });

  it('every report: the diagnostics are exactly the engine findings (rule, severity, range, message)', function () {
    assert.equal(Object.keys(files).length, 5, 'five corpus reports');
    for (const [id, { text }] of Object.entries(files)) {
      const expected = lint(text, { locale: 'zh-CN', template: 'auto', rules: {} }).findings;
      const got = published[id].diagnostics;
      assert.deepEqual(got.map((d) => [d.code, d.severity, d.range, d.message]), expected.map((f) => [f.rule, SEVERITY[f.severity], f.range, f.message]), id);
      // The places of a pattern are relatedInformation in this document.
      assert.deepEqual(got.map((d) => d.relatedInformation ?? []), expected.map((f) => (f.related ?? []).map((r) => ({ location: { uri: uri(id), range: r.range }, message: r.message }))), id);
      for (const d of got) assert.equal(d.source, 'gov-report', id);
    }
  });

  it('every report: the diagnostics are the expected findings (test/support/corpus-expected.ts)', function () {
    for (const id of Object.keys(files)) {
      const e = CORPUS[id];
      const got = published[id].diagnostics.map((d) => ({ severity: SEVERITY_NAME[d.severity!], rule: String(d.code), range: d.range }));
      if (e.findings) assert.deepEqual(got.map(described), e.findings, id);
      if (e.summary) assert.deepEqual(countBy(got), e.summary.counts, id);
    }
  });

  it('002 and 004: the finding on a table carries its rows as relatedInformation', function () {
    const table = published['002'].diagnostics[0];
    assert.match(table.message, /^第三部分表格 21 行均少 1 列/);
    assert.deepEqual(table.relatedInformation?.map((r) => r.location.range.start.line), Array.from({ length: 21 }, (_, i) => 72 + i));
    assert.equal(published['004'].diagnostics[0].relatedInformation?.length, 23);
  });

  it('document symbols: the title, the six parts in order, three tables', async function () {
    for (const id of Object.keys(files)) {
      const syms = await c.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri(id) } });
      assert.equal(syms.length, 1, `${id}: one top-level title symbol`);
      const [title] = syms;
      assert.equal(title.kind, SymbolKind.File, id);
      const parts = title.children ?? [];
      assert.deepEqual(parts.map((p) => p.name.charAt(0)), PARTS, id);
      assert.ok(parts.every((p) => p.kind === SymbolKind.Namespace), id);
      const tables = parts.flatMap((p) => p.children ?? []).filter((s) => s.kind === SymbolKind.Struct);
      assert.equal(tables.length, 3, `${id}: three tables`);
      assert.deepEqual(parts.flatMap((p, i) => ((p.children ?? []).some((s) => s.kind === SymbolKind.Struct) ? [i + 1] : [])), [2, 3, 4], id);
      // every symbol: a non-empty name, the selection inside the range, children inside their parent
      const check = (s: DocumentSymbol, parent?: DocumentSymbol) => {
        assert.ok(s.name.length > 0, id);
        assert.ok(inside(s.selectionRange, s.range), `${id} ${s.name}: selectionRange outside range`);
        if (parent) assert.ok(inside(s.range, parent.range), `${id} ${s.name}: outside ${parent.name}`);
        for (const ch of s.children ?? []) check(ch, s);
      };
      check(title);
      const rows = tables.flatMap(function flat(s: DocumentSymbol): DocumentSymbol[] { return [s, ...(s.children ?? []).flatMap(flat)]; }).filter((s) => s.kind === SymbolKind.Field);
      assert.ok(rows.length >= 30, `${id}: table rows as fields (${rows.length})`);
    }
  });

  it('folding ranges: one per part and per table', async function () {
    const ranges = await c.conn.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: uri('001') } });
    const { report } = lint(files['001'].text);
    const starts = ranges.map((r) => r.startLine);
    for (const p of report.parts) if (p.range.end.line > p.range.start.line + 1) assert.ok(starts.includes(p.range.start.line), `part ${p.number}`);
    for (const t of report.tables) assert.ok(starts.includes(t.range.start.line), `table ${t.id}`);
    assert.equal(ranges.length, report.parts.length + report.tables.length);
    for (const r of ranges) assert.ok(r.endLine > r.startLine);
  });

  it('hover on a row label: explanation, article, balance', async function () {
    const line = files['001'].text.split(/\r?\n/)[77];
    assert.ok(line.includes('一、本年新收政府信息公开申请数量'), line);
    const h = await c.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uri('001') }, position: { line: 77, character: 2 } });
    assert.ok(h, 'a hover');
    const md = h.contents as MarkupContent;
    assert.equal(md.kind, 'markdown');
    assert.match(md.value, /本年新收政府信息公开申请数量/);
    assert.match(md.value, /\n依据：《条例》第二十七条、第二十九条、第三十一条\n/);
    assert.equal(h.range?.start.line, 77);
  });

  it('hover on a cell of （七）总计: row × column, value and the balance', async function () {
    for (const id of ['001', '003']) {
      const { report } = lint(files[id].text);
      const total = report.tables.find((t) => t.id === 'applications')!.rows.find((r) => r.label.includes('（七）总计'))!;
      const cell = total.cells[0];
      const h = await c.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uri(id) }, position: cell.range.start });
      assert.ok(h, `${id}: a hover on the total`);
      const md = (h.contents as MarkupContent).value;
      assert.match(md, /^\*\*“（七）总计”行“自然人”列\*\*\n\n填报数：\d+\n/, id);
      assert.match(md, /✓ 勾稽关系相符|✗ 勾稽关系不符/, id);
      assert.deepEqual(h.range, cell.range, id);
    }
  });

  it('hover outside any table or heading is null', async function () {
    const h = await c.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uri('001') }, position: { line: 2, character: 3 } });
    assert.equal(h, null);
  });
});

function inside(a: { start: { line: number; character: number }; end: { line: number; character: number } }, b: typeof a): boolean {
  const le = (x: typeof a.start, y: typeof a.start) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return le(b.start, a.start) && le(a.end, b.end);
}
