// Mocha's spec reporter, plus one machine-readable line of counts at the end, so that CI can sum every
// suite it ran into one `tests: N passed, N failed, N skipped` line (scripts/ci-summary.mjs).
// The counts go to the file named by $GOV_REPORT_RESULTS (JSON lines) when it is set, and always to stdout as
// `GOV_REPORT_COUNTS {...}` (the e2e runner records them from the VS Code extension host's log).
// Plain JS: mocha loads it by path in the test process and inside the VS Code extension host alike.
const fs = require('fs');
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const suite = (options && options.reporterOptions && options.reporterOptions.suite) || process.env.GOV_REPORT_SUITE || 'mocha';
    runner.once('end', () => {
      const s = this.stats;
      const counts = { suite, passed: s.passes, failed: s.failures, skipped: s.pending };
      console.log(`GOV_REPORT_COUNTS ${JSON.stringify(counts)}`);
      if (process.env.GOV_REPORT_RESULTS) fs.appendFileSync(process.env.GOV_REPORT_RESULTS, `${JSON.stringify(counts)}\n`);
    });
  }
}

module.exports = CountingReporter;
