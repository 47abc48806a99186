// Sums the counts every CI suite wrote (JSON lines: {suite, passed, failed, skipped}) into the one line
// CI ends with: `tests: N passed, N failed, N skipped`. A suite that was expected but reported nothing,
// ran no test, or exited non-zero without a failed test counts as failed: a silent suite is not a pass.
// usage: node scripts/ci-summary.mjs RESULTS_FILE SUITE=EXIT_CODE...
import { existsSync, readFileSync } from 'node:fs';

const [file, ...expected] = process.argv.slice(2);
const lines = file && existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
const bySuite = new Map();
for (const l of lines) {
  const c = JSON.parse(l);
  const t = bySuite.get(c.suite) ?? { passed: 0, failed: 0, skipped: 0 };
  for (const k of ['passed', 'failed', 'skipped']) t[k] += Number(c[k]) || 0;
  bySuite.set(c.suite, t);
}
const problems = [];
for (const e of expected) {
  const [suite, code] = e.split('=');
  const t = bySuite.get(suite);
  if (!t) { problems.push(`${suite}: reported no results (exit ${code})`); bySuite.set(suite, { passed: 0, failed: 1, skipped: 0 }); continue; }
  if (t.passed + t.failed === 0) { problems.push(`${suite}: ran no test`); t.failed += 1; }
  if (code !== '0' && t.failed === 0) { problems.push(`${suite}: exited ${code} with no failed test`); t.failed += 1; }
}
const total = { passed: 0, failed: 0, skipped: 0 };
for (const [suite, t] of bySuite) {
  console.log(`  ${suite}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
  for (const k of Object.keys(total)) total[k] += t[k];
}
for (const p of problems) console.log(`  problem: ${p}`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
