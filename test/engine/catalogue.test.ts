// Every user-visible string goes through a catalogue read by the engine's format(): each catalogue has the same
// keys in both locales, every key is used by the code that reads that catalogue, and every key the code asks
// for exists. Keys are found in the source with the TypeScript parser: string literals, and template literals
// (`table.${id}`) as patterns.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { common, type Catalogue } from '../../server/src/engine/messages';
import { rules } from '../../server/src/engine/rules/registry';
import { catalogues } from '../support/catalogues';
import { repoRoot } from '../support/paths';

const SOURCE_DIRS = ['server/src', 'client/src'];
const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : []));
const sources = SOURCE_DIRS.flatMap((d) => walk(path.join(repoRoot, d))).map((f) => path.relative(repoRoot, f));
const under = (...prefixes: string[]) => sources.filter((f) => prefixes.some((p) => f === p || f.startsWith(`${p}/`)));

/**
 * Where a rule's keys may be asked for: its module, the balance code all balance rules share, the code actions, and
 * the helper folder named by the rule's first word (rules/narrative/ for narrative-mismatch).
 */
const ruleScope = (file: string) => [file, 'server/src/engine/rules/balance.ts', 'server/src/lsp/codeActions.ts'];

interface Known { name: string; catalogue: Catalogue; scope: string[] }
/** Where each catalogue's keys may be asked for. */
const scopes: Record<string, string[]> = {
  common: sources,
  sumBalanceMessages: ruleScope('server/src/engine/messages/balance.ts'),
  formatMessages: under('server/src/formats/messages.ts', 'server/src/cli', 'server/src/cli.ts', 'server/src/lsp/documents.ts'),
  cliMessages: under('server/src/cli', 'server/src/cli.ts'),
  configMessages: under('server/src/config'),
  summaryMessages: under('server/src/summary.ts'),
  lspMessages: under('server/src/lsp'),
  clientMessages: under('client/src'),
  previewMessages: under('server/src/engine/preview.ts', 'client/src/preview.ts', 'client/src/webview'),
  skeletonMessages: under('server/src/engine/skeleton.ts', 'server/src/engine/snippets.ts', 'client/src/newReport.ts'),
  ...Object.fromEntries(rules.map((r) => [`rule ${r.meta.id}`, [...ruleScope(`server/src/engine/rules/${r.meta.id}.ts`), ...under(`server/src/engine/rules/${r.meta.id.split('-')[0]}`)]])),
};
const known: Known[] = Object.entries(catalogues).map(([name, catalogue]) => {
  const scope = scopes[name];
  if (!scope) throw new Error(`catalogue ${name}: say in scopes where its keys are asked for`);
  return { name, catalogue, scope };
});

interface Parsed { sf: ts.SourceFile; literals: Set<string>; patterns: RegExp[]; asked: { key: string | RegExp; at: string }[] }

/** An object written as a catalogue or a bilingual text: it has both a 'zh-CN' and an en property. */
function isBilingual(n: ts.Node): boolean {
  if (!ts.isObjectLiteralExpression(n)) return false;
  const names = n.properties.map((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : ''));
  return names.includes('zh-CN') && names.includes('en');
}

