// Settings through the language server: the test client answers workspace/configuration itself, then
// sends workspace/didChangeConfiguration; rules off / severity, template, locale (incl. 'auto'), per document,
// and a client that cannot be asked (defaults, then pushed settings).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { lint } from '../../server/src/engine';
import { TestClient, uriOf } from './helpers/client';
import { repoRoot } from '../support/paths';

// The fixture report with a truncated heading of part 三 (section-title, a warning) and no tables (table-missing).
const TEXT = readFileSync(path.join(repoRoot, 'test/fixtures/cli/minimal.txt'), 'utf8')
  .replace('三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请情');
const codes = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => String(d.code));

describe('language server: configuration', function () {
  let c: TestClient;
  before(async function () {
    this.timeout(60000);
    c = await TestClient.start({ initializationOptions: { locale: 'zh-CN' } });
  });
  after(async function () { await c?.stop(); });

  /** Change the client's settings, notify the server, wait for a publication of `uri` matching `pred`. */
  async function reconfigure(uri: string, settings: Record<string, unknown>, pred: (p: { diagnostics: { code?: unknown; severity?: number; message: string }[] }) => boolean) {
    c.settings = settings;
    const since = c.published.get(uri)?.length ?? 0;
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    return c.waitDiagnostics(uri, pred, 10000, since);
  }

  it('asks workspace/configuration (section govReport, the document uri) and uses the defaults for null', async function () {
    const uri = uriOf('config-defaults.txt');
    c.settings = {};
    const before = c.configRequests;
    await c.open(uri, TEXT, 1);
    const p = await c.waitVersion(uri, 1);
    assert.ok(c.configRequests > before, 'workspace/configuration was requested');
    assert.deepEqual(codes(p), lint(TEXT, { locale: 'zh-CN' }).findings.map((f) => f.rule));
    assert.ok(codes(p).includes('section-title'));
    await c.close(uri);
  });

  it('a null answer is kept as the defaults: the edits of a document do not ask again (Neovim, Eglot answer null)', async function () {
    const uri = uriOf('config-null-kept.txt');
    c.settings = {};
    await c.open(uri, TEXT, 1);
    await c.waitVersion(uri, 1);
    const asked = c.configRequests;
    for (let v = 2; v <= 6; v++) {
      await c.replace(uri, v, `${TEXT}\n${' '.repeat(v)}`);
      await c.waitVersion(uri, v);
    }
    assert.equal(c.configRequests, asked, 'no workspace/configuration request for the edits');
    await c.close(uri);
  });

  it('govReport.rules: a rule turned off disappears, a severity override applies, and back', async function () {
    const uri = uriOf('config-rules.txt');
    c.settings = {};
    await c.open(uri, TEXT, 1);
    const p0 = await c.waitVersion(uri, 1);
    assert.ok(codes(p0).includes('section-title'));
    const off = await reconfigure(uri, { '*': { rules: { 'section-title': 'off' } } }, (p) => !codes(p).includes('section-title'));
    assert.deepEqual(codes(off), codes(p0).filter((x) => x !== 'section-title'));
    const hint = await reconfigure(uri, { '*': { rules: { 'section-title': 'hint', 'bogus-rule': 'loud', 'table-missing': 42 } } }, (p) => codes(p).includes('section-title'));
    assert.equal(hint.diagnostics.find((d) => d.code === 'section-title')?.severity, 4);
    assert.deepEqual(codes(hint), codes(p0), 'invalid values are ignored');
    const back = await reconfigure(uri, { '*': {} }, (p) => p.diagnostics.some((d) => d.code === 'section-title' && d.severity === 2));
    assert.deepEqual(codes(back), codes(p0));
    await c.close(uri);
  });

  it('settings are per document (scopeUri)', async function () {
    const a = uriOf('config-a.txt');
    const b = uriOf('config-b.txt');
    c.settings = { [a]: { rules: { 'section-title': 'off' } } };
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await c.open(a, TEXT, 1);
    await c.open(b, TEXT, 1);
    assert.ok(!codes(await c.waitVersion(a, 1)).includes('section-title'));
    assert.ok(codes(await c.waitVersion(b, 1)).includes('section-title'));
    await c.close(a);
    await c.close(b);
  });

  it('govReport.locale and govReport.template', async function () {
    const uri = uriOf('config-locale.txt');
    c.settings = {};
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await c.open(uri, TEXT, 1);
    await c.waitVersion(uri, 1);
    const en = lint(TEXT, { locale: 'en' }).findings.map((f) => f.message);
    const p = await reconfigure(uri, { '*': { locale: 'en' } }, (x) => x.diagnostics.map((d) => d.message).join() === en.join());
    assert.deepEqual(p.diagnostics.map((d) => d.message), en);
    const titleDetail = async () => (await c.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }))[0].detail;
    assert.equal(await titleDetail(), '2021, the 2021 template');
    // the template setting reaches the engine: the 2021 report is checked against the 2019 template
    await reconfigure(uri, { '*': { locale: 'en', template: 'T2019' } }, () => true);
    assert.equal(await titleDetail(), '2021, the 2019 template');
    // and the hover speaks the configured language
    const h = await c.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } });
    assert.match((h.contents as MarkupContent).value, /^\*\*一、总体情况\*\*/);
    assert.doesNotMatch((h.contents as MarkupContent).value.split('\n\n')[1], /[\u4e00-\u9fff]{6}/, 'an English explanation');
    await c.close(uri);
  });
});

