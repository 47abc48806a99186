// A rule that throws does not vanish: its failure is an info finding at the start of the document, and the other
// rules still run (markdownlint's handleRuleFailures). With `strict` (the tests' setting) it is thrown instead.
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { rules } from '../../server/src/engine/rules/registry';
import { example } from '../support/paths';

describe('a rule that throws', () => {
  const text = example('defects-2022-pipe.md');
  const victim = rules.find((r) => r.meta.id === 'section-order')!;
  const original = victim.check;
  before(() => { (victim as { check: typeof original }).check = () => { throw new Error('boom'); }; });
  after(() => { (victim as { check: typeof original }).check = original; });

  it('becomes one info finding at the document start, naming the rule and the error, in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const failed = lint(text, { locale }).findings.filter((f) => f.rule === 'section-order');
      assert.equal(failed.length, 1);
      assert.equal(failed[0].severity, 'info');
      assert.deepEqual(failed[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.match(failed[0].message, /section-order/);
      assert.match(failed[0].message, /boom/);
    }
  });
  it('leaves the other rules running', () => {
    assert.ok(lint(text).findings.some((f) => f.rule === 'cell-blank'));
  });
  it('is thrown with strict', () => {
    assert.throws(() => lint(text, { strict: true }), /boom/);
  });
});
