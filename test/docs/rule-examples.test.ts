// Each rule page's examples run: the block marked "triggers" gives the findings it says, the block marked "fixed"
// none of them (test/support/rule-examples.ts reads the marks and puts the excerpts into an example report).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lint, ruleMetas } from '../../server/src/engine';
import { rules } from '../../server/src/engine/rules/registry';
import { example, repoRoot } from '../support/paths';
import { examplesOf, excerptLine, spliceExcerpt, type Example, type Expectation } from '../support/rule-examples';

const rulesDir = path.join(repoRoot, 'docs', 'rules');

function counts(text: string, expect: Expectation[]): string[] {
  const findings = lint(text, { strict: true }).findings;
  return expect.map((e) => `${e.rule}${e.severity ? `:${e.severity}` : ''} ×${findings.filter((f) => f.rule === e.rule && (!e.severity || f.severity === e.severity)).length}`);
}
const said = (expect: Expectation[]) => expect.map((e) => `${e.rule}${e.severity ? `:${e.severity}` : ''} ×${e.count}`);
const none = (expect: Expectation[]) => expect.map((e) => ({ ...e, count: 0 }));

/** The text an example describes: alone, or put into its base report (over `over`, the triggered text, if given). */
function textOf(e: Example, lines: readonly string[], over: string | null): string {
  if (!e.base) return lines.filter((l) => !/^\s*…+\s*$/.test(l)).map(excerptLine).join('\n');
  const into = over ?? example(e.base);
  return spliceExcerpt(into.split('\n'), lines).join('\n');
}

describe('rule pages: the examples run (docs/rules/*.md)', () => {
  const pages = readdirSync(rulesDir).filter((f) => f.endsWith('.md')).sort();

  // A rule that compares a report with last year's (compare, no check) cannot be shown by one excerpt: the pair of
  // years in examples/ shows it (examples/README.md, checked by examples.test.ts).
  const yearRules = new Set(rules.filter((r) => r.compare && !r.check).map((r) => r.meta.id));

  it('every rule has a page, and every page of a rule on one report an example that triggers its rule', () => {
    assert.deepEqual(pages.map((p) => p.replace(/\.md$/, '')), ruleMetas.map((m) => m.id).sort());
    assert.deepEqual([...yearRules].sort(), ['active-count-previous-year', 'carryover-previous-year', 'text-reuse']);
    for (const p of pages) {
      const id = p.replace(/\.md$/, '');
      if (yearRules.has(id)) continue;
      assert.ok(examplesOf(readFileSync(path.join(rulesDir, p), 'utf8')).some((e) => e.kind === 'triggers' && e.expect.some((x) => x.rule === id)), `${p}: no example triggers ${id}`);
    }
  });

  for (const page of pages) {
    describe(page, () => {
      const examples = examplesOf(readFileSync(path.join(rulesDir, page), 'utf8'));
      for (const e of examples) {
        const where = e.base ? `in ${e.base}` : 'alone';
        if (e.kind === 'fixed') {
          it(`line ${e.line}: fixed, ${where}: no ${e.expect.map((x) => x.rule).join(', ')}`, () => {
            const triggered = e.base ? textOf(e.fixes!, e.fixes!.lines, null) : null;
            assert.deepEqual(counts(textOf(e, e.lines, triggered), e.expect), said(none(e.expect)));
          });
          continue;
        }
        it(`line ${e.line}: ${e.eachLine ? 'each line ' : ''}triggers ${said(e.expect).join(', ')} ${where}`, () => {
          if (e.base) assert.deepEqual(counts(example(e.base), e.expect), said(none(e.expect)), `${e.base} alone already has these`);
          const blocks = e.eachLine ? e.lines.filter((l) => l.trim() && !/^\s*…+\s*$/.test(l)).map((l) => [l]) : [e.lines];
          for (const b of blocks) assert.deepEqual(counts(textOf(e, b, null), e.expect), said(e.expect), b.join(' / '));
        });
      }
    });
  }
});