function pattern(t: ts.TemplateExpression): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${esc(t.head.text)}${t.templateSpans.map((s) => `.+${esc(s.literal.text)}`).join('')}$`);
}

/** The key argument of a lookup call: format(locale, KEY), ruleMessage(locale, rule, KEY), t(KEY), ctx.t(KEY), m(KEY). */
function keyArgument(call: ts.CallExpression): ts.Expression | undefined {
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  const index = { format: 1, ruleMessage: 2, t: 0, m: 0 }[name];
  // data.ts's t(zh, en) builds a bilingual text: two strings, no lookup.
  const second = call.arguments[1];
  if (index === 0 && second && (ts.isStringLiteral(second) || ts.isTemplateExpression(second))) return undefined;
  return index === undefined ? undefined : call.arguments[index];
}

const parsedFiles = new Map<string, Parsed>();
function parse(file: string): Parsed {
  let p = parsedFiles.get(file);
  if (p) return p;
  const sf = ts.createSourceFile(file, readFileSync(path.join(repoRoot, file), 'utf8'), ts.ScriptTarget.ES2022, true);
  p = { sf, literals: new Set(), patterns: [], asked: [] };
  const out = p;
  const where = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const asKey = (e: ts.Expression | undefined, at: ts.Node) => {
    if (!e) return;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) out.asked.push({ key: e.text, at: where(at) });
    else if (ts.isTemplateExpression(e)) out.asked.push({ key: pattern(e), at: where(at) });
  };
  const visit = (n: ts.Node): void => {
    if (isBilingual(n)) return; // the catalogues themselves: their keys are not uses
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.literals.add(n.text);
    // A template names a family of keys only by its literal head (`table.${id}`); `${a}${b}` names nothing.
    else if (ts.isTemplateExpression(n) && n.head.text) out.patterns.push(pattern(n));
    if (ts.isCallExpression(n)) asKey(keyArgument(n), n);
    // ctx.report({ message: KEY })
    if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && n.name.text === 'message' && ts.isObjectLiteralExpression(n.parent)
      && ts.isCallExpression(n.parent.parent) && ts.isPropertyAccessExpression(n.parent.parent.expression) && n.parent.parent.expression.name.text === 'report') {
      const v = n.initializer;
      if (ts.isConditionalExpression(v)) { asKey(v.whenTrue, n); asKey(v.whenFalse, n); } else asKey(v, n);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  parsedFiles.set(file, out);
  return out;
}

describe('message catalogues', () => {
  it('every catalogue has the same keys in zh-CN and en', () => {
    for (const { name, catalogue } of known) {
      assert.deepEqual(Object.keys(catalogue.en).sort(), Object.keys(catalogue['zh-CN']).sort(), name);
    }
  });

  it('every catalogue of the source is one of those checked here', () => {
    // A new catalogue (`: Catalogue = {` or a rule's messages) must be added to `known` above.
    const declared = sources.flatMap((f) => [...readFileSync(path.join(repoRoot, f), 'utf8').matchAll(/(?:const|let) (\w+): Catalogue = \{/g)].map((m) => m[1]));
    const names = new Set(known.map((k) => k.name));
    for (const d of declared) assert.ok(names.has(d) || d === 'catalogue', `catalogue ${d} is not in test/support/catalogues.ts`);
  });

  it('every key is used by the code that reads its catalogue', () => {
    const unused: string[] = [];
    for (const { name, catalogue, scope } of known) {
      const files = scope.map(parse);
      for (const key of Object.keys(catalogue['zh-CN'])) {
        const used = files.some((p) => p.literals.has(key) || p.patterns.some((re) => re.test(key)));
        if (!used) unused.push(`${name}: ${key}`);
      }
    }
    assert.deepEqual(unused, []);
  });

  it('every key the code asks for exists, in both locales', () => {
    const all = known.map((k) => k.catalogue);
    const has = (key: string) => all.some((c) => key in c['zh-CN'] && key in c.en);
    const missing: string[] = [];
    for (const file of sources) {
      for (const { key, at } of parse(file).asked) {
        const ok = typeof key === 'string' ? has(key) : all.some((c) => Object.keys(c['zh-CN']).some((k) => key.test(k)));
        if (!ok) missing.push(`${at}: ${String(key)}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('no text chooses its language inline (locale === \'en\' ? … : …): every string goes through a catalogue', () => {
    const LOCALE_CODES = new Set(['en', 'zh-CN', 'zh-cn']);
    const isLocale = (e: ts.Expression) => (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) && LOCALE_CODES.has(e.text);
    const isText = (e: ts.Expression) => {
      while (ts.isParenthesizedExpression(e)) e = e.expression;
      return ((ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) && !LOCALE_CODES.has(e.text)) || ts.isTemplateExpression(e);
    };
    const inline: string[] = [];
    for (const file of sources) {
      const { sf } = parse(file);
      const visit = (n: ts.Node): void => {
        if (ts.isConditionalExpression(n) && ts.isBinaryExpression(n.condition)
          && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(n.condition.operatorToken.kind)
          && (isLocale(n.condition.left) || isLocale(n.condition.right)) && (isText(n.whenTrue) || isText(n.whenFalse))) {
          inline.push(`${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`);
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    assert.deepEqual(inline, []);
  });

  it('a rule asks only for its own keys or shared ones', () => {
    for (const r of rules) {
      const file = `server/src/engine/rules/${r.meta.id}.ts`;
      for (const { key, at } of parse(file).asked) {
        if (typeof key !== 'string') continue;
        assert.ok(key in r.messages['zh-CN'] || key in common['zh-CN'], `${at}: ${key}`);
      }
    }
  });
});
