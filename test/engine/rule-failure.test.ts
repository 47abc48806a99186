// A rule that throws does not vanish: its failure is an info finding at the start of the document, and the other
// rules still run (markdownlint's handleRuleFailures). With `strict` (the tests' setting) it is thrown instead.
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { rules } from '../../server/src/engine/rules/registry';
import { example } from '../support/paths';

describe('a rule that throws', () => {
  const text = example('defects-2022-pipe.md');
  const victim = rules.find((r) => r.meta.id === 'section-order')!;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back on the same rule, never called alone
  const original = victim.check;
  before(() => { (victim as { check: typeof original }).check = () => { throw new Error('boom'); }; });
  after(() => { (victim as { check: typeof original }).check = original; });

  it('becomes one info finding at the document start, naming the check (by its name, not its id) and the error, in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const failed = lint(text, { locale }).findings.filter((f) => f.rule === 'section-order');
      assert.equal(failed.length, 1);
      assert.equal(failed[0].severity, 'info');
      assert.deepEqual(failed[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.equal(failed[0].message, locale === 'en'
        ? 'The check “Order of the parts” failed and checked nothing: boom. Please send this report and this message to the maintainers'
        : '检查项“部分顺序”运行出错，本项未能检查：boom。请将该报告和本提示反馈给维护人员');
    }
  });
  it('leaves the other rules running', () => {
    assert.ok(lint(text).findings.some((f) => f.rule === 'cell-blank'));
  });
  it('is thrown with strict', () => {
    assert.throws(() => lint(text, { strict: true }), /boom/);
  });
});