describe('language server: Chinese by default; locale "auto" follows the client', function () {
  const cases: [string, string | undefined, Record<string, unknown>, string | undefined, 'zh-CN' | 'en'][] = [
    ['no setting, an English client (initializationOptions en, InitializeParams en-US)', undefined, { locale: 'en' }, 'en-US', 'zh-CN'],
    ['auto, initializationOptions.locale en', 'auto', { locale: 'en' }, 'zh-cn', 'en'],
    ['auto, InitializeParams.locale en-US', 'auto', {}, 'en-US', 'en'],
    ['auto, InitializeParams.locale zh-tw', 'auto', {}, 'zh-tw', 'zh-CN'],
    ['auto, an unknown locale (fr)', 'auto', { locale: 'fr' }, undefined, 'zh-CN'],
    ['auto, no locale at all', 'auto', {}, undefined, 'zh-CN'],
  ];
  for (const [name, setting, init, locale, expected] of cases) {
    it(`${name} → ${expected}`, async function () {
      this.timeout(30000);
      const c = await TestClient.start({ initializationOptions: init, locale });
      if (setting) c.settings = { '*': { locale: setting } };
      try {
        const uri = uriOf('locale.txt');
        await c.open(uri, TEXT, 1);
        const p = await c.waitVersion(uri, 1);
        assert.deepEqual(p.diagnostics.map((d) => d.message), lint(TEXT, { locale: expected }).findings.map((f) => f.message));
      } finally {
        await c.stop();
      }
    });
  }
});

describe('language server: a client without workspace/configuration', function () {
  it('uses the defaults, then settings pushed with didChangeConfiguration', async function () {
    this.timeout(30000);
    const c = await TestClient.start({ capabilities: {}, initializationOptions: { locale: 'zh-CN' } });
    try {
      const uri = uriOf('push.txt');
      await c.open(uri, TEXT, 1);
      const p = await c.waitVersion(uri, 1);
      assert.equal(c.configRequests, 0, 'the server must not ask a client that cannot answer');
      assert.ok(codes(p).includes('section-title'));
      const since = c.published.get(uri)!.length;
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { govReport: { rules: { 'section-title': 'off' } } } });
      const q = await c.waitDiagnostics(uri, (x) => !codes(x).includes('section-title'), 10000, since);
      assert.deepEqual(codes(q), codes(p).filter((x) => x !== 'section-title'));
    } finally {
      await c.stop();
    }
  });
});
